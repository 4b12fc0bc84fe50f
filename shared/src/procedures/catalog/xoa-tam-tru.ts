import { PROCEDURE_KEYWORDS } from "../../text/procedure-keywords";
import type { ProcedureDefinitionInput } from "../definition";
import { declarationField, identityDocument, phoneField, requesterField } from "../fields";
import { CT01_FIELD_COUNT } from "../residence-fields";

/*
 * 1.010028 Xóa đăng ký tạm trú (Quyết định 1523/QĐ-BCA-C06). Legal basis: Luật Cư trú 2020 (68/2020/QH14)
 * Điều 29 (the cases: died, moved away, registered elsewhere, the stay ended…); Nghị định 154/2024/NĐ-CP;
 * Thông tư 53/2025/TT-BCA (CT01). Free of charge; 2 working days.
 *
 * Dropped from CT01: boxes 1–6 (profile); the household head and members (in the residence database).
 * Not asked: proof of the case (a death is in the e-civil-status database, a new registration in the
 * residence database), which the police retrieve and only request when it is not shared.
 */

/** Tờ khai CT01 (see residence-fields.ts). */
export const EFORM_FIELD_COUNT = CT01_FIELD_COUNT;

export const procedure: ProcedureDefinitionInput = {
  code: "1.010028",
  version: 1,
  title: "Xóa đăng ký tạm trú",
  officialName: "Xóa đăng ký tạm trú",
  summary:
    "Xóa tên khỏi nơi tạm trú khi bạn (hoặc người thuê nhà của bạn) đã chuyển đi hoặc đã mất, để thông tin cư trú đúng với thực tế.",
  sector: "Cư trú",
  agency: "cong_an_xa",
  legalTime: { kind: "working_days", days: 2 },
  fees: [
    { channel: "online", amountVnd: 0, description: "Miễn phí." },
    { channel: "direct", amountVnd: 0, description: "Miễn phí." },
    { channel: "postal", amountVnd: 0, description: "Miễn phí." },
  ],
  documents: [
    identityDocument,
    {
      id: "truong-hop-xoa",
      name: "Thông tin chứng minh thuộc trường hợp xóa đăng ký tạm trú",
      required: true,
      when: "Công an khai thác trong các cơ sở dữ liệu; chỉ khi chưa được chia sẻ mới đề nghị bạn xuất trình giấy tờ.",
      pulledFromDatabase: true,
    },
  ],
  results: [
    "Thông báo kết quả giải quyết thủ tục về cư trú",
    "Thông tin tạm trú được xóa trong Cơ sở dữ liệu về cư trú",
  ],
  legalBasis: [
    "Luật Cư trú 2020 (68/2020/QH14), Điều 29",
    "Nghị định 154/2024/NĐ-CP",
    "Thông tư 53/2025/TT-BCA (mẫu CT01)",
    "Quyết định 1523/QĐ-BCA-C06",
  ],
  portalUrl: "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bf7-7f06-7316-a1c8-3255e08fe2f5",
  keywords: [...(PROCEDURE_KEYWORDS["1.010028"] ?? [])],
  online: true,
  form: {
    steps: [
      {
        id: "nguoiYeuCau",
        title: "Người yêu cầu",
        fields: [requesterField(["fullName", "dateOfBirth", "sex", "cccd"]), phoneField],
      },
      {
        id: "nguoiBiXoa",
        title: "Xóa tạm trú của ai",
        fields: [
          {
            id: "whose",
            type: "radio",
            label: "Bạn muốn xóa đăng ký tạm trú của ai?",
            options: [
              { value: "ban_than", label: "Của tôi" },
              {
                value: "nguoi_khac",
                label: "Của người đang tạm trú tại nhà tôi (người thuê, người ở nhờ, người trong hộ)",
              },
            ],
          },
          {
            id: "person",
            type: "person",
            label: "Người được xóa đăng ký tạm trú",
            parts: ["fullName", "cccd"],
            visibleWhen: { field: "whose", equals: "nguoi_khac" },
          },
          {
            id: "reason",
            type: "radio",
            label: "Lý do",
            options: [
              { value: "chuyen_di", label: "Đã chuyển đi, không còn ở đây" },
              { value: "da_mat", label: "Người đó đã mất" },
              { value: "khac", label: "Lý do khác" },
            ],
          },
          {
            id: "reasonOther",
            type: "text",
            label: "Lý do cụ thể",
            help: "Ví dụ: đã đăng ký thường trú tại chính chỗ ở này.",
            maxLength: 200,
            visibleWhen: { field: "reason", equals: "khac" },
          },
          {
            id: "leftOn",
            type: "date",
            label: "Ngày chuyển đi hoặc ngày mất",
            help: "Không bắt buộc, ghi nếu biết.",
            required: false,
            bounds: { minDaysFromToday: -3650, maxDaysFromToday: 0 },
            visibleWhen: { not: { field: "reason", equals: "khac" } },
          },
          declarationField,
        ],
      },
    ],
  },
};

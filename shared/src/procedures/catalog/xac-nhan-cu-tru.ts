import { PROCEDURE_KEYWORDS } from "../../text/procedure-keywords";
import type { ProcedureDefinitionInput } from "../definition";
import { declarationField, emailField, identityDocument, phoneField, requesterField } from "../fields";
import { CT01_FIELD_COUNT } from "../residence-fields";

/*
 * 1.010041 Xác nhận thông tin về cư trú (Quyết định 9354/QĐ-BCA-C06). Legal basis: Luật Cư trú 2020
 * (68/2020/QH14); Nghị định 62/2021/NĐ-CP; Thông tư 55/2021/TT-BCA Điều 17 as amended by 66/2023/TT-BCA
 * (result form CT07); Thông tư 53/2025/TT-BCA (CT01). Free of charge.
 *
 * Dropped from CT01: boxes 1–6 (profile), the household head and the members (the certificate is read
 * from the residence database), "kính gửi" (any commune police can issue it). What remains is box 10,
 * the content to confirm, and what it is for.
 */

/** Tờ khai CT01 (see residence-fields.ts). */
export const EFORM_FIELD_COUNT = CT01_FIELD_COUNT;

export const procedure: ProcedureDefinitionInput = {
  code: "1.010041",
  version: 1,
  title: "Xác nhận thông tin cư trú (CT07)",
  officialName: "Xác nhận thông tin về cư trú",
  summary:
    "Xin giấy xác nhận nơi thường trú, tạm trú của bạn (mẫu CT07), thay cho sổ hộ khẩu khi đi học, xin việc, làm hồ sơ vay vốn.",
  sector: "Cư trú",
  agency: "cong_an_xa",
  legalTime: { kind: "working_days", days: 1, note: "Trường hợp cần xác minh: 3 ngày làm việc." },
  fees: [
    { channel: "online", amountVnd: 0, description: "Miễn phí." },
    { channel: "direct", amountVnd: 0, description: "Miễn phí." },
  ],
  documents: [
    identityDocument,
    {
      id: "thong-tin-cu-tru",
      name: "Thông tin cư trú của bạn",
      required: true,
      when: "Công an lấy từ Cơ sở dữ liệu về cư trú.",
      pulledFromDatabase: true,
    },
  ],
  results: ["Giấy xác nhận thông tin về cư trú (mẫu CT07)"],
  legalBasis: [
    "Luật Cư trú 2020 (68/2020/QH14)",
    "Nghị định 62/2021/NĐ-CP",
    "Thông tư 55/2021/TT-BCA, Điều 17, sửa đổi bởi Thông tư 66/2023/TT-BCA (mẫu CT07)",
    "Thông tư 53/2025/TT-BCA (mẫu CT01)",
    "Quyết định 9354/QĐ-BCA-C06",
  ],
  portalUrl: "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bf7-7f19-762d-be5e-741f71796016",
  keywords: [...(PROCEDURE_KEYWORDS["1.010041"] ?? [])],
  online: true,
  form: {
    steps: [
      {
        id: "nguoiYeuCau",
        title: "Người cần xác nhận",
        fields: [requesterField(["fullName", "dateOfBirth", "sex", "cccd"]), phoneField, emailField],
      },
      {
        id: "noiDung",
        title: "Nội dung cần xác nhận",
        fields: [
          {
            id: "content",
            type: "radio",
            label: "Bạn cần xác nhận điều gì?",
            options: [
              { value: "hien_tai", label: "Nơi thường trú, tạm trú hiện nay" },
              { value: "ho_gia_dinh", label: "Nơi cư trú và các thành viên trong hộ" },
              { value: "qua_trinh", label: "Quá trình cư trú (những nơi đã ở trước đây)" },
            ],
          },
          {
            id: "purpose",
            type: "text",
            label: "Giấy dùng để làm gì?",
            help: "Không bắt buộc. Ví dụ: nộp hồ sơ nhập học, hồ sơ vay vốn.",
            required: false,
            maxLength: 150,
          },
          declarationField,
        ],
      },
    ],
  },
};

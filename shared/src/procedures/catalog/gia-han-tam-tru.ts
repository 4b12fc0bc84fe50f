import { PROCEDURE_KEYWORDS } from "../../text/procedure-keywords";
import type { ProcedureDefinitionInput } from "../definition";
import { declarationField, identityDocument, phoneField, requesterField } from "../fields";
import {
  CT01_FIELD_COUNT,
  consentDocument,
  consentFileField,
  householdMembersFields,
  residenceFeeBasis,
} from "../residence-fields";

/*
 * 1.002755 Gia hạn tạm trú (Quyết định 9354/QĐ-BCA-C06). Legal basis: Luật Cư trú 2020 (68/2020/QH14)
 * Điều 27 khoản 2 (a stay of up to 2 years, renewable), Điều 28 khoản 4 (apply within the 15 days before
 * the registered stay ends; 3 working days); Thông tư 53/2025/TT-BCA (CT01); fees Thông tư 75/2022/TT-BTC
 * as amended by 71/2025/TT-BTC.
 *
 * Dropped from CT01: boxes 1–6 (profile); the address and the owner (already in the residence database
 * from the registration being extended, so no proof of dwelling either — the portal record says so); the
 * members' dates of birth and sex (looked up by ID).
 */

/** Tờ khai CT01 (16, see residence-fields.ts) + the new end date = 17. */
export const EFORM_FIELD_COUNT = CT01_FIELD_COUNT + 1;

export const procedure: ProcedureDefinitionInput = {
  code: "1.002755",
  version: 1,
  title: "Gia hạn tạm trú",
  officialName: "Gia hạn tạm trú",
  summary:
    "Kéo dài thời hạn tạm trú sắp hết tại chỗ ở hiện nay. Làm trong 15 ngày trước ngày hết hạn; không phải nộp lại giấy tờ chỗ ở.",
  sector: "Cư trú",
  agency: "cong_an_xa",
  legalTime: { kind: "working_days", days: 3 },
  fees: [
    {
      channel: "online",
      amountVnd: 7000,
      description: "7.000 đồng mỗi lần (cá nhân, hộ gia đình). Gia hạn theo danh sách: 5.000 đồng/người.",
    },
    {
      channel: "direct",
      amountVnd: 15000,
      description: "15.000 đồng mỗi lần (cá nhân, hộ gia đình). Gia hạn theo danh sách: 10.000 đồng/người.",
    },
  ],
  documents: [identityDocument, consentDocument],
  results: [
    "Thông báo kết quả giải quyết thủ tục về cư trú",
    "Thời hạn tạm trú mới được cập nhật trong Cơ sở dữ liệu về cư trú",
  ],
  legalBasis: [
    "Luật Cư trú 2020 (68/2020/QH14), Điều 27–28",
    "Thông tư 53/2025/TT-BCA (mẫu CT01)",
    residenceFeeBasis,
    "Quyết định 9354/QĐ-BCA-C06",
  ],
  portalUrl: "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bf7-6762-77ee-9a0c-965773ce7afe",
  keywords: [...(PROCEDURE_KEYWORDS["1.002755"] ?? [])],
  online: true,
  form: {
    steps: [
      {
        id: "nguoiGiaHan",
        title: "Người gia hạn",
        fields: [requesterField(["fullName", "dateOfBirth", "sex", "cccd"]), phoneField],
      },
      {
        id: "thoiHan",
        title: "Thời hạn mới",
        description: "Công an dùng địa chỉ và chủ nhà đã có trong lần đăng ký tạm trú trước.",
        fields: [
          {
            id: "untilDate",
            type: "date",
            label: "Gia hạn đến ngày",
            help: "Tối đa 2 năm kể từ hôm nay. Nên nộp trong 15 ngày trước khi hết hạn (Luật Cư trú, Điều 28).",
            bounds: { minDaysFromToday: 1, maxDaysFromToday: 730 },
          },
          consentFileField(),
          ...householdMembersFields("Gia hạn cùng cho người khác trong hộ?", ["fullName", "cccd"], false),
        ],
      },
      {
        id: "camDoan",
        title: "Xác nhận và gửi",
        fields: [declarationField],
      },
    ],
  },
};

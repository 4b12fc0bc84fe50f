import { PROCEDURE_KEYWORDS } from "../../text/procedure-keywords";
import type { ProcedureDefinitionInput } from "../definition";
import { declarationField, emailField, identityDocument, phoneField, requesterField } from "../fields";
import {
  CT01_FIELD_COUNT,
  consentDocument,
  consentFileField,
  householdMembersFields,
  lawfulDwellingDocument,
  residenceFeeBasis,
} from "../residence-fields";

/*
 * 1.004194 Đăng ký tạm trú (Quyết định 9354/QĐ-BCA-C06). Legal basis: Luật Cư trú 2020 (68/2020/QH14)
 * Điều 27 (register when living 30 days or more outside the place of permanent residence; at most 2 years,
 * renewable), Điều 28 (dossier, 3 working days); Nghị định 154/2024/NĐ-CP Điều 5 khoản 3 (proof of
 * dwelling, retrieved from databases first; a rental contract need not be notarised); Thông tư
 * 53/2025/TT-BCA (CT01); fees Thông tư 75/2022/TT-BTC as amended by 71/2025/TT-BTC.
 *
 * Dropped from CT01: boxes 1–6 (profile); "kính gửi" (police of the commune of the address); the owner's
 * details other than name and ID (looked up). Registration "by list" (organisations, dormitories) and by
 * armed-forces units are not offered here: they go through their own desk.
 */

/** Tờ khai CT01 (16, see residence-fields.ts) + start and end of the stay, asked by the portal's form = 18. */
export const EFORM_FIELD_COUNT = CT01_FIELD_COUNT + 2;

export const procedure: ProcedureDefinitionInput = {
  code: "1.004194",
  version: 1,
  title: "Đăng ký tạm trú",
  officialName: "Đăng ký tạm trú",
  summary:
    "Đăng ký nơi ở tạm thời khi bạn sống từ 30 ngày trở lên ngoài nơi thường trú (đi học, đi làm, thuê trọ). Thời hạn tạm trú tối đa 2 năm và gia hạn được.",
  sector: "Cư trú",
  agency: "cong_an_xa",
  legalTime: { kind: "working_days", days: 3 },
  fees: [
    {
      channel: "online",
      amountVnd: 7000,
      description:
        "7.000 đồng mỗi lần đăng ký (cá nhân, hộ gia đình). Đăng ký theo danh sách: 5.000 đồng/người.",
    },
    {
      channel: "direct",
      amountVnd: 15000,
      description:
        "15.000 đồng mỗi lần đăng ký (cá nhân, hộ gia đình). Đăng ký theo danh sách: 10.000 đồng/người.",
    },
  ],
  documents: [identityDocument, lawfulDwellingDocument, consentDocument],
  results: [
    "Thông báo kết quả giải quyết thủ tục về cư trú",
    "Thông tin tạm trú được cập nhật trong Cơ sở dữ liệu về cư trú và Cơ sở dữ liệu quốc gia về dân cư",
  ],
  legalBasis: [
    "Luật Cư trú 2020 (68/2020/QH14), Điều 27–28",
    "Nghị định 154/2024/NĐ-CP, Điều 5",
    "Thông tư 53/2025/TT-BCA (mẫu CT01)",
    residenceFeeBasis,
    "Quyết định 9354/QĐ-BCA-C06",
  ],
  portalUrl: "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bf7-770b-734d-b7fb-5e1995f194f4",
  keywords: [...(PROCEDURE_KEYWORDS["1.004194"] ?? [])],
  online: true,
  form: {
    steps: [
      {
        id: "nguoiDangKy",
        title: "Người đăng ký",
        fields: [requesterField(["fullName", "dateOfBirth", "sex", "cccd"]), phoneField, emailField],
      },
      {
        id: "noiTamTru",
        title: "Nơi tạm trú",
        fields: [
          {
            id: "address",
            type: "address",
            label: "Địa chỉ nơi tạm trú",
            help: "Ghi cả số phòng nếu ở nhà trọ. Công an xã/phường nơi này giải quyết hồ sơ.",
          },
          {
            id: "dwellingBasis",
            type: "radio",
            label: "Chỗ ở này là",
            options: [
              { value: "so_huu", label: "Nhà của tôi" },
              { value: "thue", label: "Nhà, phòng thuê" },
              { value: "muon_o_nho", label: "Nhà mượn, ở nhờ hoặc ở cùng người thân" },
            ],
          },
          {
            id: "owner",
            type: "person",
            label: "Chủ nhà (chủ sở hữu chỗ ở)",
            help: "Chủ nhà phải đồng ý cho bạn tạm trú; công an tra cứu và lấy ý kiến theo số định danh này. Hợp đồng thuê không cần công chứng.",
            parts: ["fullName", "cccd"],
            visibleWhen: { not: { field: "dwellingBasis", equals: "so_huu" } },
          },
          consentFileField({ not: { field: "dwellingBasis", equals: "so_huu" } }),
          {
            id: "fromDate",
            type: "date",
            label: "Bắt đầu ở từ ngày",
            help: "Sống từ 30 ngày trở lên ở đây thì phải đăng ký tạm trú (Luật Cư trú, Điều 27).",
            bounds: { minDaysFromToday: -730, maxDaysFromToday: 30 },
          },
          {
            id: "untilDate",
            type: "date",
            label: "Dự kiến ở đến ngày",
            help: "Tối đa 2 năm; hết hạn có thể gia hạn nhiều lần.",
            bounds: { minDaysFromToday: 1, maxDaysFromToday: 730 },
          },
        ],
      },
      {
        id: "nguoiCungDangKy",
        title: "Người cùng tạm trú",
        fields: householdMembersFields("Có người trong gia đình cùng đăng ký tạm trú với bạn không?"),
      },
      {
        id: "camDoan",
        title: "Xác nhận và gửi",
        fields: [declarationField],
      },
    ],
  },
};

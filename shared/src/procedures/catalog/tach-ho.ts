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
 * 1.010038 Tách hộ (Quyết định 9354/QĐ-BCA-C06). Legal basis: Luật Cư trú 2020 (68/2020/QH14) Điều 25
 * (a member with full legal capacity may split off a new household at the same lawful dwelling, with the
 * head's and the owner's consent — or, for a divorced spouse allowed to keep living there, without it);
 * Thông tư 53/2025/TT-BCA (CT01); fees Thông tư 75/2022/TT-BTC as amended by 71/2025/TT-BTC. 5 working days.
 *
 * Dropped from CT01: boxes 1–6 (profile); the current head and address (in the residence database: the
 * requester is already a member of that household); the members' dates of birth and sex (looked up by ID).
 */

/** Tờ khai CT01 (see residence-fields.ts). */
export const EFORM_FIELD_COUNT = CT01_FIELD_COUNT;

export const procedure: ProcedureDefinitionInput = {
  code: "1.010038",
  version: 1,
  title: "Tách hộ",
  officialName: "Tách hộ",
  summary:
    "Tách thành một hộ mới (bạn làm chủ hộ) ngay tại chỗ ở hiện tại, ví dụ khi con đã lập gia đình, hoặc vợ/chồng đã ly hôn nhưng vẫn được ở lại.",
  sector: "Cư trú",
  agency: "cong_an_xa",
  legalTime: { kind: "working_days", days: 5 },
  fees: [
    { channel: "online", amountVnd: 5000, description: "5.000 đồng mỗi lần đăng ký khi nộp trực tuyến." },
    {
      channel: "direct",
      amountVnd: 10000,
      description: "10.000 đồng mỗi lần đăng ký. Miễn cho các trường hợp tại Điều 4 Thông tư 75/2022/TT-BTC.",
    },
  ],
  documents: [
    identityDocument,
    consentDocument,
    {
      id: "giay-to-ly-hon",
      name: "Giấy tờ chứng minh việc ly hôn và việc được tiếp tục sử dụng chỗ ở",
      required: false,
      when: "Chỉ khi tách hộ vì vợ/chồng đã ly hôn mà vẫn được ở cùng chỗ ở hợp pháp.",
      attachmentField: "divorceProofFile",
    },
  ],
  results: [
    "Thông báo kết quả giải quyết thủ tục về cư trú",
    "Hộ mới được cập nhật trong Cơ sở dữ liệu về cư trú và Cơ sở dữ liệu quốc gia về dân cư",
  ],
  legalBasis: [
    "Luật Cư trú 2020 (68/2020/QH14), Điều 25",
    "Thông tư 53/2025/TT-BCA (mẫu CT01)",
    residenceFeeBasis,
    "Quyết định 9354/QĐ-BCA-C06",
  ],
  portalUrl: "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bf7-7f1e-71e3-be3e-7f22dce4ac4d",
  keywords: [...(PROCEDURE_KEYWORDS["1.010038"] ?? [])],
  online: true,
  form: {
    steps: [
      {
        id: "nguoiTachHo",
        title: "Người làm chủ hộ mới",
        fields: [requesterField(["fullName", "dateOfBirth", "sex", "cccd"], "Chủ hộ mới"), phoneField],
      },
      {
        id: "truongHop",
        title: "Trường hợp tách hộ",
        fields: [
          {
            id: "case",
            type: "radio",
            label: "Bạn tách hộ vì",
            options: [
              { value: "cung_cho_o", label: "Muốn lập hộ riêng ngay tại chỗ ở hiện nay" },
              { value: "ly_hon", label: "Vợ/chồng đã ly hôn nhưng vẫn được tiếp tục ở tại đây" },
            ],
          },
          consentFileField({ field: "case", equals: "cung_cho_o" }),
          {
            id: "divorceProofFile",
            type: "attachment",
            label: "Bản án/quyết định ly hôn và giấy tờ cho thấy bạn được tiếp tục ở",
            help: "Ví dụ: bản án ly hôn có phần chia nhà, hoặc văn bản thỏa thuận về chỗ ở.",
            maxCount: 10,
            visibleWhen: { field: "case", equals: "ly_hon" },
          },
        ],
      },
      {
        id: "thanhVien",
        title: "Người cùng sang hộ mới",
        fields: householdMembersFields("Có người cùng chuyển sang hộ mới với bạn không?", [
          "fullName",
          "cccd",
        ]),
      },
      {
        id: "camDoan",
        title: "Xác nhận và gửi",
        fields: [declarationField],
      },
    ],
  },
};

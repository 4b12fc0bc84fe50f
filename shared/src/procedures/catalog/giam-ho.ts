import { PROCEDURE_KEYWORDS } from "../../text/procedure-keywords";
import type { ProcedureDefinitionInput } from "../definition";
import {
  copiesField,
  declarationField,
  identityDocument,
  phoneField,
  requesterField,
  residenceDocument,
} from "../fields";

/*
 * 1.004837 Đăng ký giám hộ (Quyết định 163/QĐ-BTP). Legal basis: Luật Hộ tịch 2014 (60/2014/QH13)
 * Điều 20–22 (3 working days); Bộ luật Dân sự 2015 (91/2015/QH13) Điều 47–54 (who needs a guardian;
 * statutory guardians: Điều 52–53; appointed guardians: Điều 54); Nghị định 123/2015/NĐ-CP; Thông tư
 * 04/2020/TT-BTP. No fee (copies of the extract 8.000 đ each).
 *
 * Dropped from the tờ khai: the guardian's block (the requester: profile); the ward's sex, ethnicity,
 * nationality, ID papers and residence (looked up by personal ID number).
 */

/**
 * Tờ khai fields (own count of the Thông tư 04/2020/TT-BTP form): guardian 9 (name, date of birth,
 * ethnicity, nationality, personal ID number, ID type, issue date, issue place, residence) + ward 10
 * (name, date of birth, sex, ethnicity, nationality, personal ID number, ID type, issue date, issue place,
 * residence) + type of guardianship 1 + copies 2 = 22.
 */
export const EFORM_FIELD_COUNT = 22;

export const procedure: ProcedureDefinitionInput = {
  code: "1.004837",
  version: 2,
  title: "Đăng ký giám hộ",
  officialName: "Thủ tục đăng ký giám hộ",
  summary:
    "Đăng ký việc bạn làm người giám hộ cho trẻ chưa thành niên không còn cha mẹ chăm sóc, hoặc cho người mất năng lực hành vi dân sự.",
  sector: "Hộ tịch",
  agency: "ubnd_xa",
  legalTime: { kind: "working_days", days: 3, note: "Hồ sơ trường hợp trên Cổng ghi 5 ngày làm việc." },
  fees: [
    { channel: "online", amountVnd: 0, description: "Không thu lệ phí. Bản sao trích lục 8.000 đồng/bản." },
    { channel: "direct", amountVnd: 0, description: "Không thu lệ phí. Bản sao trích lục 8.000 đồng/bản." },
    { channel: "postal", amountVnd: 0, description: "Không thu lệ phí. Bản sao trích lục 8.000 đồng/bản." },
  ],
  documents: [
    identityDocument,
    residenceDocument,
    {
      id: "dieu-kien-giam-ho-duong-nhien",
      name: "Giấy tờ chứng minh điều kiện giám hộ đương nhiên (và văn bản thỏa thuận cử một người nếu nhiều người cùng đủ điều kiện)",
      required: false,
      when: "Khi đăng ký giám hộ đương nhiên.",
      attachmentField: "entitlementFile",
    },
    {
      id: "van-ban-cu-giam-ho",
      name: "Văn bản cử người giám hộ",
      required: false,
      when: "Khi đăng ký giám hộ cử.",
      attachmentField: "appointmentFile",
    },
  ],
  results: ["Trích lục đăng ký giám hộ"],
  legalBasis: [
    "Luật Hộ tịch 2014 (60/2014/QH13), Điều 20–22",
    "Bộ luật Dân sự 2015 (91/2015/QH13), Điều 47–54",
    "Nghị định 123/2015/NĐ-CP",
    "Thông tư 04/2020/TT-BTP, sửa đổi bởi Thông tư 04/2024/TT-BTP",
    "Quyết định 163/QĐ-BTP",
  ],
  portalUrl: "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-671b-75fa-82fb-8ad05a37f638",
  keywords: [...(PROCEDURE_KEYWORDS["1.004837"] ?? [])],
  online: true,
  form: {
    steps: [
      {
        id: "nguoiGiamHo",
        title: "Người giám hộ",
        fields: [
          requesterField(["fullName", "dateOfBirth", "cccd", "residence"], "Người giám hộ (bạn)"),
          phoneField,
        ],
      },
      {
        id: "nguoiDuocGiamHo",
        title: "Người được giám hộ",
        fields: [
          {
            id: "ward",
            type: "person",
            label: "Người được giám hộ",
            help: "Trẻ chưa có thẻ căn cước vẫn có số định danh cá nhân, in trên Giấy khai sinh.",
            parts: ["fullName", "dateOfBirth", "cccd"],
          },
          {
            id: "wardRelationship",
            type: "text",
            label: "Bạn là gì của người được giám hộ?",
            help: "Ví dụ: anh ruột, bà nội, cô ruột.",
            maxLength: 50,
          },
          {
            id: "reason",
            type: "radio",
            label: "Vì sao cần người giám hộ?",
            options: [
              { value: "khong_con_cha_me", label: "Trẻ không còn cha mẹ, hoặc không xác định được cha mẹ" },
              {
                value: "cha_me_khong_the",
                label: "Cha mẹ của trẻ mất hoặc bị hạn chế năng lực hành vi, không có điều kiện chăm sóc",
              },
              { value: "mat_nang_luc", label: "Người thành niên mất năng lực hành vi dân sự" },
            ],
          },
        ],
      },
      {
        id: "canCu",
        title: "Căn cứ giám hộ",
        fields: [
          {
            id: "guardianshipType",
            type: "radio",
            label: "Hình thức giám hộ",
            help: "Đương nhiên: theo thứ tự luật định (anh chị ruột, ông bà…). Cử: UBND xã cử khi không có người giám hộ đương nhiên.",
            options: [
              { value: "duong_nhien", label: "Giám hộ đương nhiên" },
              { value: "cu", label: "Giám hộ được cử" },
            ],
          },
          {
            id: "entitlementFile",
            type: "attachment",
            label: "Giấy tờ chứng minh bạn là người giám hộ đương nhiên",
            help: "Ví dụ: giấy khai sinh thể hiện quan hệ anh chị em, trích lục khai tử của cha mẹ; nếu nhiều người cùng đủ điều kiện, thêm văn bản thỏa thuận cử bạn.",
            maxCount: 10,
            visibleWhen: { field: "guardianshipType", equals: "duong_nhien" },
          },
          {
            id: "appointmentFile",
            type: "attachment",
            label: "Văn bản cử người giám hộ",
            maxCount: 5,
            visibleWhen: { field: "guardianshipType", equals: "cu" },
          },
          copiesField("trích lục"),
          declarationField,
        ],
      },
    ],
  },
};

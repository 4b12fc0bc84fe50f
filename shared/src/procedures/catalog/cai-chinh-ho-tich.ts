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
 * 1.004859 Thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc (Quyết định 163/QĐ-BTP).
 * Legal basis: Luật Hộ tịch 2014 (60/2014/QH13) Điều 26–29 (3 working days; bổ sung the same or next
 * day); Bộ luật Dân sự 2015 (91/2015/QH13) Điều 27–29 (changing a name — with the consent of a child from
 * 9 years old — and re-determining ethnicity); Nghị định 123/2015/NĐ-CP; Thông tư 04/2020/TT-BTP as
 * amended by 04/2024/TT-BTP; fee set by the provincial HĐND.
 *
 * Dropped from the tờ khai: the requester's block (profile); the subject's ID, residence and the record's
 * number, book and date (looked up in the e-civil-status database from the subject and the record type).
 */

/**
 * Tờ khai fields (own count of the Thông tư 04/2020/TT-BTP form; the reference lists only the dossier):
 * requester 7 (name, personal ID number, ID type, issue date, issue place, residence, relationship) +
 * subject 4 (name, date of birth, ID, residence) + record 3 (type, number, date and place of
 * registration) + content 3 (current, requested, reason) + copies 2 = 19.
 */
export const EFORM_FIELD_COUNT = 19;

export const procedure: ProcedureDefinitionInput = {
  code: "1.004859",
  version: 1,
  title: "Thay đổi, cải chính, bổ sung hộ tịch",
  officialName: "Thủ tục thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc",
  summary:
    "Sửa thông tin bị ghi sai trên Giấy khai sinh hoặc giấy tờ hộ tịch khác, đổi họ tên, bổ sung thông tin còn thiếu, hoặc xác định lại dân tộc.",
  sector: "Hộ tịch",
  agency: "ubnd_xa",
  legalTime: {
    kind: "working_days",
    days: 3,
    note: "Bổ sung thông tin hộ tịch: 1 ngày làm việc. Cần xác minh: có thể kéo dài thêm.",
  },
  fees: [
    {
      channel: "online",
      amountVnd: null,
      description:
        "Mức do HĐND tỉnh quy định. Miễn cho gia đình có công, hộ nghèo, người khuyết tật. Bản sao trích lục 8.000 đồng/bản.",
    },
    { channel: "direct", amountVnd: null, description: "Mức do HĐND tỉnh quy định." },
    { channel: "postal", amountVnd: null, description: "Mức do HĐND tỉnh quy định." },
  ],
  documents: [
    identityDocument,
    residenceDocument,
    {
      id: "giay-to-can-cu",
      name: "Giấy tờ làm căn cứ cho việc thay đổi, cải chính, bổ sung",
      required: true,
      when: "Ví dụ: học bạ, bằng cấp ghi đúng thông tin; giấy tờ của cha mẹ khi xác định lại dân tộc.",
      attachmentField: "evidenceFile",
    },
  ],
  results: ["Trích lục thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc"],
  legalBasis: [
    "Luật Hộ tịch 2014 (60/2014/QH13), Điều 26–29",
    "Bộ luật Dân sự 2015 (91/2015/QH13), Điều 27–29",
    "Nghị định 123/2015/NĐ-CP",
    "Thông tư 04/2020/TT-BTP, sửa đổi bởi Thông tư 04/2024/TT-BTP",
    "Quyết định 163/QĐ-BTP",
  ],
  portalUrl: "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-671e-714b-8fd6-8230c82f7867",
  keywords: [...(PROCEDURE_KEYWORDS["1.004859"] ?? [])],
  online: true,
  form: {
    steps: [
      {
        id: "nguoiYeuCau",
        title: "Người yêu cầu",
        fields: [
          requesterField(),
          phoneField,
          {
            id: "whose",
            type: "radio",
            label: "Sửa giấy tờ của ai?",
            options: [
              { value: "ban_than", label: "Của tôi" },
              { value: "con", label: "Của con tôi (dưới 18 tuổi)" },
            ],
          },
          {
            id: "child",
            type: "person",
            label: "Con của bạn",
            help: "Đổi họ tên cho con từ đủ 9 tuổi phải có sự đồng ý của con (Bộ luật Dân sự, Điều 28).",
            parts: ["fullName", "dateOfBirth"],
            visibleWhen: { field: "whose", equals: "con" },
          },
        ],
      },
      {
        id: "noiDung",
        title: "Nội dung cần sửa",
        fields: [
          {
            id: "changeType",
            type: "radio",
            label: "Bạn cần làm gì?",
            options: [
              { value: "thay_doi", label: "Thay đổi họ, chữ đệm, tên" },
              { value: "cai_chinh", label: "Cải chính: sửa thông tin bị ghi sai" },
              { value: "bo_sung", label: "Bổ sung thông tin còn để trống" },
              { value: "dan_toc", label: "Xác định lại dân tộc" },
            ],
          },
          {
            id: "recordType",
            type: "select",
            label: "Trên giấy tờ nào?",
            options: [
              { value: "khai_sinh", label: "Giấy khai sinh" },
              { value: "ket_hon", label: "Giấy chứng nhận kết hôn" },
              { value: "khai_tu", label: "Trích lục khai tử" },
              { value: "khac", label: "Giấy tờ hộ tịch khác" },
            ],
          },
          {
            id: "currentContent",
            type: "text",
            label: "Đang ghi là",
            help: "Chép đúng nội dung trên giấy tờ. Bổ sung thông tin thì ghi “Để trống”.",
            maxLength: 200,
          },
          {
            id: "requestedContent",
            type: "text",
            label: "Đề nghị ghi lại là",
            maxLength: 200,
          },
          {
            id: "reason",
            type: "long_text",
            label: "Lý do",
            help: "Ví dụ: cán bộ ghi sai ngày sinh so với Giấy chứng sinh; tên gây nhầm lẫn, ảnh hưởng đến công việc.",
            maxLength: 1000,
          },
        ],
      },
      {
        id: "giayTo",
        title: "Giấy tờ làm căn cứ",
        fields: [
          {
            id: "evidenceFile",
            type: "attachment",
            label: "Giấy tờ chứng minh nội dung đúng",
            help: "Ví dụ: Giấy chứng sinh, học bạ, bằng tốt nghiệp ghi đúng; giấy khai sinh của cha/mẹ khi xác định lại dân tộc.",
            maxCount: 10,
          },
          copiesField("trích lục"),
          declarationField,
        ],
      },
    ],
  },
};

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
 * 1.001022 Đăng ký nhận cha, mẹ, con (Quyết định 163/QĐ-BTP). Legal basis: Luật Hộ tịch 2014
 * (60/2014/QH13) Điều 24–25 (both parties present; 3 working days); Luật Hôn nhân và gia đình 2014
 * (52/2014/QH13) Điều 90–91; Nghị định 123/2015/NĐ-CP (evidence: a medical/forensic confirmation, or a
 * written commitment with at least two witnesses); Thông tư 04/2020/TT-BTP; fee set by the provincial HĐND.
 *
 * Dropped from the tờ khai: the requester's block (profile); the other party's ethnicity, nationality,
 * ID papers and residence (looked up by personal ID number).
 */

/**
 * Tờ khai fields (own count of the Thông tư 04/2020/TT-BTP form): requester 9 (name, date of birth,
 * ethnicity, nationality, personal ID number, ID type, issue date, issue place, residence) + the person
 * acknowledged 9 (same items) + relationship 1 + copies 2 = 21.
 */
export const EFORM_FIELD_COUNT = 21;

export const procedure: ProcedureDefinitionInput = {
  code: "1.001022",
  version: 2,
  title: "Đăng ký nhận cha, mẹ, con",
  officialName: "Thủ tục đăng ký nhận cha, mẹ, con",
  summary:
    "Cha hoặc mẹ nhận con (hoặc con nhận cha, mẹ) khi Giấy khai sinh chưa ghi tên người đó. Cần kết quả giám định ADN, hoặc cam đoan có ít nhất hai người làm chứng.",
  sector: "Hộ tịch",
  agency: "ubnd_xa",
  legalTime: { kind: "working_days", days: 3, note: "Cần xác minh thì có thể kéo dài thêm." },
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
      id: "xac-nhan-y-te",
      name: "Văn bản của cơ quan y tế, cơ quan giám định xác nhận quan hệ cha con, mẹ con (ví dụ kết quả ADN)",
      required: false,
      when: "Nếu có. Không có thì nộp văn bản cam đoan kèm xác nhận của ít nhất hai người làm chứng.",
      attachmentField: "medicalProofFile",
    },
    {
      id: "cam-doan-lam-chung",
      name: "Văn bản cam đoan của các bên về quan hệ cha, mẹ, con và xác nhận của ít nhất hai người làm chứng",
      required: false,
      when: "Khi không có văn bản của cơ quan y tế, giám định.",
      attachmentField: "commitmentFile",
    },
  ],
  results: ["Trích lục đăng ký nhận cha, mẹ, con"],
  legalBasis: [
    "Luật Hộ tịch 2014 (60/2014/QH13), Điều 24–25",
    "Luật Hôn nhân và gia đình 2014 (52/2014/QH13), Điều 90–91",
    "Nghị định 123/2015/NĐ-CP",
    "Thông tư 04/2020/TT-BTP, sửa đổi bởi Thông tư 04/2024/TT-BTP",
    "Quyết định 163/QĐ-BTP",
  ],
  portalUrl: "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-3fa6-722f-ac1a-e949c8ce3418",
  keywords: [...(PROCEDURE_KEYWORDS["1.001022"] ?? [])],
  online: true,
  form: {
    steps: [
      {
        id: "nguoiNhan",
        title: "Người yêu cầu",
        fields: [
          requesterField(["fullName", "dateOfBirth", "sex", "cccd", "residence"]),
          phoneField,
          {
            id: "role",
            type: "radio",
            label: "Bạn muốn",
            options: [
              { value: "nhan_con", label: "Nhận con (tôi là cha hoặc mẹ)" },
              { value: "nhan_cha_me", label: "Nhận cha hoặc mẹ (tôi là con)" },
            ],
          },
        ],
      },
      {
        id: "nguoiDuocNhan",
        title: "Người được nhận",
        description: "Khi ký trích lục, cả hai bên phải có mặt; con chưa thành niên đi cùng người đại diện.",
        fields: [
          {
            id: "otherParty",
            type: "person",
            label: "Người được nhận là cha, mẹ hoặc con",
            help: "Trẻ chưa có thẻ căn cước vẫn có số định danh cá nhân, in trên Giấy khai sinh.",
            parts: ["fullName", "dateOfBirth", "cccd"],
          },
        ],
      },
      {
        id: "chungCu",
        title: "Chứng cứ về quan hệ cha, mẹ, con",
        fields: [
          {
            id: "evidenceType",
            type: "radio",
            label: "Bạn có giấy tờ gì chứng minh quan hệ?",
            options: [
              { value: "giam_dinh", label: "Văn bản của cơ quan y tế hoặc giám định (ví dụ kết quả ADN)" },
              { value: "cam_doan", label: "Không có — có văn bản cam đoan và ít nhất 2 người làm chứng" },
            ],
          },
          {
            id: "medicalProofFile",
            type: "attachment",
            label: "Văn bản xác nhận của cơ quan y tế, giám định",
            maxCount: 5,
            visibleWhen: { field: "evidenceType", equals: "giam_dinh" },
          },
          {
            id: "commitmentFile",
            type: "attachment",
            label: "Văn bản cam đoan và xác nhận của người làm chứng",
            help: "Cam đoan của các bên về quan hệ cha, mẹ, con, kèm văn bản của ít nhất hai người làm chứng (ghi rõ họ tên, số định danh của họ).",
            maxCount: 5,
            visibleWhen: { field: "evidenceType", equals: "cam_doan" },
          },
          copiesField("trích lục"),
          declarationField,
        ],
      },
    ],
  },
};

import { PROCEDURE_KEYWORDS } from "../../text/procedure-keywords";
import type { ProcedureDefinitionInput } from "../definition";
import { copiesField, identityDocument, phoneField, requesterField, residenceDocument } from "../fields";

/*
 * 1.004884 Đăng ký lại khai sinh (Quyết định 163/QĐ-BTP). Legal basis: Nghị định 123/2015/NĐ-CP
 * Điều 24–26 (re-registration when both the register and the original certificate are lost; the
 * applicant submits every document they still have and declares so); Luật Hộ tịch 2014 (60/2014/QH13);
 * Thông tư 04/2020/TT-BTP as amended by 04/2024/TT-BTP; fee set by the provincial HĐND.
 *
 * Scope: for oneself (the common case: an adult who lost an old birth certificate). Dropped from the
 * tờ khai: the requester's block and the subject's name, date of birth, sex, ethnicity and nationality
 * (profile: requester = subject); "ngày sinh bằng chữ" (written out by the system); the parents'
 * ethnicity, nationality and residence (looked up when they have personal ID numbers, else taken from
 * the uploaded evidence).
 */

/**
 * Tờ khai đăng ký lại khai sinh (own count of the Thông tư 04/2020/TT-BTP form; the reference gives no
 * list): requester 7 (name, personal ID number, ID type, issue date, issue place, residence,
 * relationship) + subject 8 (name, date of birth, date in words, sex, ethnicity, nationality, place of
 * birth, hometown) + mother 5 and father 5 (name, year of birth, ethnicity, nationality, residence) +
 * earlier registration 2 (place, date) + copies 2 = 29.
 */
export const EFORM_FIELD_COUNT = 29;

export const procedure: ProcedureDefinitionInput = {
  code: "1.004884",
  version: 2,
  title: "Đăng ký lại khai sinh",
  officialName: "Thủ tục đăng ký lại khai sinh",
  summary:
    "Khi cả bản chính Giấy khai sinh và sổ hộ tịch nơi đăng ký trước đây đều không còn, bạn đăng ký lại để được cấp Giấy khai sinh mới.",
  sector: "Hộ tịch",
  agency: "ubnd_xa",
  legalTime: { kind: "working_days", days: 5 },
  fees: [
    {
      channel: "online",
      amountVnd: null,
      description:
        "Mức do HĐND tỉnh quy định. Miễn cho gia đình có công, hộ nghèo, người khuyết tật. Bản sao 8.000 đồng/bản.",
    },
    { channel: "direct", amountVnd: null, description: "Mức do HĐND tỉnh quy định." },
    { channel: "postal", amountVnd: null, description: "Mức do HĐND tỉnh quy định." },
  ],
  documents: [
    identityDocument,
    residenceDocument,
    {
      id: "giay-to-hien-co",
      name: "Các giấy tờ còn giữ có thông tin khai sinh: bản sao Giấy khai sinh cũ, hoặc học bạ, bằng tốt nghiệp, sổ hộ khẩu cũ…",
      required: true,
      attachmentField: "evidenceFile",
    },
    {
      id: "xac-nhan-co-quan",
      name: "Văn bản xác nhận của thủ trưởng cơ quan, đơn vị về các nội dung khai sinh",
      required: false,
      when: "Khi bạn là cán bộ, công chức, viên chức hoặc đang công tác trong lực lượng vũ trang.",
      attachmentField: "employerConfirmationFile",
    },
  ],
  results: ["Giấy khai sinh (đăng ký lại)", "Bản sao Giấy khai sinh nếu có yêu cầu"],
  legalBasis: [
    "Nghị định 123/2015/NĐ-CP, Điều 24–26",
    "Luật Hộ tịch 2014 (60/2014/QH13)",
    "Thông tư 04/2020/TT-BTP, sửa đổi bởi Thông tư 04/2024/TT-BTP",
    "Thông tư 85/2019/TT-BTC (lệ phí do HĐND tỉnh quyết định)",
    "Quyết định 163/QĐ-BTP",
  ],
  portalUrl: "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-6eac-7598-b88b-15f8a61b366a",
  keywords: [...(PROCEDURE_KEYWORDS["1.004884"] ?? [])],
  online: true,
  form: {
    steps: [
      {
        id: "nguoiYeuCau",
        title: "Người đăng ký lại khai sinh",
        description: "Biểu mẫu này dùng khi bạn đăng ký lại khai sinh cho chính mình.",
        fields: [
          requesterField(["fullName", "dateOfBirth", "sex", "ethnicity", "nationality", "cccd", "residence"]),
          phoneField,
        ],
      },
      {
        id: "khaiSinhCu",
        title: "Khai sinh trước đây",
        fields: [
          {
            id: "birthPlace",
            type: "address",
            label: "Nơi sinh",
            help: "Tên bệnh viện hoặc nơi bạn sinh ra.",
          },
          {
            id: "hometown",
            type: "text",
            label: "Quê quán",
            help: "Như trên thẻ căn cước (mục Quê quán).",
            maxLength: 150,
          },
          {
            id: "previousPlace",
            type: "text",
            label: "Nơi đã đăng ký khai sinh trước đây",
            help: "Tên xã/phường, huyện, tỉnh lúc đó. Ví dụ: UBND xã Đông Ngạc, huyện Từ Liêm, Hà Nội.",
            maxLength: 200,
          },
        ],
      },
      {
        id: "chaMe",
        title: "Cha mẹ ghi trên giấy khai sinh cũ",
        fields: [
          { id: "motherName", type: "text", label: "Họ tên mẹ", maxLength: 100 },
          {
            id: "fatherOnRecord",
            type: "yes_no",
            label: "Giấy khai sinh cũ có ghi tên cha không?",
          },
          {
            id: "fatherName",
            type: "text",
            label: "Họ tên cha",
            maxLength: 100,
            visibleWhen: { field: "fatherOnRecord", equals: true },
          },
        ],
      },
      {
        id: "giayTo",
        title: "Giấy tờ bạn còn giữ",
        fields: [
          {
            id: "evidenceFile",
            type: "attachment",
            label: "Giấy tờ bạn còn giữ",
            help: "Bản sao Giấy khai sinh cũ nếu còn; nếu không: thẻ căn cước, học bạ, bằng tốt nghiệp, sổ hộ khẩu cũ… Tải lên tất cả giấy tờ bạn có.",
            maxCount: 10,
          },
          {
            id: "isPublicEmployee",
            type: "yes_no",
            label: "Bạn là cán bộ, công chức, viên chức hoặc đang công tác trong lực lượng vũ trang?",
          },
          {
            id: "employerConfirmationFile",
            type: "attachment",
            label: "Văn bản xác nhận của thủ trưởng cơ quan, đơn vị",
            help: "Xác nhận họ tên, giới tính, ngày sinh, dân tộc, quốc tịch, quê quán, quan hệ cha mẹ con khớp với hồ sơ đơn vị đang quản lý.",
            maxCount: 3,
            visibleWhen: { field: "isPublicEmployee", equals: true },
          },
          copiesField("Giấy khai sinh"),
          {
            id: "declaration",
            type: "declaration",
            label: "Lời cam đoan",
            statement:
              "Tôi cam đoan những nội dung khai trên là đúng sự thật, tôi không còn bản chính Giấy khai sinh, đã nộp đủ các giấy tờ hiện có và chịu trách nhiệm trước pháp luật về cam đoan của mình.",
          },
        ],
      },
    ],
  },
};

import { PROCEDURE_KEYWORDS } from "../../text/procedure-keywords";
import type { ProcedureDefinitionInput } from "../definition";
import { declarationField, identityDocument, phoneField, requesterField, residenceDocument } from "../fields";
import { MARITAL_STATUS_WITH_SPOUSE_OPTIONS } from "../options";

/*
 * 1.004873 Cấp Giấy xác nhận tình trạng hôn nhân (Quyết định 163/QĐ-BTP). Legal basis: Nghị định
 * 123/2015/NĐ-CP Điều 21–23 (validity 6 months: Điều 23); Luật Hộ tịch 2014 (60/2014/QH13); Nghị định
 * 104/2022/NĐ-CP; Thông tư 04/2020/TT-BTP as amended by 04/2024/TT-BTP. Fee: provincial HĐND.
 *
 * Dropped from the national tờ khai:
 * - the requester's and the subject's identity, ID papers and residence: the subject is the requester,
 *   whose data is in the profile (filing for someone else is done at the desk with an authorisation);
 * - the periods of residence elsewhere: the officer reads the residence history from the population
 *   database; the status itself is checked in the e-civil-status database;
 * - the partner's ethnicity, nationality and residence when the purpose is to marry: looked up by ID.
 */

/**
 * Tờ khai fields (Thông tư 04/2020/TT-BTP form; own count, the reference lists only the groups [U]):
 * requester 7 (name, personal ID number, ID type, issue date, issue place, residence, relationship to the
 * subject) + subject 10 (name, date of birth, sex, ethnicity, nationality, ID, residence, period of
 * residence, marital status, purpose of use) + copies 1 = 18.
 */
export const EFORM_FIELD_COUNT = 18;

export const procedure: ProcedureDefinitionInput = {
  code: "1.004873",
  version: 1,
  title: "Xác nhận tình trạng hôn nhân",
  officialName: "Thủ tục cấp Giấy xác nhận tình trạng hôn nhân",
  summary:
    "Xin giấy xác nhận bạn đang độc thân, đã ly hôn hay đang có vợ/chồng, để đăng ký kết hôn, mua bán nhà đất, vay vốn… Giấy có giá trị 6 tháng.",
  sector: "Hộ tịch",
  agency: "ubnd_xa",
  legalTime: { kind: "working_days", days: 3 },
  fees: [
    {
      channel: "online",
      amountVnd: null,
      description: "Mức do HĐND tỉnh quy định. Miễn cho gia đình có công, hộ nghèo, người khuyết tật.",
    },
    { channel: "direct", amountVnd: null, description: "Mức do HĐND tỉnh quy định." },
    { channel: "postal", amountVnd: null, description: "Mức do HĐND tỉnh quy định." },
  ],
  documents: [
    identityDocument,
    residenceDocument,
    {
      id: "giay-xac-nhan-cu",
      name: "Giấy xác nhận tình trạng hôn nhân đã cấp trước đây",
      required: false,
      when: "Khi xin cấp lại vì giấy cũ đã hết hạn hoặc để dùng vào mục đích khác.",
      attachmentField: "previousCertificateFile",
    },
  ],
  results: ["Giấy xác nhận tình trạng hôn nhân (giá trị 6 tháng)"],
  legalBasis: [
    "Nghị định 123/2015/NĐ-CP, Điều 21–23",
    "Luật Hộ tịch 2014 (60/2014/QH13)",
    "Nghị định 104/2022/NĐ-CP",
    "Thông tư 04/2020/TT-BTP, sửa đổi bởi Thông tư 04/2024/TT-BTP",
    "Thông tư 85/2019/TT-BTC (lệ phí do HĐND tỉnh quyết định)",
    "Quyết định 163/QĐ-BTP",
  ],
  portalUrl: "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-6eb3-7019-bf3f-fc58c9ee44b9",
  keywords: [...(PROCEDURE_KEYWORDS["1.004873"] ?? [])],
  online: true,
  form: {
    steps: [
      {
        id: "nguoiYeuCau",
        title: "Người cần xác nhận",
        fields: [requesterField(["fullName", "dateOfBirth", "sex", "cccd", "residence"]), phoneField],
      },
      {
        id: "tinhTrang",
        title: "Tình trạng hôn nhân hiện nay",
        description: "Cán bộ đối chiếu với Cơ sở dữ liệu hộ tịch điện tử và quá trình cư trú của bạn.",
        fields: [
          {
            id: "maritalStatus",
            type: "radio",
            label: "Tình trạng hôn nhân của bạn",
            options: [...MARITAL_STATUS_WITH_SPOUSE_OPTIONS],
          },
          {
            id: "spouse",
            type: "person",
            label: "Vợ/chồng hiện nay",
            parts: ["fullName", "cccd"],
            visibleWhen: { field: "maritalStatus", equals: "dang_co_vo_chong" },
          },
          {
            id: "divorce",
            type: "text",
            label: "Bản án hoặc quyết định ly hôn",
            help: "Ghi số, ngày và tên Tòa án. Ví dụ: 123/2022/QĐST-HNGĐ ngày 05/03/2022, TAND quận Cầu Giấy.",
            maxLength: 150,
            visibleWhen: { field: "maritalStatus", equals: "da_ly_hon" },
          },
          {
            id: "lateSpouse",
            type: "text",
            label: "Họ tên và năm mất của người vợ/chồng",
            maxLength: 150,
            visibleWhen: { field: "maritalStatus", equals: "vo_chong_da_mat" },
          },
        ],
      },
      {
        id: "mucDich",
        title: "Mục đích sử dụng",
        fields: [
          {
            id: "purpose",
            type: "radio",
            label: "Bạn cần giấy xác nhận để làm gì?",
            help: "Giấy xác nhận để kết hôn chỉ dùng để kết hôn với đúng người và tại đúng nơi ghi trên giấy.",
            options: [
              { value: "ket_hon", label: "Để đăng ký kết hôn" },
              { value: "khac", label: "Mục đích khác (mua bán nhà đất, vay vốn, đi nước ngoài…)" },
            ],
          },
          {
            id: "intendedSpouse",
            type: "person",
            label: "Người bạn dự định kết hôn",
            parts: ["fullName", "dateOfBirth"],
            visibleWhen: { field: "purpose", equals: "ket_hon" },
          },
          {
            id: "marriagePlace",
            type: "text",
            label: "Nơi dự định đăng ký kết hôn",
            help: "Ví dụ: UBND phường Cầu Giấy, Hà Nội; hoặc tên nước nếu kết hôn ở nước ngoài.",
            maxLength: 150,
            visibleWhen: { field: "purpose", equals: "ket_hon" },
          },
          {
            id: "purposeOther",
            type: "text",
            label: "Mục đích sử dụng",
            help: "Ví dụ: làm thủ tục mua bán nhà đất.",
            maxLength: 150,
            visibleWhen: { field: "purpose", equals: "khac" },
          },
          {
            id: "hadPreviousCertificate",
            type: "yes_no",
            label: "Bạn đã từng được cấp giấy xác nhận tình trạng hôn nhân mà nay xin lại?",
            help: "Khi xin lại (giấy cũ hết hạn hoặc dùng cho mục đích khác) phải nộp lại giấy cũ.",
          },
          {
            id: "previousCertificateFile",
            type: "attachment",
            label: "Ảnh giấy xác nhận đã cấp trước đây",
            maxCount: 2,
            visibleWhen: { field: "hadPreviousCertificate", equals: true },
          },
          {
            id: "copies",
            type: "number",
            label: "Số bản giấy xác nhận cần cấp",
            help: "Thường chỉ cần 1 bản; mỗi giấy dùng cho một mục đích.",
            min: 1,
            max: 5,
            unit: "bản",
          },
          declarationField,
        ],
      },
    ],
  },
};

import { PROCEDURE_KEYWORDS } from "../../text/procedure-keywords";
import type { ProcedureDefinitionInput } from "../definition";
import { declarationField, identityDocument, phoneField, requesterField, residenceDocument } from "../fields";

/*
 * 2.000635 Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh (Quyết định 163/QĐ-BTP). Legal basis:
 * Luật Hộ tịch 2014 (60/2014/QH13) Điều 63–64 (anyone may ask for copies of their own civil-status
 * records, wherever they live); Nghị định 123/2015/NĐ-CP; Thông tư 04/2020/TT-BTP; fee 8.000 đ a copy:
 * Thông tư 281/2016/TT-BTC.
 *
 * Dropped from the national eForm:
 * - requester's name, personal ID number, ID type and residence: in the profile;
 * - "loại người yêu cầu" (self / authorised / organisation): organisations send a written request, not
 *   this form; the subject is the requester unless they ask for their child or hold an authorisation;
 * - channel: always online here.
 */

/**
 * National eForm fields, counted from the portal's field catalogue quoted in vn-public-services.md §1.2:
 * requester type, requester name, personal ID number, ID type, residence, subject's name, subject's date
 * of birth, place of registration, year of registration, book/entry number, number of copies, channel,
 * relationship when authorised = 13.
 */
export const EFORM_FIELD_COUNT = 13;

export const procedure: ProcedureDefinitionInput = {
  code: "2.000635",
  version: 1,
  title: "Xin bản sao Giấy khai sinh, trích lục hộ tịch",
  officialName: "Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh",
  summary:
    "Xin thêm bản sao Giấy khai sinh, trích lục kết hôn, khai tử… từ Cơ sở dữ liệu hộ tịch, ở bất kỳ đâu bạn đang sống.",
  sector: "Hộ tịch",
  agency: "ubnd_xa",
  legalTime: {
    kind: "same_day",
    cutoff: "15:00",
    note: "Nếu phải xác minh vì sổ hộ tịch chưa số hóa: đến 15 ngày làm việc.",
  },
  fees: [
    { channel: "online", amountVnd: 8000, description: "8.000 đồng mỗi bản sao." },
    { channel: "direct", amountVnd: 8000, description: "8.000 đồng mỗi bản sao." },
    { channel: "postal", amountVnd: 8000, description: "8.000 đồng mỗi bản sao." },
  ],
  documents: [
    identityDocument,
    residenceDocument,
    {
      id: "van-ban-uy-quyen",
      name: "Văn bản ủy quyền",
      required: false,
      when: "Khi xin bản sao giấy tờ của người khác (trừ con chưa thành niên của bạn). Không cần chứng thực nếu bạn là ông, bà, cha, mẹ, con, vợ, chồng, anh, chị, em ruột của người ủy quyền.",
      attachmentField: "authorisationFile",
    },
  ],
  results: ["Bản sao Giấy khai sinh hoặc bản sao trích lục hộ tịch"],
  legalBasis: [
    "Luật Hộ tịch 2014 (60/2014/QH13), Điều 63–64",
    "Nghị định 123/2015/NĐ-CP",
    "Thông tư 04/2020/TT-BTP, sửa đổi bởi Thông tư 04/2024/TT-BTP",
    "Thông tư 281/2016/TT-BTC (phí 8.000 đồng/bản)",
    "Quyết định 163/QĐ-BTP",
  ],
  portalUrl: "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-867c-72db-b6a7-dcbd8c763807",
  keywords: [...(PROCEDURE_KEYWORDS["2.000635"] ?? [])],
  online: true,
  form: {
    steps: [
      {
        id: "nguoiYeuCau",
        title: "Người yêu cầu",
        fields: [requesterField(["fullName", "cccd", "residence"]), phoneField],
      },
      {
        id: "giayCanSao",
        title: "Giấy tờ cần sao",
        fields: [
          {
            id: "recordType",
            type: "select",
            label: "Bạn cần bản sao giấy gì?",
            options: [
              { value: "khai_sinh", label: "Giấy khai sinh" },
              { value: "ket_hon", label: "Trích lục kết hôn (giấy đăng ký kết hôn)" },
              { value: "khai_tu", label: "Trích lục khai tử" },
              { value: "khac", label: "Trích lục khác (giám hộ, nhận cha mẹ con, thay đổi, cải chính…)" },
            ],
          },
          {
            id: "whose",
            type: "radio",
            label: "Giấy tờ này là của ai?",
            options: [
              { value: "ban_than", label: "Của tôi" },
              { value: "con", label: "Của con tôi (dưới 18 tuổi)" },
              { value: "uy_quyen", label: "Của người khác đã ủy quyền cho tôi" },
            ],
          },
          {
            id: "subject",
            type: "person",
            label: "Người có tên trên giấy tờ",
            help: "Ghi như trên giấy tờ gốc.",
            parts: ["fullName", "dateOfBirth"],
            visibleWhen: { not: { field: "whose", equals: "ban_than" } },
          },
          {
            id: "authorisationFile",
            type: "attachment",
            label: "Ảnh văn bản ủy quyền",
            maxCount: 3,
            visibleWhen: { field: "whose", equals: "uy_quyen" },
          },
        ],
      },
      {
        id: "noiDangKy",
        title: "Nơi đã đăng ký và số bản",
        description: "Các thông tin này giúp cán bộ tìm đúng sổ hộ tịch nhanh hơn.",
        fields: [
          {
            id: "registrationPlace",
            type: "text",
            label: "Nơi đã đăng ký",
            help: "Ghi tên UBND xã/phường cả tên cũ nếu đăng ký trước tháng 7/2025. Ví dụ: UBND phường Láng Hạ, quận Đống Đa, Hà Nội.",
            maxLength: 200,
          },
          {
            id: "registrationYear",
            type: "number",
            label: "Năm đăng ký",
            help: "Không bắt buộc. Với Giấy khai sinh thường là năm sinh hoặc năm sau đó.",
            required: false,
            min: 1945,
            max: 2100,
          },
          {
            id: "registryNumber",
            type: "text",
            label: "Số đăng ký, quyển số",
            help: "Không bắt buộc. In ở góc trên giấy tờ gốc, ví dụ: Số 125, Quyển số 01/2010.",
            required: false,
            maxLength: 50,
          },
          {
            id: "copies",
            type: "number",
            label: "Số bản sao cần cấp",
            help: "8.000 đồng mỗi bản.",
            min: 1,
            max: 20,
            unit: "bản",
          },
          declarationField,
        ],
      },
    ],
  },
};

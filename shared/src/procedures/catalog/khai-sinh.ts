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
 * 1.001193 Đăng ký khai sinh (Quyết định 163/QĐ-BTP). Legal basis: Luật Hộ tịch 2014 (60/2014/QH13)
 * Điều 13–16; Nghị định 123/2015/NĐ-CP; Nghị định 104/2022/NĐ-CP (data-first); Thông tư 04/2020/TT-BTP
 * as amended by 04/2024/TT-BTP (tờ khai, eForm).
 *
 * Dropped from the national eForm:
 * - requester's name, ID type/number/issue date/place and residence: in the profile (ID papers are looked
 *   up by the personal ID number);
 * - "ngày sinh bằng chữ": written out by the system from the date;
 * - child's nationality: this procedure is for births without a foreign element, so the child of parents
 *   identified by Vietnamese personal ID numbers is Vietnamese (Luật Quốc tịch 2008, Điều 15);
 * - each parent's date of birth, ethnicity, nationality and residence: looked up in the population
 *   database from the parent's personal ID number; the parent who files is the requester (not asked again);
 * - parents' marriage: checked in the e-civil-status database;
 * - "Có/Không" for copies: a count of 0 says no.
 */

/**
 * National eForm fields, counted from vn-public-services.md §1.2 (eForm keys HoVaTenC… CapBanSao, SoLuong):
 * requester 8 (name, personal ID number, ID type, issue date, issue place, residence, relationship,
 * relationship free text) + child 9 (name, date of birth, date in words, sex, ethnicity, nationality,
 * place of birth, hometown, type of registration) + mother 6 and father 6 (name, date/year of birth,
 * ethnicity, nationality, ID number, residence) + copies 2 (yes/no, how many) = 31.
 */
export const EFORM_FIELD_COUNT = 31;

export const procedure: ProcedureDefinitionInput = {
  code: "1.001193",
  // 2: the place of birth names a facility in any province; roles checked against the CCCD; copies optional.
  version: 2,
  title: "Đăng ký khai sinh",
  officialName: "Thủ tục đăng ký khai sinh",
  summary:
    "Cha, mẹ (hoặc ông bà, người thân) đăng ký khai sinh cho trẻ mới sinh để được cấp Giấy khai sinh và số định danh cá nhân. Nên làm trong 60 ngày kể từ ngày sinh; quá hạn vẫn đăng ký được.",
  sector: "Hộ tịch",
  agency: "ubnd_xa",
  legalTime: {
    kind: "same_day",
    cutoff: "15:00",
    note: "Nộp trực tuyến: cán bộ gửi bản dự thảo Giấy khai sinh để bạn kiểm tra trong 1 ngày trước khi ký.",
  },
  fees: [
    {
      channel: "online",
      amountVnd: 0,
      description: "Miễn lệ phí khi đăng ký đúng hạn. Bản sao 8.000 đồng/bản.",
    },
    {
      channel: "direct",
      amountVnd: 0,
      description: "Miễn lệ phí khi đăng ký đúng hạn. Bản sao 8.000 đồng/bản.",
    },
    {
      channel: "postal",
      amountVnd: 0,
      description: "Miễn lệ phí khi đăng ký đúng hạn. Bản sao 8.000 đồng/bản.",
    },
  ],
  documents: [
    {
      id: "giay-chung-sinh",
      name: "Giấy chứng sinh (nếu không có: văn bản của người làm chứng, hoặc giấy cam đoan về việc sinh)",
      required: true,
      when: "Không cần nếu Giấy chứng sinh điện tử của bệnh viện đã có trên hệ thống.",
      attachmentField: "birthProofFile",
    },
    identityDocument,
    residenceDocument,
    {
      id: "ket-hon-cha-me",
      name: "Giấy chứng nhận kết hôn của cha mẹ",
      required: false,
      when: "Cán bộ kiểm tra trong Cơ sở dữ liệu hộ tịch điện tử, không phải nộp.",
      pulledFromDatabase: true,
    },
    {
      id: "mang-thai-ho",
      name: "Văn bản xác nhận của cơ sở y tế đã thực hiện kỹ thuật mang thai hộ",
      required: false,
      when: "Chỉ khi trẻ sinh ra nhờ mang thai hộ (nộp tại Bộ phận một cửa).",
    },
    {
      id: "bien-ban-tre-bo-roi",
      name: "Biên bản về việc trẻ bị bỏ rơi",
      required: false,
      when: "Chỉ khi khai sinh cho trẻ bị bỏ rơi (do cơ quan có thẩm quyền lập).",
    },
  ],
  results: ["Giấy khai sinh (có số định danh cá nhân của trẻ)", "Bản sao Giấy khai sinh nếu có yêu cầu"],
  legalBasis: [
    "Luật Hộ tịch 2014 (60/2014/QH13), Điều 13–16",
    "Nghị định 123/2015/NĐ-CP",
    "Nghị định 104/2022/NĐ-CP",
    "Thông tư 04/2020/TT-BTP, sửa đổi bởi Thông tư 04/2024/TT-BTP",
    "Thông tư 281/2016/TT-BTC (phí bản sao)",
    "Quyết định 163/QĐ-BTP",
  ],
  portalUrl: "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7",
  keywords: [...(PROCEDURE_KEYWORDS["1.001193"] ?? [])],
  online: true,
  form: {
    steps: [
      {
        id: "nguoiKhai",
        title: "Người đi khai sinh",
        fields: [
          requesterField(),
          phoneField,
          {
            id: "relationship",
            type: "radio",
            label: "Bạn là gì của cháu?",
            options: [
              { value: "me", label: "Mẹ" },
              { value: "cha", label: "Cha" },
              { value: "khac", label: "Người khác (ông, bà, người thân, người nuôi dưỡng)" },
            ],
            // The CCCD's digit 4 encodes the sex: a man's number cannot be the mother's.
            impliesSex: { person: "requester", options: { me: "nu", cha: "nam" } },
          },
          {
            id: "relationshipOther",
            type: "text",
            label: "Quan hệ của bạn với cháu",
            help: "Ví dụ: bà nội, cô ruột, người đang nuôi dưỡng cháu.",
            maxLength: 50,
            visibleWhen: { field: "relationship", equals: "khac" },
          },
        ],
      },
      {
        id: "tre",
        title: "Thông tin của cháu",
        fields: [
          {
            id: "child",
            type: "person",
            label: "Cháu được khai sinh",
            help: "Ghi như trên Giấy chứng sinh. Hạn đăng ký là 60 ngày kể từ ngày sinh (Luật Hộ tịch, Điều 15); quá hạn vẫn đăng ký được. Dân tộc của cháu theo dân tộc của cha hoặc mẹ, do cha mẹ thỏa thuận.",
            parts: ["fullName", "dateOfBirth", "sex", "ethnicity"],
            // Not in the future; a late registration of someone born long ago is still this procedure.
            dateOfBirthBounds: { minDaysFromToday: -36500, maxDaysFromToday: 0 },
          },
          {
            // Nghị định 123/2015, Điều 4: the health facility's name (or the address when born elsewhere),
            // then its commune and province, as on the Giấy chứng sinh.
            id: "birthPlace",
            type: "address",
            label: "Nơi sinh",
            help: "Như trên Giấy chứng sinh: chọn tỉnh/thành phố và xã/phường nơi cháu sinh ra, rồi ghi tên cơ sở y tế (ví dụ Bệnh viện Phụ sản Hà Nội) hoặc địa chỉ nếu cháu sinh ngoài cơ sở y tế.",
            detailLabel: "Tên cơ sở y tế hoặc địa chỉ nơi sinh",
          },
          {
            id: "birthProofFile",
            type: "attachment",
            label: "Ảnh Giấy chứng sinh",
            help: "Chụp rõ cả tờ. Nếu không có Giấy chứng sinh, tải lên văn bản của người làm chứng về việc sinh; không có người làm chứng thì tải giấy cam đoan về việc sinh.",
            maxCount: 3,
          },
        ],
      },
      {
        id: "chaMe",
        title: "Cha và mẹ của cháu",
        description:
          "Chỉ cần họ tên và số định danh: cán bộ tra ngày sinh, dân tộc, quốc tịch, nơi cư trú trong Cơ sở dữ liệu quốc gia về dân cư.",
        fields: [
          {
            id: "mother",
            type: "person",
            label: "Mẹ của cháu",
            parts: ["fullName", "cccd"],
            expectedSex: "nu",
            visibleWhen: { not: { field: "relationship", equals: "me" } },
          },
          {
            id: "fatherKnown",
            type: "yes_no",
            label: "Đã xác định được cha của cháu chưa?",
            help: "Chọn Không nếu chưa xác định được cha: Giấy khai sinh để trống phần cha. Nếu cha mẹ chưa đăng ký kết hôn mà muốn ghi tên cha, hãy làm thủ tục khai sinh kết hợp nhận cha, mẹ, con.",
            visibleWhen: { not: { field: "relationship", equals: "cha" } },
          },
          {
            id: "father",
            type: "person",
            label: "Cha của cháu",
            parts: ["fullName", "cccd"],
            expectedSex: "nam",
            visibleWhen: {
              all: [
                { not: { field: "relationship", equals: "cha" } },
                { field: "fatherKnown", equals: true },
              ],
            },
          },
          {
            id: "hometown",
            type: "radio",
            label: "Quê quán của cháu ghi theo",
            help: "Quê quán của con theo quê quán của cha hoặc mẹ, do cha mẹ thỏa thuận (Luật Hộ tịch, Điều 4). Chưa xác định được cha thì theo mẹ.",
            options: [
              { value: "cha", label: "Quê quán của cha" },
              { value: "me", label: "Quê quán của mẹ" },
            ],
            visibleWhen: {
              any: [
                { field: "relationship", equals: "cha" },
                { field: "fatherKnown", equals: true },
              ],
            },
          },
        ],
      },
      {
        // The pledge is asked on the review page, after the citizen reads what they pledge.
        id: "banSao",
        title: "Bản sao Giấy khai sinh",
        fields: [copiesField("Giấy khai sinh", { optional: true }), declarationField],
      },
    ],
  },
};

import type { FieldInput } from "../../forms/definition";
import { PROCEDURE_KEYWORDS } from "../../text/procedure-keywords";
import type { ProcedureDefinitionInput } from "../definition";
import {
  copiesField,
  declarationField,
  emailField,
  identityDocument,
  phoneField,
  requesterField,
  residenceDocument,
} from "../fields";
import { MARITAL_STATUS_OPTIONS } from "../options";

/*
 * 1.000894 Đăng ký kết hôn (Quyết định 163/QĐ-BTP). Legal basis: Luật Hộ tịch 2014 (60/2014/QH13)
 * Điều 17–18; Luật Hôn nhân và gia đình 2014 (52/2014/QH13) Điều 8 (age: man from 20, woman from 18);
 * Nghị định 123/2015/NĐ-CP; Thông tư 04/2020/TT-BTP as amended by 04/2024/TT-BTP.
 *
 * Dropped from the national eForm:
 * - the requester's block (name, ID type/number/issue date/place, address): in the profile; which side
 *   (bên nam / bên nữ) the requester is follows from the sex in the profile;
 * - each party's ethnicity, nationality, ID papers and residence: looked up from the personal ID number
 *   (a foreign partner is a different procedure, filed at the desk);
 * - "kết hôn lần thứ mấy" when never married (it is the first); divorce number/date/court as three boxes:
 *   one line;
 * - "Có/Không" for copies: a count of 0 says no.
 */

/**
 * National eForm fields, counted from vn-public-services.md §1.2: requester 8 (name, personal ID number,
 * ID type, issue date, issue place, phone, email, address) + for each of bên nữ and bên nam 15 (name,
 * date of birth, ethnicity, nationality, personal ID number, ID type/number/issue date/place 4, residence,
 * marriage number, marital status, divorce decision number/date/court 3) × 2 + copies 2 = 40.
 */
export const EFORM_FIELD_COUNT = 40;

function previousMarriage(side: "self" | "partner", who: string): FieldInput[] {
  const status = `${side}MaritalStatus`;
  return [
    {
      id: status,
      type: "radio",
      label: `Tình trạng hôn nhân của ${who}`,
      help: "Cán bộ đối chiếu với Cơ sở dữ liệu hộ tịch điện tử.",
      options: [...MARITAL_STATUS_OPTIONS],
    },
    {
      id: `${side}MarriageNumber`,
      type: "number",
      label: `Đây là lần kết hôn thứ mấy của ${who}?`,
      min: 2,
      max: 10,
      visibleWhen: { not: { field: status, in: ["chua_ket_hon"] } },
    },
    {
      id: `${side}Divorce`,
      type: "text",
      label: "Bản án hoặc quyết định ly hôn",
      help: "Ghi số, ngày và tên Tòa án. Ví dụ: 123/2022/QĐST-HNGĐ ngày 05/03/2022, TAND quận Cầu Giấy.",
      maxLength: 150,
      visibleWhen: { field: status, equals: "da_ly_hon" },
    },
    {
      id: `${side}LateSpouse`,
      type: "text",
      label: "Họ tên và năm mất của người vợ/chồng trước",
      help: "Cán bộ tra trích lục khai tử trong Cơ sở dữ liệu hộ tịch.",
      maxLength: 150,
      visibleWhen: { field: status, equals: "vo_chong_da_mat" },
    },
  ];
}

export const procedure: ProcedureDefinitionInput = {
  code: "1.000894",
  // 2: the requester's sex follows the CCCD (asked after it, derived from digit 4); copies optional.
  version: 2,
  title: "Đăng ký kết hôn",
  officialName: "Thủ tục đăng ký kết hôn",
  summary:
    "Hai người (cùng là công dân Việt Nam) đăng ký kết hôn để được cấp Giấy chứng nhận kết hôn. Một người khai cho cả hai; khi nhận giấy, cả hai phải cùng có mặt để ký.",
  sector: "Hộ tịch",
  agency: "ubnd_xa",
  legalTime: {
    kind: "same_day",
    cutoff: "15:00",
    note: "Nếu cần xác minh điều kiện kết hôn: không quá 5 ngày làm việc (Luật Hộ tịch, Điều 18).",
  },
  fees: [
    {
      channel: "online",
      amountVnd: 0,
      description: "Miễn lệ phí. Bản sao trích lục kết hôn 8.000 đồng/bản.",
    },
    {
      channel: "direct",
      amountVnd: 0,
      description: "Miễn lệ phí. Bản sao trích lục kết hôn 8.000 đồng/bản.",
    },
    {
      channel: "postal",
      amountVnd: 0,
      description: "Miễn lệ phí. Bản sao trích lục kết hôn 8.000 đồng/bản.",
    },
  ],
  documents: [
    identityDocument,
    residenceDocument,
    {
      id: "tinh-trang-hon-nhan",
      name: "Thông tin tình trạng hôn nhân của hai bên",
      required: true,
      when: "Cán bộ khai thác trong Cơ sở dữ liệu hộ tịch điện tử và Cơ sở dữ liệu quốc gia về dân cư.",
      pulledFromDatabase: true,
    },
  ],
  results: ["Giấy chứng nhận kết hôn", "Bản sao trích lục kết hôn nếu có yêu cầu"],
  legalBasis: [
    "Luật Hộ tịch 2014 (60/2014/QH13), Điều 17–18",
    "Luật Hôn nhân và gia đình 2014 (52/2014/QH13), Điều 8",
    "Nghị định 123/2015/NĐ-CP",
    "Nghị định 104/2022/NĐ-CP",
    "Thông tư 04/2020/TT-BTP, sửa đổi bởi Thông tư 04/2024/TT-BTP",
    "Quyết định 163/QĐ-BTP",
  ],
  portalUrl: "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-3fac-7489-b53b-a15eb239a6fe",
  keywords: [...(PROCEDURE_KEYWORDS["1.000894"] ?? [])],
  online: true,
  form: {
    steps: [
      {
        id: "banThan",
        title: "Thông tin của bạn",
        fields: [
          // Sex after the CCCD: the app fills it from the number's digit 4 (it is still checked against it).
          requesterField(["fullName", "dateOfBirth", "cccd", "sex", "residence"]),
          phoneField,
          emailField,
          ...previousMarriage("self", "bạn"),
        ],
      },
      {
        id: "nguoiKia",
        title: "Người bạn kết hôn",
        fields: [
          {
            id: "partner",
            type: "person",
            label: "Người kết hôn cùng bạn",
            help: "Chỉ cần họ tên, ngày sinh và số định danh: cán bộ tra dân tộc, quốc tịch, nơi cư trú. Nam từ đủ 20 tuổi, nữ từ đủ 18 tuổi (Luật Hôn nhân và gia đình, Điều 8).",
            parts: ["fullName", "dateOfBirth", "cccd"],
            // About 18 years: nobody younger may marry; the officer checks the exact age for each side.
            dateOfBirthBounds: { minDaysFromToday: -36500, maxDaysFromToday: -6574 },
          },
          ...previousMarriage("partner", "người kia"),
        ],
      },
      {
        // The pledge is asked on the review page, after the citizen reads what they pledge.
        id: "banSao",
        title: "Bản sao trích lục kết hôn",
        description:
          "Sau khi hồ sơ được duyệt, cả hai cùng đến UBND xã/phường để ký và nhận Giấy chứng nhận kết hôn.",
        fields: [copiesField("trích lục kết hôn", { optional: true }), declarationField],
      },
    ],
  },
};

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
 * 1.000656 Đăng ký khai tử (Quyết định 163/QĐ-BTP). Legal basis: Luật Hộ tịch 2014 (60/2014/QH13)
 * Điều 32–34 (15-day duty: Điều 33); Nghị định 123/2015/NĐ-CP; Nghị định 104/2022/NĐ-CP; Thông tư
 * 04/2020/TT-BTP as amended by 04/2024/TT-BTP. Fee: set by the provincial HĐND, free when on time
 * (Thông tư 85/2019/TT-BTC; Thông tư 106/2021/TT-BTC).
 *
 * Dropped from the national eForm:
 * - requester's name, ID papers and residence: in the profile;
 * - the deceased's date of birth, sex, ethnicity, nationality and last residence: looked up in the
 *   population database from the personal ID number;
 * - the death notice's number, date and issuing body: read from the uploaded Giấy báo tử (or retrieved
 *   when the hospital issued it electronically);
 * - "Có/Không" for copies: a count of 0 says no.
 */

/**
 * National eForm / tờ khai fields, counted from vn-public-services.md §1.2 [U]: requester 4 (name, ID,
 * residence, relationship) + deceased 14 (name, date of birth, sex, ethnicity, nationality, ID, last
 * residence, time, date, place, cause, death notice number/date/issuer 3) + copies 1 = 19.
 */
export const EFORM_FIELD_COUNT = 19;

export const procedure: ProcedureDefinitionInput = {
  code: "1.000656",
  version: 2,
  title: "Đăng ký khai tử",
  officialName: "Thủ tục đăng ký khai tử",
  summary:
    "Người thân đăng ký khai tử cho người đã mất để được cấp Trích lục khai tử (dùng cho thừa kế, xóa thường trú, hưởng chế độ). Hạn là 15 ngày kể từ ngày mất.",
  sector: "Hộ tịch",
  agency: "ubnd_xa",
  legalTime: {
    kind: "working_days",
    days: 1,
    note: "Trả ngay trong ngày nếu nộp trước 15 giờ; cần xác minh thì đến 2 ngày, trường hợp đặc biệt đến 5 ngày làm việc.",
  },
  fees: [
    {
      channel: "online",
      amountVnd: 0,
      description:
        "Miễn lệ phí khi đăng ký đúng hạn, và cho gia đình có công, hộ nghèo, người khuyết tật. Quá hạn: mức do HĐND tỉnh quy định.",
    },
    { channel: "direct", amountVnd: 0, description: "Như nộp trực tuyến. Bản sao trích lục 8.000 đồng/bản." },
    { channel: "postal", amountVnd: 0, description: "Như nộp trực tuyến. Bản sao trích lục 8.000 đồng/bản." },
  ],
  documents: [
    {
      id: "giay-bao-tu",
      name: "Giấy báo tử hoặc giấy tờ thay Giấy báo tử",
      required: true,
      when: "Người mất đã lâu, không có Giấy báo tử: giấy tờ, tài liệu chứng minh việc chết.",
      attachmentField: "deathNoticeFile",
    },
    identityDocument,
    {
      id: "noi-cu-tru-cuoi",
      name: "Giấy tờ chứng minh nơi cư trú cuối cùng của người mất",
      required: false,
      when: "Chỉ khi cán bộ không khai thác được trong Cơ sở dữ liệu quốc gia về dân cư.",
      pulledFromDatabase: true,
    },
    residenceDocument,
  ],
  results: ["Trích lục khai tử", "Bản sao trích lục khai tử nếu có yêu cầu"],
  legalBasis: [
    "Luật Hộ tịch 2014 (60/2014/QH13), Điều 32–34",
    "Nghị định 123/2015/NĐ-CP",
    "Nghị định 104/2022/NĐ-CP",
    "Thông tư 04/2020/TT-BTP, sửa đổi bởi Thông tư 04/2024/TT-BTP",
    "Thông tư 85/2019/TT-BTC (lệ phí do HĐND tỉnh quyết định)",
    "Quyết định 163/QĐ-BTP",
  ],
  portalUrl: "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-3fac-7489-b53b-9c6c958f2da4",
  keywords: [...(PROCEDURE_KEYWORDS["1.000656"] ?? [])],
  online: true,
  form: {
    steps: [
      {
        id: "nguoiKhai",
        title: "Người đi khai tử",
        fields: [
          requesterField(),
          phoneField,
          {
            id: "relationship",
            type: "select",
            label: "Bạn là gì của người đã mất?",
            options: [
              { value: "vo_chong", label: "Vợ hoặc chồng" },
              { value: "con", label: "Con" },
              { value: "cha_me", label: "Cha hoặc mẹ" },
              { value: "anh_chi_em", label: "Anh, chị, em ruột" },
              { value: "khac", label: "Quan hệ khác" },
            ],
          },
          {
            id: "relationshipOther",
            type: "text",
            label: "Quan hệ của bạn với người đã mất",
            help: "Ví dụ: cháu nội, con dâu, chủ nhà nơi người đó sống.",
            maxLength: 50,
            visibleWhen: { field: "relationship", equals: "khac" },
          },
        ],
      },
      {
        id: "nguoiMat",
        title: "Người đã mất",
        description:
          "Cán bộ tra ngày sinh, giới tính, dân tộc, quốc tịch và nơi cư trú cuối cùng theo số định danh.",
        fields: [
          {
            id: "deceased",
            type: "person",
            label: "Người đã mất",
            help: "Số định danh in trên thẻ căn cước của người mất.",
            parts: ["fullName", "cccd"],
          },
          {
            id: "deathDate",
            type: "date",
            label: "Ngày mất",
            help: "Như trên Giấy báo tử. Hạn đăng ký là 15 ngày kể từ ngày mất (Luật Hộ tịch, Điều 33); quá hạn vẫn đăng ký được.",
            bounds: { minDaysFromToday: -36500, maxDaysFromToday: 0 },
          },
          {
            id: "deathTime",
            type: "text",
            label: "Giờ mất",
            help: "Không bắt buộc. Ghi giờ và phút nếu biết, ví dụ 14:30.",
            required: false,
            maxLength: 5,
            placeholder: "14:30",
          },
          {
            id: "deathPlace",
            type: "address",
            label: "Nơi mất",
            help: "Tên bệnh viện, hoặc địa chỉ nhà nếu mất tại nhà.",
          },
          {
            id: "deathCause",
            type: "text",
            label: "Nguyên nhân mất",
            help: "Ghi như trên Giấy báo tử, ví dụ: bệnh già, tai nạn giao thông.",
            maxLength: 150,
          },
        ],
      },
      {
        id: "giayBaoTu",
        title: "Giấy báo tử và bản sao trích lục",
        fields: [
          {
            id: "deathNoticeFile",
            type: "attachment",
            label: "Ảnh Giấy báo tử",
            help: "Do bệnh viện, UBND xã hoặc công an cấp. Người mất đã lâu không có Giấy báo tử: tải giấy tờ chứng minh việc chết.",
            maxCount: 3,
          },
          copiesField("trích lục khai tử"),
          declarationField,
        ],
      },
    ],
  },
};

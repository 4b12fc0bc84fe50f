import { PROCEDURE_KEYWORDS } from "../../text/procedure-keywords";
import type { ProcedureDefinitionInput } from "../definition";
import { declarationField, phoneField, requesterField } from "../fields";
import { SESSION_OPTIONS } from "../options";

/*
 * 2.000815 Chứng thực bản sao từ bản chính (Quyết định 3152/QĐ-BTP). Legal basis: Nghị định
 * 23/2015/NĐ-CP (the officer compares the copy with the original presented in person; result the same day
 * when received before 15:00), as amended by Nghị định 280/2025/NĐ-CP; fee Thông tư 226/2016/TT-BTC
 * (computed by ../certified-copy-fee.ts).
 *
 * Decision: the law requires the original to be presented, so the certification itself cannot be done
 * online. The form here is a booking: the citizen lists the documents with their page counts and number
 * of copies (so the fee is known in advance) and picks a day; the desk prepares and the citizen brings
 * the originals. There is no national eForm (nothing is filled in at the desk), hence a count of 0.
 */

/** No national form: the citizen hands over the original and the copy at the desk. */
export const EFORM_FIELD_COUNT = 0;

export const procedure: ProcedureDefinitionInput = {
  code: "2.000815",
  version: 1,
  title: "Chứng thực bản sao từ bản chính (đặt lịch)",
  officialName:
    "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam; cơ quan, tổ chức có thẩm quyền của nước ngoài; cơ quan, tổ chức có thẩm quyền của Việt Nam liên kết với cơ quan, tổ chức có thẩm quyền của nước ngoài cấp hoặc chứng nhận",
  summary:
    "Sao y (chứng thực) bằng cấp, giấy tờ từ bản chính. Việc chứng thực phải làm trực tiếp: đặt lịch trước ở đây để biết trước lệ phí, rồi mang bản chính đến Bộ phận một cửa UBND xã/phường.",
  sector: "Chứng thực",
  agency: "ubnd_xa",
  legalTime: {
    kind: "same_day",
    cutoff: "15:00",
    note: "Nhận yêu cầu sau 15 giờ thì trả trong ngày làm việc tiếp theo.",
  },
  fees: [
    {
      channel: "direct",
      amountVnd: 2000,
      description:
        "2.000 đồng/trang cho trang 1 và 2; từ trang 3 trở đi 1.000 đồng/trang; tối đa 200.000 đồng mỗi bản. Tính theo số trang của bản chính.",
    },
  ],
  documents: [
    {
      id: "ban-chinh",
      name: "Bản chính giấy tờ cần chứng thực (kèm bản photo nếu có)",
      required: true,
      when: "Mang đến khi làm thủ tục; nếu không mang bản photo, cán bộ chụp từ bản chính.",
    },
    {
      id: "giay-to-tuy-than",
      name: "Giấy tờ tùy thân (thẻ căn cước, căn cước điện tử hoặc hộ chiếu)",
      required: true,
      when: "Xuất trình khi đến làm thủ tục.",
    },
  ],
  results: ["Bản sao được chứng thực từ bản chính"],
  legalBasis: [
    "Nghị định 23/2015/NĐ-CP, sửa đổi bởi Nghị định 280/2025/NĐ-CP",
    "Thông tư 01/2020/TT-BTP",
    "Thông tư 226/2016/TT-BTC (phí chứng thực)",
    "Quyết định 3152/QĐ-BTP",
  ],
  portalUrl: "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-8e22-77ef-819f-e49460350904",
  keywords: [...(PROCEDURE_KEYWORDS["2.000815"] ?? [])],
  online: true,
  form: {
    steps: [
      {
        id: "nguoiYeuCau",
        title: "Người đặt lịch",
        fields: [requesterField(["fullName", "cccd"]), phoneField],
      },
      {
        id: "giayTo",
        title: "Giấy tờ cần chứng thực",
        description: "Lệ phí được tính ngay theo số trang và số bản bạn khai.",
        fields: [
          {
            id: "items",
            type: "group",
            label: "Danh sách giấy tờ",
            itemLabel: "Giấy tờ",
            minItems: 1,
            maxItems: 10,
            fields: [
              {
                id: "docName",
                type: "text",
                label: "Tên giấy tờ",
                help: "Ví dụ: Bằng tốt nghiệp THPT, Giấy khai sinh, Sổ đỏ.",
                maxLength: 100,
              },
              {
                id: "pageCount",
                type: "number",
                label: "Số trang của bản chính",
                help: "Đếm các trang có chữ. Lệ phí tính theo trang của bản chính.",
                min: 1,
                max: 500,
                unit: "trang",
              },
              {
                id: "copyCount",
                type: "number",
                label: "Số bản cần chứng thực",
                min: 1,
                max: 50,
                unit: "bản",
              },
            ],
          },
        ],
      },
      {
        id: "lichHen",
        title: "Ngày đến làm thủ tục",
        fields: [
          {
            id: "visitDate",
            type: "date",
            label: "Ngày bạn đến",
            help: "Chọn một ngày làm việc trong 30 ngày tới. Mang theo bản chính và giấy tờ tùy thân.",
            bounds: { minDaysFromToday: 0, maxDaysFromToday: 30 },
          },
          {
            id: "visitSession",
            type: "radio",
            label: "Buổi",
            options: [...SESSION_OPTIONS],
          },
          declarationField,
        ],
      },
    ],
  },
};

import { PROCEDURE_KEYWORDS } from "../../text/procedure-keywords";
import type { ProcedureDefinitionInput } from "../definition";

/*
 * 2.000884 Chứng thực chữ ký (cả điểm chỉ, và khi người yêu cầu không ký, không điểm chỉ được)
 * (Quyết định 858/QĐ-BTP). Legal basis: Nghị định 23/2015/NĐ-CP as amended by Nghị định 280/2025/NĐ-CP
 * (the signer signs in front of the officer); Thông tư 01/2020/TT-BTP; fee Thông tư 226/2016/TT-BTC.
 *
 * Information only: the signature must be made in person at the desk.
 */
export const procedure: ProcedureDefinitionInput = {
  code: "2.000884",
  version: 1,
  title: "Chứng thực chữ ký",
  officialName:
    "Chứng thực chữ ký trong các giấy tờ, văn bản (áp dụng cho cả trường hợp chứng thực điểm chỉ và trường hợp người yêu cầu chứng thực không thể ký, không thể điểm chỉ được)",
  summary:
    "Chứng thực chữ ký (hoặc dấu vân tay) của bạn trên giấy tờ như giấy ủy quyền, đơn từ. Bạn phải ký trước mặt cán bộ.",
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
      amountVnd: 10000,
      description: "10.000 đồng mỗi trường hợp (một hoặc nhiều chữ ký trên một giấy tờ).",
    },
  ],
  documents: [
    {
      id: "giay-to-tuy-than",
      name: "Căn cước điện tử, hoặc bản chính/bản sao thẻ căn cước, hộ chiếu còn giá trị",
      required: true,
    },
    {
      id: "van-ban-can-ky",
      name: "Giấy tờ, văn bản cần chứng thực chữ ký (kèm bản dịch tiếng Việt nếu viết bằng tiếng nước ngoài và cán bộ yêu cầu)",
      required: true,
    },
  ],
  results: ["Giấy tờ, văn bản được chứng thực chữ ký hoặc điểm chỉ"],
  legalBasis: [
    "Nghị định 23/2015/NĐ-CP, sửa đổi bởi Nghị định 280/2025/NĐ-CP",
    "Thông tư 01/2020/TT-BTP",
    "Thông tư 226/2016/TT-BTC (phí chứng thực)",
    "Quyết định 858/QĐ-BTP",
  ],
  portalUrl: "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-8e2e-7359-b42f-d5dc8d74741b",
  keywords: [...(PROCEDURE_KEYWORDS["2.000884"] ?? [])],
  online: false,
  howToFile:
    "Đến Bộ phận một cửa UBND xã/phường (hoặc một tổ chức hành nghề công chứng) với giấy tờ tùy thân và văn bản cần ký; ký hoặc điểm chỉ trước mặt người thực hiện chứng thực.",
};

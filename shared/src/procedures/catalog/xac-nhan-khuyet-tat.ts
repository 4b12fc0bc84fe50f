import { PROCEDURE_KEYWORDS } from "../../text/procedure-keywords";
import type { ProcedureDefinitionInput } from "../definition";

/*
 * 1.001699 Xác định, xác định lại mức độ khuyết tật và cấp Giấy xác nhận khuyết tật (Quyết định
 * 970/QĐ-BYT). Legal basis: Luật Người khuyết tật 2010 (51/2010/QH12); Nghị định 28/2012/NĐ-CP; Thông tư
 * 01/2019/TT-BLĐTBXH as amended by 08/2023/TT-BLĐTBXH (Mẫu số 01); Nghị định 42/2025/NĐ-CP and
 * 45/2025/NĐ-CP. Free of charge; 25 working days.
 *
 * Information only: the commune's council assesses the person directly (observation, interview), so the
 * filing is a short application that the app does not replace.
 */
export const procedure: ProcedureDefinitionInput = {
  code: "1.001699",
  version: 1,
  title: "Xác nhận mức độ khuyết tật",
  officialName: "Xác định, xác định lại mức độ khuyết tật và cấp Giấy xác nhận khuyết tật",
  summary:
    "Đề nghị Hội đồng xác định mức độ khuyết tật của xã đánh giá và cấp Giấy xác nhận khuyết tật, để được hưởng trợ cấp và các chính sách hỗ trợ.",
  sector: "Bảo trợ xã hội",
  agency: "ubnd_xa",
  legalTime: { kind: "working_days", days: 25 },
  fees: [
    { channel: "online", amountVnd: 0, description: "Miễn phí." },
    { channel: "direct", amountVnd: 0, description: "Miễn phí." },
    { channel: "postal", amountVnd: 0, description: "Miễn phí." },
  ],
  documents: [
    {
      id: "don-de-nghi",
      name: "Đơn đề nghị (Mẫu số 01, Thông tư 01/2019/TT-BLĐTBXH sửa đổi bởi Thông tư 08/2023/TT-BLĐTBXH)",
      required: true,
    },
    {
      id: "giay-to-y-te",
      name: "Bản sao giấy tờ liên quan đến khuyết tật (bệnh án, giấy khám, điều trị, phẫu thuật…), nếu có",
      required: false,
    },
    {
      id: "ket-luan-giam-dinh",
      name: "Bản sao kết luận của Hội đồng Giám định y khoa",
      required: false,
      when: "Khi đã có kết luận giám định trước ngày 01/6/2012.",
    },
    {
      id: "giay-xac-nhan-cu",
      name: "Giấy xác nhận khuyết tật cũ",
      required: false,
      when: "Khi đề nghị xác định lại mức độ khuyết tật.",
    },
  ],
  results: ["Giấy xác nhận khuyết tật"],
  legalBasis: [
    "Luật Người khuyết tật 2010 (51/2010/QH12)",
    "Nghị định 28/2012/NĐ-CP",
    "Thông tư 01/2019/TT-BLĐTBXH, sửa đổi bởi Thông tư 08/2023/TT-BLĐTBXH",
    "Nghị định 42/2025/NĐ-CP; Nghị định 45/2025/NĐ-CP",
    "Quyết định 970/QĐ-BYT",
  ],
  portalUrl: "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfe-b7cd-76e9-b909-bcf437629cb8",
  keywords: [...(PROCEDURE_KEYWORDS["1.001699"] ?? [])],
  online: false,
  howToFile:
    "Nộp đơn trên Cổng Dịch vụ công quốc gia (https://dichvucong.gov.vn), qua bưu chính, hoặc tại Bộ phận một cửa UBND xã/phường nơi cư trú. Hội đồng xác định mức độ khuyết tật sẽ hẹn gặp trực tiếp người khuyết tật.",
};

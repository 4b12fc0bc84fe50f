import { PROCEDURE_KEYWORDS } from "../../text/procedure-keywords";
import type { ProcedureDefinitionInput } from "../definition";
import { CARD_RENEWAL_COMMON } from "./can-cuoc-renewal";

/*
 * 1.014063 Cấp đổi thẻ căn cước (Quyết định 5710/QĐ-BCA-C06). Legal basis: Luật Căn cước 2023
 * (26/2023/QH15) Điều 24 khoản 1 (when to exchange: age milestones 25/40/60, damaged card, changed
 * details…); Nghị định 70/2024/NĐ-CP; Thông tư 17/2024/TT-BCA (DC02); fee Thông tư 73/2024/TT-BTC, halved
 * from 1/7/2025 to 31/12/2026 by Thông tư 64/2025/TT-BTC.
 *
 * Information only: a new photo and fingerprints are taken in person.
 */
export const procedure: ProcedureDefinitionInput = {
  code: "1.014063",
  version: 1,
  title: "Đổi thẻ căn cước",
  officialName: "Cấp đổi thẻ căn cước",
  summary:
    "Đổi thẻ căn cước khi đến tuổi phải đổi (25, 40, 60), thẻ bị hỏng, hoặc thông tin trên thẻ thay đổi. Làm ở bất kỳ xã/phường nào.",
  sector: "Căn cước",
  agency: "cong_an_xa",
  legalTime: { kind: "working_days", days: 7 },
  fees: [
    {
      channel: "direct",
      amountVnd: 50000,
      description:
        "50.000 đồng/thẻ. Từ 1/7/2025 đến hết 31/12/2026 chỉ thu 50% (25.000 đồng) theo Thông tư 64/2025/TT-BTC.",
    },
    {
      channel: "online",
      amountVnd: 50000,
      description: "Đặt lịch trực tuyến; mức thu như nộp trực tiếp (đang giảm 50% đến hết 31/12/2026).",
    },
  ],
  ...CARD_RENEWAL_COMMON,
  portalUrl: "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bf7-9e0f-730b-9510-60349ebab5b2",
  keywords: [...(PROCEDURE_KEYWORDS["1.014063"] ?? [])],
  online: false,
  howToFile:
    "Đặt lịch trên ứng dụng VNeID hoặc Cổng Dịch vụ công quốc gia (https://dichvucong.gov.vn), rồi đến Công an xã/phường bất kỳ để chụp ảnh, lấy vân tay. Có thể nhận thẻ qua bưu điện.",
};

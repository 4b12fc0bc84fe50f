import { PROCEDURE_KEYWORDS } from "../../text/procedure-keywords";
import type { ProcedureDefinitionInput } from "../definition";
import { CARD_RENEWAL_COMMON } from "./can-cuoc-renewal";

/*
 * 1.014064 Cấp lại thẻ căn cước (Quyết định 5710/QĐ-BCA-C06). Legal basis: Luật Căn cước 2023
 * (26/2023/QH15) Điều 24 khoản 2 (lost card, or Vietnamese nationality regained); Nghị định 70/2024/NĐ-CP;
 * Thông tư 17/2024/TT-BCA; fee Thông tư 73/2024/TT-BTC, halved from 1/7/2025 to 31/12/2026 by Thông tư
 * 64/2025/TT-BTC.
 *
 * Information only: a new photo and fingerprints are taken in person.
 */
export const procedure: ProcedureDefinitionInput = {
  code: "1.014064",
  version: 1,
  title: "Làm lại thẻ căn cước bị mất",
  officialName: "Cấp lại thẻ căn cước",
  summary: "Làm lại thẻ căn cước khi bị mất. Trong lúc chờ, căn cước điện tử trên VNeID vẫn dùng được.",
  sector: "Căn cước",
  agency: "cong_an_xa",
  legalTime: { kind: "working_days", days: 7 },
  fees: [
    {
      channel: "direct",
      amountVnd: 70000,
      description:
        "70.000 đồng/thẻ. Từ 1/7/2025 đến hết 31/12/2026 chỉ thu 50% (35.000 đồng) theo Thông tư 64/2025/TT-BTC.",
    },
    {
      channel: "online",
      amountVnd: 70000,
      description: "Nộp trực tuyến; mức thu như nộp trực tiếp (đang giảm 50% đến hết 31/12/2026).",
    },
  ],
  ...CARD_RENEWAL_COMMON,
  portalUrl: "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bf7-9e0b-7681-bd68-83f1e84c1cc7",
  keywords: [...(PROCEDURE_KEYWORDS["1.014064"] ?? [])],
  online: false,
  howToFile:
    "Nộp đề nghị trên ứng dụng VNeID hoặc Cổng Dịch vụ công quốc gia (https://dichvucong.gov.vn), hoặc đến Công an xã/phường bất kỳ để chụp ảnh, lấy vân tay. Có thể nhận thẻ qua bưu điện.",
};

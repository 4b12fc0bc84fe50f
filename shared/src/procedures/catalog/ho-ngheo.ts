import { PROCEDURE_KEYWORDS } from "../../text/procedure-keywords";
import type { ProcedureDefinitionInput } from "../definition";

/*
 * 1.011607 Công nhận hộ nghèo, hộ cận nghèo thường xuyên hằng năm (Quyết định 967/QĐ-BNNMT). Legal basis:
 * Quyết định 24/2021/QĐ-TTg (Mẫu số 01: giấy đề nghị rà soát); Thông tư 07/2021/TT-BLĐTBXH; Thông tư
 * 02/2022/TT-BLĐTBXH. Free of charge. The portal gives 15 days (not stated as working days).
 *
 * Information only: no online channel on the portal (direct or postal); the commune reviews households.
 */
export const procedure: ProcedureDefinitionInput = {
  code: "1.011607",
  version: 1,
  title: "Công nhận hộ nghèo, hộ cận nghèo",
  officialName: "Công nhận hộ nghèo, hộ cận nghèo thường xuyên hằng năm",
  summary:
    "Hộ gia đình đề nghị được rà soát và công nhận là hộ nghèo hoặc cận nghèo, để được hưởng bảo hiểm y tế, vay vốn ưu đãi và các hỗ trợ khác.",
  sector: "Giảm nghèo",
  agency: "ubnd_xa",
  legalTime: { kind: "working_days", days: 15, note: "Cổng Dịch vụ công ghi 15 ngày." },
  fees: [
    { channel: "direct", amountVnd: 0, description: "Miễn phí." },
    { channel: "postal", amountVnd: 0, description: "Miễn phí." },
  ],
  documents: [
    {
      id: "giay-de-nghi",
      name: "Giấy đề nghị rà soát hộ nghèo, hộ cận nghèo (Mẫu số 01, Quyết định 24/2021/QĐ-TTg)",
      required: true,
    },
  ],
  results: ["Quyết định công nhận danh sách hộ nghèo, hộ cận nghèo"],
  legalBasis: [
    "Quyết định 24/2021/QĐ-TTg",
    "Thông tư 07/2021/TT-BLĐTBXH",
    "Thông tư 02/2022/TT-BLĐTBXH",
    "Quyết định 967/QĐ-BNNMT",
  ],
  portalUrl: "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfa-6008-72cb-9e63-83483f3a6e49",
  keywords: [...(PROCEDURE_KEYWORDS["1.011607"] ?? [])],
  online: false,
  howToFile:
    "Nộp Giấy đề nghị trực tiếp tại Bộ phận một cửa UBND xã/phường nơi cư trú hoặc gửi qua bưu chính (thủ tục này chưa nhận hồ sơ trực tuyến).",
};

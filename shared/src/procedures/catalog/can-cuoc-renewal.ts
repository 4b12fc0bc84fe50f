import type { ProcedureDefinitionInput } from "../definition";

/**
 * What cấp đổi (1.014063) and cấp lại (1.014064) thẻ căn cước have in common: the same papers, result
 * and legal basis (Luật Căn cước 2023 Điều 24); only the reasons, fees and portal records differ.
 */
export const CARD_RENEWAL_COMMON = {
  documents: [
    {
      id: "phieu-cc01",
      name: "Phiếu CC01 (công an in từ Cơ sở dữ liệu quốc gia về dân cư để bạn kiểm tra và ký)",
      required: true,
      pulledFromDatabase: true,
    },
    { id: "phieu-dc02", name: "Phiếu đề nghị giải quyết thủ tục về căn cước (mẫu DC02)", required: true },
    {
      id: "nguoi-dai-dien",
      name: "Giấy tờ chứng minh là người đại diện hợp pháp",
      required: false,
      when: "Khi làm cho người dưới 14 tuổi.",
    },
  ],
  results: ["Thẻ căn cước"],
  legalBasis: [
    "Luật Căn cước 2023 (26/2023/QH15), Điều 24",
    "Nghị định 70/2024/NĐ-CP",
    "Thông tư 17/2024/TT-BCA",
    "Thông tư 73/2024/TT-BTC; Thông tư 64/2025/TT-BTC (giảm 50% lệ phí đến 31/12/2026)",
    "Quyết định 5710/QĐ-BCA-C06",
  ],
} satisfies Pick<ProcedureDefinitionInput, "documents" | "results" | "legalBasis">;

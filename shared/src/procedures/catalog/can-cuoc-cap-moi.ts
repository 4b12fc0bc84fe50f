import { PROCEDURE_KEYWORDS } from "../../text/procedure-keywords";
import type { ProcedureDefinitionInput } from "../definition";

/*
 * 1.014061 Cấp thẻ căn cước cho người từ đủ 14 tuổi trở lên (Quyết định 5710/QĐ-BCA-C06). Legal basis:
 * Luật Căn cước 2023 (26/2023/QH15); Nghị định 70/2024/NĐ-CP; Thông tư 16/2024/TT-BCA, 17/2024/TT-BCA
 * (DC02), 18/2024/TT-BCA; Thông tư 53/2025/TT-BCA (DC01). First issue free of charge.
 *
 * Information only: photo, fingerprints and iris are taken in person; online channels only book a slot.
 */
export const procedure: ProcedureDefinitionInput = {
  code: "1.014061",
  version: 1,
  title: "Làm thẻ căn cước lần đầu (từ 14 tuổi)",
  officialName: "Cấp thẻ căn cước cho người từ đủ 14 tuổi trở lên",
  summary:
    "Làm thẻ căn cước lần đầu cho người từ đủ 14 tuổi. Phải đến công an để chụp ảnh, lấy vân tay; làm ở bất kỳ xã/phường nào, không cần đúng nơi cư trú.",
  sector: "Căn cước",
  agency: "cong_an_xa",
  legalTime: { kind: "working_days", days: 7 },
  fees: [{ channel: "direct", amountVnd: 0, description: "Cấp lần đầu: miễn lệ phí." }],
  documents: [
    {
      id: "phieu-cc01",
      name: "Phiếu CC01 (công an in từ Cơ sở dữ liệu quốc gia về dân cư để bạn kiểm tra và ký)",
      required: true,
      pulledFromDatabase: true,
    },
    {
      id: "phieu-dc02",
      name: "Phiếu đề nghị giải quyết thủ tục về căn cước (mẫu DC02)",
      required: true,
      when: "Cán bộ lập khi tiếp nhận.",
    },
    {
      id: "phieu-dc01",
      name: "Phiếu thu thập thông tin dân cư (mẫu DC01) và giấy tờ có thông tin của bạn",
      required: false,
      when: "Chỉ khi thông tin của bạn chưa có trong Cơ sở dữ liệu quốc gia về dân cư.",
    },
  ],
  results: ["Thẻ căn cước"],
  legalBasis: [
    "Luật Căn cước 2023 (26/2023/QH15)",
    "Nghị định 70/2024/NĐ-CP",
    "Thông tư 16/2024/TT-BCA; Thông tư 17/2024/TT-BCA; Thông tư 18/2024/TT-BCA",
    "Thông tư 53/2025/TT-BCA",
    "Quyết định 5710/QĐ-BCA-C06",
  ],
  portalUrl: "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bf7-9e11-77ef-bf03-ae190acb0be3",
  keywords: [...(PROCEDURE_KEYWORDS["1.014061"] ?? [])],
  online: false,
  howToFile:
    "Đặt lịch trên ứng dụng VNeID hoặc Cổng Dịch vụ công quốc gia (https://dichvucong.gov.vn), rồi đến Công an xã/phường bất kỳ (hoặc Bộ phận một cửa cấp xã nơi có tiếp nhận) để chụp ảnh, lấy vân tay. Có thể nhận thẻ qua bưu điện.",
};

import { PROCEDURE_KEYWORDS } from "../../text/procedure-keywords";
import type { ProcedureDefinitionInput } from "../definition";

/*
 * 2.000720 Đăng ký thay đổi nội dung đăng ký hộ kinh doanh (Quyết định 2353/QĐ-BTC). Legal basis: Luật
 * Doanh nghiệp 2020 (59/2020/QH14) as amended by 76/2025/QH15; Nghị định 168/2025/NĐ-CP; Thông tư
 * 68/2025/TT-BTC; fee set by the provincial HĐND (Thông tư 85/2019/TT-BTC).
 *
 * Information only: several distinct cases (name/address/capital/lines, change of head, change of
 * members), each with its own papers; filed on the portal's business-registration service.
 */
export const procedure: ProcedureDefinitionInput = {
  code: "2.000720",
  version: 1,
  title: "Thay đổi nội dung đăng ký hộ kinh doanh",
  officialName: "Đăng ký thay đổi nội dung đăng ký hộ kinh doanh",
  summary:
    "Báo thay đổi tên, địa chỉ, vốn, ngành nghề, chủ hộ hoặc thành viên của hộ kinh doanh đã đăng ký, để được cấp lại Giấy chứng nhận đăng ký hộ kinh doanh.",
  sector: "Hộ kinh doanh",
  agency: "ubnd_xa",
  legalTime: { kind: "working_days", days: 3 },
  fees: [
    {
      channel: "online",
      amountVnd: null,
      description: "Mức do HĐND tỉnh quy định; nộp khi nộp hồ sơ, không hoàn lại.",
    },
    { channel: "direct", amountVnd: null, description: "Mức do HĐND tỉnh quy định." },
    { channel: "postal", amountVnd: null, description: "Mức do HĐND tỉnh quy định." },
  ],
  documents: [
    {
      id: "giay-de-nghi",
      name: "Giấy đề nghị đăng ký thay đổi nội dung đăng ký hộ kinh doanh, do chủ hộ ký",
      required: true,
    },
    {
      id: "uy-quyen-chu-ho",
      name: "Bản sao văn bản các thành viên hộ gia đình ủy quyền cho một người làm chủ hộ (đã công chứng hoặc chứng thực)",
      required: false,
      when: "Khi đổi chủ hộ, hoặc khi nhận thêm thành viên (văn bản ủy quyền của thành viên mới).",
    },
    {
      id: "giay-chung-tu",
      name: "Bản sao giấy chứng tử hoặc quyết định của Tòa án (tuyên bố chết, mất tích, mất năng lực hành vi…)",
      required: false,
      when: "Khi đổi chủ hộ vì chủ hộ cũ chết, mất tích hoặc mất năng lực hành vi dân sự.",
    },
    {
      id: "bien-ban-hop",
      name: "Biên bản họp nhóm cá nhân về việc thay đổi",
      required: false,
      when: "Với hộ kinh doanh do nhóm cá nhân thành lập trước khi Nghị định 168/2025/NĐ-CP có hiệu lực.",
    },
    {
      id: "uy-quyen-lam-thu-tuc",
      name: "Văn bản ủy quyền làm thủ tục (không cần công chứng)",
      required: false,
      when: "Khi nhờ người khác hoặc tổ chức dịch vụ nộp hồ sơ.",
    },
  ],
  results: [
    "Giấy chứng nhận đăng ký hộ kinh doanh (cấp lại theo nội dung mới)",
    "Thông tin thay đổi được cập nhật trong Cơ sở dữ liệu về đăng ký hộ kinh doanh",
  ],
  legalBasis: [
    "Luật Doanh nghiệp 2020 (59/2020/QH14), sửa đổi bởi Luật 76/2025/QH15",
    "Nghị định 168/2025/NĐ-CP",
    "Thông tư 68/2025/TT-BTC",
    "Thông tư 85/2019/TT-BTC (lệ phí do HĐND tỉnh quyết định)",
    "Quyết định 2353/QĐ-BTC",
  ],
  portalUrl: "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfc-d9ca-768c-a8f4-cc0dff5f41ed",
  keywords: [...(PROCEDURE_KEYWORDS["2.000720"] ?? [])],
  online: false,
  howToFile:
    "Nộp trên Cổng Dịch vụ công quốc gia (https://dichvucong.gov.vn), qua bưu chính, hoặc tại Bộ phận một cửa UBND xã/phường nơi đặt địa điểm kinh doanh.",
};

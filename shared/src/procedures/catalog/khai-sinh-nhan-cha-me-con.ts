import { PROCEDURE_KEYWORDS } from "../../text/procedure-keywords";
import type { ProcedureDefinitionInput } from "../definition";
import { civilStatusAuthorisation, identityDocument, residenceDocument } from "../fields";

/*
 * 1.000689 Đăng ký khai sinh kết hợp đăng ký nhận cha, mẹ, con (Quyết định 163/QĐ-BTP). Legal basis:
 * Luật Hộ tịch 2014 (60/2014/QH13) Điều 15–16 and 24–25; Nghị định 123/2015/NĐ-CP; Thông tư 04/2020/TT-BTP
 * as amended by 04/2024/TT-BTP; fee set by the provincial HĐND.
 *
 * Information only: it needs both parents present and evidence of parentage (DNA, or a commitment with
 * two witnesses); the app points the citizen to the portal or the desk.
 */
export const procedure: ProcedureDefinitionInput = {
  code: "1.000689",
  version: 1,
  title: "Khai sinh kết hợp nhận cha, mẹ, con",
  officialName: "Thủ tục đăng ký khai sinh kết hợp đăng ký nhận cha, mẹ, con",
  summary:
    "Khai sinh cho con và cùng lúc ghi tên cha (hoặc mẹ) khi cha mẹ chưa đăng ký kết hôn. Cần chứng cứ quan hệ cha con, mẹ con.",
  sector: "Hộ tịch",
  agency: "ubnd_xa",
  legalTime: { kind: "working_days", days: 3, note: "Cần xác minh: đến 8 ngày làm việc." },
  fees: [
    {
      channel: "online",
      amountVnd: null,
      description:
        "Mức do HĐND tỉnh quy định. Miễn cho gia đình có công, hộ nghèo, người khuyết tật. Bản sao 8.000 đồng/bản.",
    },
    { channel: "direct", amountVnd: null, description: "Mức do HĐND tỉnh quy định." },
    { channel: "postal", amountVnd: null, description: "Mức do HĐND tỉnh quy định." },
  ],
  documents: [
    { id: "to-khai-khai-sinh", name: "Tờ khai đăng ký khai sinh", required: true },
    { id: "to-khai-nhan-cha-me-con", name: "Tờ khai đăng ký nhận cha, mẹ, con", required: true },
    {
      id: "giay-chung-sinh",
      name: "Bản chính Giấy chứng sinh (nếu không có: văn bản của người làm chứng, hoặc giấy cam đoan về việc sinh)",
      required: true,
    },
    {
      id: "chung-cu-cha-me-con",
      name: "Văn bản của cơ quan y tế, giám định xác nhận quan hệ cha con, mẹ con; nếu không có: văn bản cam đoan của các bên và ít nhất hai người làm chứng",
      required: true,
    },
    identityDocument,
    residenceDocument,
    civilStatusAuthorisation,
  ],
  results: ["Giấy khai sinh", "Trích lục đăng ký nhận cha, mẹ, con"],
  legalBasis: [
    "Luật Hộ tịch 2014 (60/2014/QH13), Điều 15–16, 24–25",
    "Nghị định 123/2015/NĐ-CP",
    "Thông tư 04/2020/TT-BTP, sửa đổi bởi Thông tư 04/2024/TT-BTP",
    "Quyết định 163/QĐ-BTP",
  ],
  portalUrl: "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-3faf-768a-9224-9cb889436133",
  keywords: [...(PROCEDURE_KEYWORDS["1.000689"] ?? [])],
  online: false,
  howToFile:
    "Nộp trên Cổng Dịch vụ công quốc gia (https://dichvucong.gov.vn) hoặc tại Bộ phận một cửa UBND xã/phường nơi cư trú của cha hoặc mẹ. Cha, mẹ và trẻ cùng có mặt khi nhận kết quả.",
};

import { PROCEDURE_KEYWORDS } from "../../text/procedure-keywords";
import type { ProcedureDefinitionInput } from "../definition";

/*
 * 2.001019 Chứng thực di chúc (Quyết định 858/QĐ-BTP). Legal basis: Nghị định 23/2015/NĐ-CP as amended by
 * Nghị định 280/2025/NĐ-CP (the testator signs before the officer; certification may take place outside
 * the office when the testator cannot travel); Thông tư 01/2020/TT-BTP; fee Thông tư 226/2016/TT-BTC.
 *
 * Information only: the testator must be present; the portal lists an online channel for sending the
 * dossier, but the signing is always in person.
 */
export const procedure: ProcedureDefinitionInput = {
  code: "2.001019",
  version: 1,
  title: "Chứng thực di chúc",
  officialName: "Chứng thực di chúc",
  summary: "UBND xã chứng thực di chúc của bạn. Người lập di chúc phải tự mình ký trước mặt cán bộ.",
  sector: "Chứng thực",
  agency: "ubnd_xa",
  legalTime: { kind: "working_days", days: 1 },
  fees: [
    { channel: "online", amountVnd: 50000, description: "50.000 đồng mỗi di chúc." },
    { channel: "direct", amountVnd: 50000, description: "50.000 đồng mỗi di chúc." },
    { channel: "postal", amountVnd: 50000, description: "50.000 đồng mỗi di chúc." },
  ],
  documents: [
    { id: "du-thao-di-chuc", name: "Dự thảo di chúc", required: true },
    {
      id: "giay-to-tai-san",
      name: "Giấy chứng nhận quyền sở hữu, quyền sử dụng tài sản (bản chính, bản sao có chứng thực hoặc bản sao điện tử)",
      required: false,
      when: "Khi di chúc định đoạt tài sản phải đăng ký (nhà, đất, xe…), trừ khi người lập di chúc đang bị cái chết đe dọa.",
    },
    { id: "giay-to-tuy-than", name: "Giấy tờ tùy thân của người lập di chúc", required: true },
  ],
  results: ["Di chúc được chứng thực"],
  legalBasis: [
    "Nghị định 23/2015/NĐ-CP, sửa đổi bởi Nghị định 280/2025/NĐ-CP",
    "Thông tư 01/2020/TT-BTP",
    "Thông tư 226/2016/TT-BTC (phí chứng thực)",
    "Quyết định 858/QĐ-BTP",
  ],
  portalUrl: "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-95f0-7610-845f-c097f144bd55",
  keywords: [...(PROCEDURE_KEYWORDS["2.001019"] ?? [])],
  online: false,
  howToFile:
    "Người lập di chúc tự mình đến Bộ phận một cửa UBND xã/phường với dự thảo di chúc và giấy tờ tài sản, rồi ký trước mặt cán bộ. Nếu người đó ốm nặng, không đi lại được, có thể đề nghị cán bộ đến chứng thực tại nơi ở.",
};

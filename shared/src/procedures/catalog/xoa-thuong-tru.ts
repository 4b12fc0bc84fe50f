import { PROCEDURE_KEYWORDS } from "../../text/procedure-keywords";
import type { ProcedureDefinitionInput } from "../definition";
import { ct01Document } from "../residence-fields";

/*
 * 1.003197 Xóa đăng ký thường trú (Quyết định 1523/QĐ-BCA-C06). Legal basis: Luật Cư trú 2020
 * (68/2020/QH14) Điều 24 (the cases); Nghị định 154/2024/NĐ-CP; Thông tư 53/2025/TT-BCA (CT01). Free;
 * 5 working days.
 *
 * Information only: most removals are made by the police themselves (death, a new permanent registration
 * elsewhere…); a citizen who must ask files CT01 on the national portal or VNeID, the only channel listed.
 */
export const procedure: ProcedureDefinitionInput = {
  code: "1.003197",
  version: 1,
  title: "Xóa đăng ký thường trú",
  officialName: "Xóa đăng ký thường trú",
  summary:
    "Xóa tên khỏi nơi thường trú trong các trường hợp luật định (đã mất, ra nước ngoài định cư, không còn ở đó…). Thường do công an tự thực hiện khi có thông tin.",
  sector: "Cư trú",
  agency: "cong_an_xa",
  legalTime: { kind: "working_days", days: 5 },
  fees: [{ channel: "online", amountVnd: 0, description: "Miễn phí." }],
  documents: [
    ct01Document,
    {
      id: "truong-hop-xoa",
      name: "Thông tin chứng minh thuộc trường hợp xóa đăng ký thường trú (Điều 24 Luật Cư trú)",
      required: true,
      when: "Công an khai thác trong các cơ sở dữ liệu; chỉ khi chưa được chia sẻ mới đề nghị xuất trình giấy tờ.",
      pulledFromDatabase: true,
    },
  ],
  results: [
    "Thông báo kết quả giải quyết thủ tục về cư trú",
    "Thông tin thường trú được xóa trong Cơ sở dữ liệu về cư trú và Cơ sở dữ liệu quốc gia về dân cư",
  ],
  legalBasis: [
    "Luật Cư trú 2020 (68/2020/QH14), Điều 24",
    "Nghị định 154/2024/NĐ-CP",
    "Thông tư 53/2025/TT-BCA (mẫu CT01)",
    "Quyết định 1523/QĐ-BCA-C06",
  ],
  portalUrl: "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bf7-6f18-72e5-974d-ed6803c7178a",
  keywords: [...(PROCEDURE_KEYWORDS["1.003197"] ?? [])],
  online: false,
  howToFile:
    "Nộp tờ khai CT01 trên Cổng Dịch vụ công quốc gia (https://dichvucong.gov.vn) hoặc ứng dụng VNeID, gửi Công an xã/phường nơi thường trú.",
};

import { PROCEDURE_KEYWORDS } from "../../text/procedure-keywords";
import type { ProcedureDefinitionInput } from "../definition";
import { declarationField, identityDocument, phoneField, requesterField } from "../fields";

/*
 * 1.013314 Xác nhận về điều kiện diện tích bình quân nhà ở để đăng ký thường trú vào chỗ ở do thuê, mượn,
 * ở nhờ… (Quyết định 1523/QĐ-BCA-C06). Legal basis: Luật Cư trú 2020 (68/2020/QH14) Điều 20 khoản 3
 * (rented, borrowed housing must meet the minimum average floor area per person set by the provincial
 * HĐND); Nghị định 154/2024/NĐ-CP (Mẫu số 02: tờ khai xác nhận); 2 working days; free.
 *
 * Dropped from Mẫu số 02: the requester's name, date of birth, personal ID number and residence
 * (profile); "remaining floor area" (computed from floor area and residents); the land and ownership
 * records (the commune's cadastral records). The three statements of the form (stable use, no dispute,
 * not a place closed to new registrations) become one declaration.
 */

/**
 * Mẫu số 02 fields, from the portal field catalogue quoted in vn-public-services.md §7 (VNeGuide
 * field_catalog.json): requester name, date of birth, personal ID number, residence; dwelling address,
 * land area, construction area, floor area, residents already registered, remaining floor area, people
 * asking to register, area given to them = 12 (the three tick-box statements not counted).
 */
export const EFORM_FIELD_COUNT = 12;

export const procedure: ProcedureDefinitionInput = {
  code: "1.013314",
  version: 1,
  title: "Xác nhận diện tích nhà ở để đăng ký thường trú",
  officialName:
    "Xác nhận về điều kiện diện tích bình quân nhà ở để đăng ký thường trú vào chỗ ở do thuê, mượn, ở nhờ; nhà ở, đất ở không có tranh chấp quyền sở hữu nhà ở, quyền sử dụng đất ở, không thuộc địa điểm không được đăng ký thường trú mới",
  summary:
    "UBND xã xác nhận nhà thuê, mượn, ở nhờ đủ diện tích sàn bình quân theo quy định để bạn đăng ký thường trú vào đó.",
  sector: "Cư trú",
  agency: "ubnd_xa",
  legalTime: { kind: "working_days", days: 2 },
  fees: [
    { channel: "online", amountVnd: 0, description: "Miễn phí." },
    { channel: "direct", amountVnd: 0, description: "Miễn phí." },
    { channel: "postal", amountVnd: 0, description: "Miễn phí." },
  ],
  documents: [
    identityDocument,
    {
      id: "ho-so-nha-dat",
      name: "Thông tin về quyền sử dụng đất, quyền sở hữu nhà ở",
      required: true,
      when: "UBND xã tra trong hồ sơ địa chính và cơ sở dữ liệu đất đai.",
      pulledFromDatabase: true,
    },
  ],
  results: [
    "Xác nhận tình trạng chỗ ở hợp pháp, diện tích nhà ở tối thiểu để đăng ký thường trú, đăng ký tạm trú",
  ],
  legalBasis: [
    "Luật Cư trú 2020 (68/2020/QH14), Điều 20 khoản 3",
    "Nghị định 154/2024/NĐ-CP (Mẫu số 02)",
    "Thông tư 53/2025/TT-BCA",
    "Quyết định 1523/QĐ-BCA-C06",
  ],
  portalUrl: "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bf7-9660-707e-97b1-ef8876f54d3b",
  keywords: [...(PROCEDURE_KEYWORDS["1.013314"] ?? [])],
  online: true,
  form: {
    steps: [
      {
        id: "nguoiYeuCau",
        title: "Người đề nghị",
        fields: [requesterField(), phoneField],
      },
      {
        id: "choO",
        title: "Chỗ ở cần xác nhận",
        description: "Lấy số liệu từ Giấy chứng nhận quyền sử dụng đất và hợp đồng thuê, mượn, ở nhờ.",
        fields: [
          { id: "dwellingAddress", type: "address", label: "Địa chỉ chỗ ở" },
          {
            id: "dwellingBasis",
            type: "radio",
            label: "Bạn ở đây theo hình thức",
            options: [
              { value: "thue", label: "Thuê" },
              { value: "muon", label: "Mượn" },
              { value: "o_nho", label: "Ở nhờ" },
            ],
          },
          {
            id: "floorArea",
            type: "number",
            label: "Tổng diện tích sàn nhà ở",
            help: "Cộng diện tích sàn các tầng dùng để ở.",
            integer: false,
            min: 1,
            max: 100000,
            unit: "m²",
          },
          {
            id: "currentResidents",
            type: "number",
            label: "Số người đang đăng ký thường trú tại đây",
            min: 0,
            max: 500,
            unit: "người",
          },
          {
            id: "newResidents",
            type: "number",
            label: "Số người thuê, mượn, ở nhờ xin đăng ký",
            help: "Tính cả bạn.",
            min: 1,
            max: 100,
            unit: "người",
          },
          {
            id: "allocatedArea",
            type: "number",
            label: "Diện tích dành cho những người này",
            help: "Diện tích sàn ghi trong hợp đồng thuê, mượn, ở nhờ.",
            integer: false,
            min: 1,
            max: 100000,
            unit: "m²",
          },
        ],
      },
      {
        id: "camDoan",
        title: "Cam đoan",
        fields: [
          {
            id: "dwellingStatement",
            type: "declaration",
            label: "Tình trạng chỗ ở",
            statement:
              "Chỗ ở này đang được sử dụng ổn định, không có tranh chấp về quyền sở hữu nhà ở, quyền sử dụng đất ở, và không thuộc địa điểm không được đăng ký thường trú mới.",
          },
          declarationField,
        ],
      },
    ],
  },
};

import { PROCEDURE_KEYWORDS } from "../../text/procedure-keywords";
import type { ProcedureDefinitionInput } from "../definition";
import { declarationField, identityDocument, phoneField, requesterField } from "../fields";

/*
 * 1.013225 Cấp giấy phép xây dựng mới … và nhà ở riêng lẻ (Quyết định 1077/QĐ-BXD), case 1.7 (nhà ở riêng
 * lẻ of a household or individual). Legal basis: Luật Xây dựng 2014 (50/2014/QH13) as amended by
 * 62/2020/QH14; Nghị định 175/2024/NĐ-CP (application: Mẫu số 1 Phụ lục II; land documents: Điều 53),
 * amended by Nghị định 105/2025/NĐ-CP and 144/2025/NĐ-CP; fee set by the provincial HĐND.
 *
 * Dropped from Mẫu số 1: the owner's name, address, phone and ID (profile); "loại công trình" (always
 * nhà ở riêng lẻ here) and "cấp công trình" (follows from the floors and height). Kept as uploads: the
 * land certificate — the law lets the national land database replace it only once it runs locally, which
 * the citizen cannot check — and the design drawings (only the citizen has them).
 */

/**
 * Mẫu số 1 fields, counted from vn-public-services.md §1.2 [U]: owner 5 (name, representative, address,
 * phone, ID) + site 3 (plot number, area, address) + work type, grade, ground-floor area, total floor
 * area, height, floors, basements, designer, expected completion date (9) = 17.
 */
export const EFORM_FIELD_COUNT = 17;

export const procedure: ProcedureDefinitionInput = {
  code: "1.013225",
  version: 2,
  title: "Xin giấy phép xây dựng nhà ở riêng lẻ",
  officialName:
    "Cấp giấy phép xây dựng mới đối với công trình cấp III, cấp IV (Công trình không theo tuyến/Theo tuyến trong đô thị/Tín ngưỡng, tôn giáo/Tượng đài, tranh hoành tráng/Theo giai đoạn cho công trình không theo tuyến/Theo giai đoạn cho công trình theo tuyến trong đô thị/Dự án) và nhà ở riêng lẻ",
  summary:
    "Xin phép xây mới nhà ở của gia đình, cá nhân trên đất của mình. Cần Giấy chứng nhận quyền sử dụng đất và bản vẽ thiết kế.",
  sector: "Xây dựng",
  agency: "ubnd_xa",
  legalTime: {
    kind: "working_days",
    days: 7,
    note: "7 ngày làm việc với nhà ở riêng lẻ, 10 ngày với công trình khác, kể từ khi nhận đủ hồ sơ hợp lệ. Hồ sơ trường hợp trên Cổng ghi 20 ngày.",
  },
  fees: [
    { channel: "online", amountVnd: null, description: "Mức do HĐND tỉnh quy định." },
    { channel: "direct", amountVnd: null, description: "Mức do HĐND tỉnh quy định." },
    { channel: "postal", amountVnd: null, description: "Mức do HĐND tỉnh quy định." },
  ],
  documents: [
    identityDocument,
    {
      id: "giay-to-dat",
      name: "Giấy chứng nhận quyền sử dụng đất hoặc giấy tờ hợp pháp khác về đất (Điều 53 Nghị định 175/2024/NĐ-CP)",
      required: true,
      when: "Không phải nộp khi Cơ sở dữ liệu quốc gia về đất đai đã vận hành ở địa phương.",
      attachmentField: "landDocumentFile",
    },
    {
      id: "ban-ve-thiet-ke",
      name: "Bản vẽ thiết kế xây dựng (mặt bằng trên lô đất, các tầng, mặt đứng, mặt cắt, móng và đấu nối hạ tầng)",
      required: true,
      attachmentField: "designDrawingsFile",
    },
    {
      id: "cam-ket-lien-ke",
      name: "Bản cam kết bảo đảm an toàn đối với công trình liền kề",
      required: false,
      when: "Khi nhà xây sát công trình liền kề.",
      attachmentField: "adjacentSafetyFile",
    },
    {
      id: "pccc-tham-tra",
      name: "Kết quả thủ tục phòng cháy chữa cháy; báo cáo thẩm tra thiết kế; phương án thi công móng",
      required: false,
      when: "Chỉ khi pháp luật yêu cầu (ví dụ nhà có tầng hầm xây chen trong khu dân cư).",
      attachmentField: "otherApprovalsFile",
    },
  ],
  results: ["Giấy phép xây dựng kèm bản vẽ thiết kế có đóng dấu của cơ quan cấp phép"],
  legalBasis: [
    "Luật Xây dựng 2014 (50/2014/QH13), sửa đổi bởi Luật 62/2020/QH14",
    "Nghị định 175/2024/NĐ-CP (Mẫu số 1 Phụ lục II; Điều 53)",
    "Nghị định 105/2025/NĐ-CP; Nghị định 144/2025/NĐ-CP",
    "Quyết định 1077/QĐ-BXD",
  ],
  portalUrl: "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfe-9088-744d-aa0a-e846b6dce3d5",
  keywords: [...(PROCEDURE_KEYWORDS["1.013225"] ?? [])],
  online: true,
  form: {
    steps: [
      {
        id: "chuDauTu",
        title: "Chủ nhà",
        fields: [requesterField(["fullName", "cccd", "residence"], "Chủ đầu tư (chủ nhà)"), phoneField],
      },
      {
        id: "thuaDat",
        title: "Thửa đất",
        fields: [
          {
            id: "siteAddress",
            type: "address",
            label: "Địa chỉ nơi xây nhà",
          },
          {
            id: "plot",
            type: "text",
            label: "Thửa đất số, tờ bản đồ số",
            help: "In trên Giấy chứng nhận quyền sử dụng đất. Ví dụ: thửa 125, tờ bản đồ 12.",
            maxLength: 100,
          },
          {
            id: "landArea",
            type: "number",
            label: "Diện tích thửa đất",
            integer: false,
            min: 1,
            max: 100000,
            unit: "m²",
          },
          {
            id: "landDocumentFile",
            type: "attachment",
            label: "Ảnh Giấy chứng nhận quyền sử dụng đất (sổ đỏ, sổ hồng)",
            help: "Chụp các trang có thông tin chủ sử dụng và thửa đất. Chưa có Giấy chứng nhận thì tải giấy tờ hợp pháp khác về đất.",
            maxCount: 10,
          },
        ],
      },
      {
        id: "ngoiNha",
        title: "Ngôi nhà dự kiến xây",
        description: "Ghi đúng như trong bản vẽ thiết kế.",
        fields: [
          { id: "floors", type: "number", label: "Số tầng nổi", min: 1, max: 20, unit: "tầng" },
          {
            id: "basements",
            type: "number",
            label: "Số tầng hầm",
            help: "Ghi 0 nếu không có.",
            min: 0,
            max: 5,
            unit: "tầng",
          },
          {
            id: "height",
            type: "number",
            label: "Chiều cao nhà",
            integer: false,
            min: 1,
            max: 100,
            unit: "m",
          },
          {
            id: "groundFloorArea",
            type: "number",
            label: "Diện tích xây dựng tầng 1",
            integer: false,
            min: 1,
            max: 100000,
            unit: "m²",
          },
          {
            id: "totalFloorArea",
            type: "number",
            label: "Tổng diện tích sàn",
            help: "Cộng diện tích sàn của tất cả các tầng, kể cả tầng hầm, tầng lửng.",
            integer: false,
            min: 1,
            max: 1000000,
            unit: "m²",
          },
          {
            id: "designer",
            type: "text",
            label: "Đơn vị hoặc người thiết kế",
            help: "Tên công ty hoặc kiến trúc sư, kèm số chứng chỉ hành nghề nếu có.",
            maxLength: 200,
          },
          {
            id: "completionDate",
            type: "date",
            label: "Dự kiến xây xong",
            bounds: { minDaysFromToday: 30, maxDaysFromToday: 3650 },
          },
        ],
      },
      {
        id: "banVe",
        title: "Bản vẽ thiết kế và giấy tờ kèm theo",
        fields: [
          {
            id: "designDrawingsFile",
            type: "attachment",
            label: "Bản vẽ thiết kế",
            help: "Gồm: mặt bằng nhà trên lô đất kèm sơ đồ vị trí; mặt bằng các tầng, mặt đứng, mặt cắt chính; mặt bằng móng, mặt cắt móng kèm sơ đồ đấu nối cấp nước, thoát nước, cấp điện. Nên tải bản PDF.",
            maxCount: 20,
          },
          {
            id: "hasAdjacent",
            type: "yes_no",
            label: "Nhà xây sát vách nhà hoặc công trình bên cạnh?",
          },
          {
            id: "adjacentSafetyFile",
            type: "attachment",
            label: "Bản cam kết bảo đảm an toàn cho công trình liền kề",
            maxCount: 3,
            visibleWhen: { field: "hasAdjacent", equals: true },
          },
          {
            id: "otherApprovalsFile",
            type: "attachment",
            label: "Giấy tờ khác (nếu pháp luật yêu cầu)",
            help: "Không bắt buộc với đa số nhà ở gia đình. Ví dụ: kết quả thủ tục phòng cháy chữa cháy, báo cáo thẩm tra thiết kế, phương án thi công móng khi có tầng hầm.",
            required: false,
            maxCount: 10,
          },
          declarationField,
        ],
      },
    ],
  },
};

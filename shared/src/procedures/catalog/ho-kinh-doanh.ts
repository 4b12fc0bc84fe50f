import { PROCEDURE_KEYWORDS } from "../../text/procedure-keywords";
import type { ProcedureDefinitionInput } from "../definition";
import { declarationField, emailField, identityDocument, phoneField, requesterField } from "../fields";

/*
 * 1.001612 Đăng ký thành lập hộ kinh doanh (Quyết định 2353/QĐ-BTC). Legal basis: Luật Doanh nghiệp 2020
 * (59/2020/QH14) as amended by 76/2025/QH15; Nghị định 168/2025/NĐ-CP (household business registration
 * at the commune; name = "Hộ kinh doanh" + a proper name; members of a family business authorise one of
 * them as head in a notarised or certified document); Thông tư 68/2025/TT-BTC (forms); fee set by the
 * provincial HĐND under Thông tư 85/2019/TT-BTC.
 *
 * Fee: the portal record shows 50.000 đ direct / 150.000 đ online, which contradicts "set by HĐND" and
 * the usual online discount (vn-public-services.md §8), so no amount is published here (null).
 *
 * Dropped from the Giấy đề nghị: the head's name, date of birth, sex, ethnicity, nationality, ID and
 * contact address, phone, email (profile). The copy of the ID card is needed only without an electronic
 * identity account; filing here goes with the citizen's verified identity, so it is not asked.
 */

/**
 * Giấy đề nghị fields, counted from vn-public-services.md §1.2 [U]: business name, address, phone, email,
 * lines of business, capital, number of workers (7) + head's name, date of birth, sex, ethnicity,
 * nationality, ID, contact address (7) + one member row (name, date of birth, ID: 3) = 17.
 */
export const EFORM_FIELD_COUNT = 17;

export const procedure: ProcedureDefinitionInput = {
  code: "1.001612",
  version: 1,
  title: "Đăng ký hộ kinh doanh",
  officialName: "Đăng ký thành lập hộ kinh doanh",
  summary:
    "Đăng ký kinh doanh cho cá nhân hoặc hộ gia đình (quán ăn, tạp hóa, dịch vụ nhỏ…) để được cấp Giấy chứng nhận đăng ký hộ kinh doanh.",
  sector: "Hộ kinh doanh",
  agency: "ubnd_xa",
  legalTime: {
    kind: "working_days",
    days: 3,
    note: "Hồ sơ chưa hợp lệ: trong 3 ngày làm việc, cơ quan thông báo bằng văn bản nội dung cần sửa đổi, bổ sung.",
  },
  fees: [
    {
      channel: "online",
      amountVnd: null,
      description: "Mức do HĐND tỉnh quy định; nộp khi nộp hồ sơ, không hoàn lại.",
    },
    {
      channel: "direct",
      amountVnd: null,
      description: "Mức do HĐND tỉnh quy định; nộp khi nộp hồ sơ, không hoàn lại.",
    },
    {
      channel: "postal",
      amountVnd: null,
      description: "Mức do HĐND tỉnh quy định; nộp khi nộp hồ sơ, không hoàn lại.",
    },
  ],
  documents: [
    identityDocument,
    {
      id: "uy-quyen-thanh-vien",
      name: "Bản sao văn bản các thành viên hộ gia đình ủy quyền cho một người làm chủ hộ kinh doanh (đã công chứng hoặc chứng thực)",
      required: false,
      when: "Khi các thành viên hộ gia đình cùng đăng ký hộ kinh doanh.",
      attachmentField: "memberAuthorisationFile",
    },
  ],
  results: [
    "Giấy chứng nhận đăng ký hộ kinh doanh",
    "Hoặc thông báo bằng văn bản nội dung hồ sơ cần sửa đổi, bổ sung",
  ],
  legalBasis: [
    "Luật Doanh nghiệp 2020 (59/2020/QH14), sửa đổi bởi Luật 76/2025/QH15",
    "Nghị định 168/2025/NĐ-CP",
    "Thông tư 68/2025/TT-BTC",
    "Thông tư 85/2019/TT-BTC (lệ phí do HĐND tỉnh quyết định)",
    "Quyết định 2353/QĐ-BTC",
  ],
  portalUrl: "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfb-d76d-737f-81b9-69258b07240b",
  keywords: [...(PROCEDURE_KEYWORDS["1.001612"] ?? [])],
  online: true,
  form: {
    steps: [
      {
        id: "chuHo",
        title: "Chủ hộ kinh doanh",
        fields: [
          requesterField(
            ["fullName", "dateOfBirth", "sex", "ethnicity", "nationality", "cccd", "residence"],
            "Chủ hộ kinh doanh",
          ),
          phoneField,
          emailField,
        ],
      },
      {
        id: "cuaHang",
        title: "Tên và địa chỉ kinh doanh",
        fields: [
          {
            id: "businessProperName",
            type: "text",
            label: "Tên riêng của hộ kinh doanh",
            help: "Tên đầy đủ là “Hộ kinh doanh” + tên riêng; chỉ cần ghi tên riêng, ví dụ: Bún chả Hương Liên. Tên riêng không được trùng với hộ kinh doanh khác đã đăng ký ở địa phương.",
            maxLength: 100,
          },
          {
            id: "businessAddress",
            type: "address",
            label: "Địa điểm kinh doanh",
            help: "Đã điền sẵn nơi ở của bạn; sửa lại nếu kinh doanh ở chỗ khác.",
            prefill: { from: "profile", key: "address" },
          },
        ],
      },
      {
        id: "nganhNghe",
        title: "Ngành nghề, vốn và lao động",
        fields: [
          {
            id: "businessLines",
            type: "long_text",
            label: "Ngành, nghề kinh doanh",
            help: "Ghi rõ bán gì, làm dịch vụ gì, ví dụ: bán lẻ tạp hóa; quán ăn. Cán bộ ghi mã ngành cho bạn.",
            maxLength: 1000,
          },
          {
            id: "capital",
            type: "number",
            label: "Vốn kinh doanh",
            help: "Tổng số tiền và tài sản bạn bỏ ra để kinh doanh.",
            min: 0,
            unit: "đồng",
          },
          {
            id: "workers",
            type: "number",
            label: "Số lao động",
            help: "Tính cả bạn.",
            min: 1,
            max: 1000,
            unit: "người",
          },
        ],
      },
      {
        id: "thanhVien",
        title: "Thành viên hộ gia đình",
        fields: [
          {
            id: "founders",
            type: "radio",
            label: "Ai đăng ký hộ kinh doanh này?",
            options: [
              { value: "ca_nhan", label: "Một mình tôi" },
              { value: "ho_gia_dinh", label: "Các thành viên trong gia đình, cử tôi làm chủ hộ" },
            ],
          },
          {
            id: "members",
            type: "group",
            label: "Các thành viên cùng đăng ký",
            itemLabel: "Thành viên",
            minItems: 1,
            maxItems: 10,
            visibleWhen: { field: "founders", equals: "ho_gia_dinh" },
            fields: [
              {
                id: "member",
                type: "person",
                label: "Thành viên",
                parts: ["fullName", "dateOfBirth", "cccd"],
              },
            ],
          },
          {
            id: "memberAuthorisationFile",
            type: "attachment",
            label: "Văn bản ủy quyền của các thành viên (đã công chứng/chứng thực)",
            help: "Các thành viên ủy quyền cho bạn làm chủ hộ kinh doanh; văn bản phải được công chứng hoặc chứng thực.",
            maxCount: 5,
            visibleWhen: { field: "founders", equals: "ho_gia_dinh" },
          },
          declarationField,
        ],
      },
    ],
  },
};

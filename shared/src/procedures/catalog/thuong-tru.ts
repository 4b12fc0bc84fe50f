import { PROCEDURE_KEYWORDS } from "../../text/procedure-keywords";
import type { ProcedureDefinitionInput } from "../definition";
import { declarationField, emailField, identityDocument, phoneField, requesterField } from "../fields";
import { HOUSEHOLD_RELATIONSHIP_OPTIONS } from "../options";
import {
  CT01_FIELD_COUNT,
  consentDocument,
  consentFileField,
  householdMembersFields,
  lawfulDwellingDocument,
  residenceFeeBasis,
} from "../residence-fields";

/*
 * 1.004222 Đăng ký thường trú (Quyết định 1523/QĐ-BCA-C06). Legal basis: Luật Cư trú 2020 (68/2020/QH14)
 * Điều 20 (conditions: own dwelling, joining a relative with the head's consent, rented/borrowed housing
 * meeting the provincial minimum area), Điều 21 (dossier), Điều 22 (7 working days); Nghị định
 * 154/2024/NĐ-CP Điều 5–6 (proof of dwelling and of kinship, retrieved from databases first); Thông tư
 * 53/2025/TT-BCA (CT01); fees Thông tư 75/2022/TT-BTC as amended by 71/2025/TT-BTC.
 *
 * Dropped from CT01: boxes 1–6 (name, date of birth, sex, personal ID number, phone, email: profile);
 * "kính gửi" (the police of the commune of the new address); the head's date of birth etc. (looked up by
 * ID). Not asked: proof of dwelling and proof of kinship, which the police retrieve (the land, residence
 * and e-civil-status databases) and only request if missing.
 */

/** Tờ khai CT01 (see residence-fields.ts for the itemised count). */
export const EFORM_FIELD_COUNT = CT01_FIELD_COUNT;

export const procedure: ProcedureDefinitionInput = {
  code: "1.004222",
  version: 1,
  title: "Đăng ký thường trú",
  officialName: "Đăng ký thường trú",
  summary:
    "Đăng ký nơi ở lâu dài (nhập hộ khẩu) tại nhà của mình, nhà người thân hoặc nhà thuê đủ diện tích. Kết quả được cập nhật vào Cơ sở dữ liệu về cư trú và thông báo cho bạn.",
  sector: "Cư trú",
  agency: "cong_an_xa",
  legalTime: { kind: "working_days", days: 7 },
  fees: [
    { channel: "online", amountVnd: 10000, description: "10.000 đồng mỗi lần đăng ký khi nộp trực tuyến." },
    {
      channel: "direct",
      amountVnd: 20000,
      description: "20.000 đồng mỗi lần đăng ký. Miễn cho các trường hợp tại Điều 4 Thông tư 75/2022/TT-BTC.",
    },
  ],
  documents: [
    identityDocument,
    lawfulDwellingDocument,
    {
      id: "quan-he-nhan-than",
      name: "Giấy tờ chứng minh quan hệ với chủ hộ (giấy khai sinh, giấy chứng nhận kết hôn…)",
      required: false,
      when: "Khi về ở với người thân. Công an khai thác trong Cơ sở dữ liệu hộ tịch điện tử và dân cư.",
      pulledFromDatabase: true,
    },
    consentDocument,
    {
      id: "hop-dong-thue",
      name: "Hợp đồng thuê, mượn, ở nhờ đã công chứng hoặc chứng thực",
      required: false,
      when: "Khi đăng ký vào nhà thuê, mượn, ở nhờ.",
      attachmentField: "rentalContractFile",
    },
    {
      id: "xac-nhan-dien-tich",
      name: "Xác nhận của UBND xã về điều kiện diện tích nhà ở bình quân (Mẫu số 02, Nghị định 154/2024/NĐ-CP)",
      required: false,
      when: "Khi ở nhà thuê, mượn, ở nhờ mà cơ sở dữ liệu chưa có diện tích nhà ở.",
      attachmentField: "areaConfirmationFile",
    },
  ],
  results: [
    "Thông báo kết quả giải quyết thủ tục về cư trú",
    "Thông tin thường trú được cập nhật trong Cơ sở dữ liệu về cư trú và Cơ sở dữ liệu quốc gia về dân cư",
  ],
  legalBasis: [
    "Luật Cư trú 2020 (68/2020/QH14), Điều 20–22",
    "Nghị định 154/2024/NĐ-CP, Điều 5–6",
    "Thông tư 53/2025/TT-BCA (mẫu CT01)",
    residenceFeeBasis,
    "Quyết định 1523/QĐ-BCA-C06",
  ],
  portalUrl: "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bf7-7704-7449-9e95-fe7ebb959aa2",
  keywords: [...(PROCEDURE_KEYWORDS["1.004222"] ?? [])],
  online: true,
  form: {
    steps: [
      {
        id: "nguoiDangKy",
        title: "Người đăng ký",
        fields: [requesterField(["fullName", "dateOfBirth", "sex", "cccd"]), phoneField, emailField],
      },
      {
        id: "choO",
        title: "Nơi đăng ký thường trú",
        fields: [
          {
            id: "newAddress",
            type: "address",
            label: "Địa chỉ nơi đăng ký thường trú",
            help: "Công an xã/phường nơi này giải quyết hồ sơ.",
          },
          {
            id: "dwellingBasis",
            type: "radio",
            label: "Bạn ở đây theo diện nào?",
            help: "Theo Luật Cư trú, Điều 20.",
            options: [
              { value: "so_huu", label: "Nhà của tôi (tôi là chủ sở hữu)" },
              { value: "nguoi_than", label: "Về ở với người thân tại nhà của họ (vợ/chồng, cha mẹ, con…)" },
              { value: "thue_muon", label: "Nhà thuê, mượn hoặc ở nhờ" },
            ],
          },
          {
            id: "householdHead",
            type: "person",
            label: "Chủ hộ bạn nhập vào",
            help: "Cần số định danh để công an tra cứu hộ và lấy ý kiến đồng ý của chủ hộ.",
            parts: ["fullName", "cccd"],
            visibleWhen: { field: "dwellingBasis", equals: "nguoi_than" },
          },
          {
            id: "relationshipToHead",
            type: "select",
            label: "Bạn là gì của chủ hộ?",
            help: "Quan hệ này được đối chiếu với Cơ sở dữ liệu hộ tịch (giấy khai sinh, kết hôn), bạn không phải tải giấy tờ.",
            options: HOUSEHOLD_RELATIONSHIP_OPTIONS.filter((option) => option.value !== "chu_ho"),
            visibleWhen: { field: "dwellingBasis", equals: "nguoi_than" },
          },
          {
            id: "rentalContractFile",
            type: "attachment",
            label: "Hợp đồng thuê, mượn, ở nhờ (đã công chứng hoặc chứng thực)",
            help: "Chụp đủ các trang có chữ ký và dấu công chứng/chứng thực.",
            maxCount: 10,
            visibleWhen: { field: "dwellingBasis", equals: "thue_muon" },
          },
          {
            id: "areaConfirmationFile",
            type: "attachment",
            label: "Xác nhận diện tích nhà ở của UBND xã (nếu có)",
            help: "Nhà thuê, mượn, ở nhờ phải đủ diện tích sàn bình quân tối thiểu do HĐND thành phố quy định. Nếu cơ sở dữ liệu chưa có diện tích nhà, cần xác nhận của UBND xã (thủ tục 1.013314, làm được trên ứng dụng này); có rồi thì tải lên đây.",
            required: false,
            maxCount: 3,
            visibleWhen: { field: "dwellingBasis", equals: "thue_muon" },
          },
          consentFileField({ field: "dwellingBasis", in: ["nguoi_than", "thue_muon"] }),
        ],
      },
      {
        id: "nguoiCungDangKy",
        title: "Người cùng chuyển đến",
        fields: householdMembersFields("Có người trong gia đình cùng đăng ký thường trú với bạn không?"),
      },
      {
        id: "camDoan",
        title: "Xác nhận và gửi",
        fields: [declarationField],
      },
    ],
  },
};

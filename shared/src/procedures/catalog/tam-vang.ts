import { PROCEDURE_KEYWORDS } from "../../text/procedure-keywords";
import type { ProcedureDefinitionInput } from "../definition";
import { declarationField, identityDocument, phoneField, requesterField } from "../fields";

/*
 * 1.003677 Khai báo tạm vắng (Quyết định 9354/QĐ-BCA-C06). Legal basis: Luật Cư trú 2020 (68/2020/QH14)
 * Điều 31 (who must declare: points a–b people under supervision, with the supervising body's consent;
 * points c–d adults away from their commune 12 months or more, and people of military-service age away
 * 3 months or more); Thông tư 53/2025/TT-BCA; result Phiếu khai báo tạm vắng (CT03). Free of charge.
 *
 * Only points c–d may declare online (portal record); people under points a–b are told to go to the
 * police in person. Dropped: name and personal ID number (profile).
 */

/**
 * The declaration's content as the portal record lists it: name, personal ID number, reason, period
 * (from, to), destination address = 6.
 */
export const EFORM_FIELD_COUNT = 6;

export const procedure: ProcedureDefinitionInput = {
  code: "1.003677",
  version: 1,
  title: "Khai báo tạm vắng",
  officialName: "Khai báo tạm vắng",
  summary:
    "Báo với công an khi bạn đi khỏi nơi thường trú lâu ngày: từ 12 tháng trở lên (đi làm, đi học, ra nước ngoài), hoặc từ 3 tháng trở lên nếu đang trong độ tuổi nghĩa vụ quân sự.",
  sector: "Cư trú",
  agency: "cong_an_xa",
  legalTime: { kind: "working_days", days: 1, note: "Trường hợp phức tạp: không quá 2 ngày làm việc." },
  fees: [{ channel: "online", amountVnd: 0, description: "Miễn phí." }],
  documents: [
    identityDocument,
    {
      id: "van-ban-dong-y",
      name: "Văn bản đồng ý của cơ quan đang giám sát, quản lý, giáo dục người đó",
      required: false,
      when: "Chỉ với bị can, bị cáo tại ngoại, người bị án treo, người đang chấp hành biện pháp quản lý… — những người này khai báo trực tiếp tại công an.",
    },
  ],
  results: [
    "Phiếu khai báo tạm vắng (mẫu CT03)",
    "Thông tin tạm vắng được cập nhật trong Cơ sở dữ liệu về cư trú",
  ],
  legalBasis: [
    "Luật Cư trú 2020 (68/2020/QH14), Điều 31",
    "Thông tư 53/2025/TT-BCA",
    "Quyết định 9354/QĐ-BCA-C06",
  ],
  portalUrl: "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bf7-6f56-704f-95b8-8d949272c6ad",
  keywords: [...(PROCEDURE_KEYWORDS["1.003677"] ?? [])],
  online: true,
  form: {
    steps: [
      {
        id: "nguoiKhaiBao",
        title: "Người tạm vắng",
        description:
          "Bị can, bị cáo tại ngoại, người bị án treo hoặc đang chấp hành biện pháp quản lý phải khai báo trực tiếp tại công an, kèm văn bản đồng ý của cơ quan quản lý.",
        fields: [requesterField(["fullName", "dateOfBirth", "sex", "cccd"]), phoneField],
      },
      {
        id: "chuyenDi",
        title: "Chuyến đi",
        fields: [
          {
            id: "reason",
            type: "radio",
            label: "Lý do tạm vắng",
            options: [
              { value: "di_xa", label: "Đi làm, đi học… ở nơi khác từ 12 tháng trở lên" },
              { value: "nuoc_ngoai", label: "Ra nước ngoài (không phải để định cư)" },
              {
                value: "nghia_vu_quan_su",
                label:
                  "Đang trong độ tuổi nghĩa vụ quân sự hoặc dự bị động viên, đi khỏi nơi thường trú từ 3 tháng trở lên",
              },
            ],
          },
          {
            id: "fromDate",
            type: "date",
            label: "Đi từ ngày",
            bounds: { minDaysFromToday: -365, maxDaysFromToday: 180 },
          },
          {
            id: "untilDate",
            type: "date",
            label: "Dự kiến về ngày",
            bounds: { minDaysFromToday: 1, maxDaysFromToday: 3650 },
          },
          {
            id: "destination",
            type: "address",
            label: "Địa chỉ nơi đến",
            visibleWhen: { not: { field: "reason", equals: "nuoc_ngoai" } },
          },
          {
            id: "destinationAbroad",
            type: "text",
            label: "Nước và thành phố nơi đến",
            help: "Ví dụ: Nhật Bản, Osaka.",
            maxLength: 100,
            visibleWhen: { field: "reason", equals: "nuoc_ngoai" },
          },
          declarationField,
        ],
      },
    ],
  },
};

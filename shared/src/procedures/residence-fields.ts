import type { FieldInput, PersonPart } from "../forms/definition";
import type { ProcedureDefinitionInput } from "./definition";
import { HOUSEHOLD_RELATIONSHIP_OPTIONS } from "./options";

/**
 * Pieces of the residence (cư trú) forms, all built on tờ khai CT01 (Thông tư 53/2025/TT-BCA) and handled
 * by the commune police.
 */

type DocumentInput = ProcedureDefinitionInput["documents"][number];
type LeafInput = Extract<FieldInput, { type: "group" }>["fields"][number];

/**
 * Fields of tờ khai CT01, counted from vn-public-services.md §1.2: kính gửi, 1 name, 2 date of birth,
 * 3 sex, 4 personal ID number, 5 phone, 6 email, 7 household head's name, 8 relationship to the head,
 * 9 head's personal ID number, 10 request (what and where), 11 one row of members changing together
 * (name, date of birth, sex, personal ID number, relationship to the head: 5) = 16. Signatures and the
 * consents of the head / owner / parents are not counted (nothing is typed).
 */
export const CT01_FIELD_COUNT = 16;

/** Household members moving (or changing) together: box 11 of CT01. */
export function householdMembersFields(
  question: string,
  parts: PersonPart[] = ["fullName", "dateOfBirth", "sex", "cccd"],
  withRelationship = true,
): FieldInput[] {
  const memberFields: LeafInput[] = [
    {
      id: "member",
      type: "person",
      label: "Người cùng đăng ký",
      help: "Trẻ em chưa có thẻ căn cước vẫn có số định danh cá nhân (in trên Giấy khai sinh mới hoặc trong VNeID của cha mẹ).",
      parts,
    },
  ];
  if (withRelationship) {
    memberFields.push({
      id: "memberRelationship",
      type: "select",
      label: "Quan hệ với chủ hộ",
      options: [...HOUSEHOLD_RELATIONSHIP_OPTIONS],
    });
  }
  return [
    { id: "withMembers", type: "yes_no", label: question },
    {
      id: "members",
      type: "group",
      label: "Những người cùng đăng ký",
      help: "Người chưa thành niên: cha, mẹ hoặc người giám hộ đồng ý ngay trong tờ khai này khi chính họ nộp.",
      itemLabel: "Người",
      minItems: 1,
      maxItems: 10,
      visibleWhen: { field: "withMembers", equals: true },
      fields: memberFields,
    },
  ];
}

/** Optional written consent of the household head or the owner (else the police ask them). */
export function consentFileField(visibleWhen?: FieldInput["visibleWhen"]): FieldInput {
  return {
    id: "consentFile",
    type: "attachment",
    label: "Văn bản đồng ý của chủ hộ hoặc chủ nhà (nếu có)",
    help: "Không bắt buộc. Nếu chủ hộ/chủ nhà đã ký giấy đồng ý, tải lên để được giải quyết nhanh hơn; nếu không, công an sẽ lấy ý kiến của họ.",
    required: false,
    maxCount: 3,
    ...(visibleWhen === undefined ? {} : { visibleWhen }),
  };
}

export const consentDocument: DocumentInput = {
  id: "y-kien-dong-y",
  name: "Ý kiến đồng ý của chủ hộ, chủ sở hữu chỗ ở (ghi trong tờ khai hoặc bằng văn bản)",
  required: false,
  when: "Khi ở nhà của người khác. Công an lấy ý kiến của chủ hộ/chủ nhà nếu bạn chưa có văn bản đồng ý.",
  attachmentField: "consentFile",
};

/** Proof of a lawful dwelling, retrieved from the land / residence databases (Nghị định 154/2024/NĐ-CP, Điều 5). */
export const lawfulDwellingDocument: DocumentInput = {
  id: "cho-o-hop-phap",
  name: "Giấy tờ chứng minh chỗ ở hợp pháp",
  required: true,
  when: "Công an khai thác trong các cơ sở dữ liệu quốc gia; chỉ khi không khai thác được mới đề nghị bạn bổ sung.",
  pulledFromDatabase: true,
};

export const ct01Document: DocumentInput = {
  id: "to-khai-ct01",
  name: "Tờ khai thay đổi thông tin cư trú (mẫu CT01, Thông tư 53/2025/TT-BCA)",
  required: true,
  when: "Nộp trực tiếp: điền tờ khai giấy. Nộp trực tuyến: chính là biểu mẫu này.",
};

export const residenceFeeBasis =
  "Thông tư 75/2022/TT-BTC, sửa đổi bởi Thông tư 71/2025/TT-BTC (lệ phí cư trú)";

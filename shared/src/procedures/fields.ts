import type { FieldInput, PersonPart, Prefill } from "../forms/definition";
import type { ProcedureDefinitionInput } from "./definition";

/**
 * Building blocks the catalog's forms share: the requester taken from the profile, contact fields, the
 * closing declaration, and the documents the officer retrieves from the national databases.
 */

type DocumentInput = ProcedureDefinitionInput["documents"][number];

/**
 * A person block prefilled from the profile: it takes every part it asks for from the saved profile
 * (residence from the profile's address). The key names the block's anchor part, the full name.
 */
export const FROM_PROFILE: Prefill = { from: "profile", key: "fullName" };

/** The oath that closes every form (the wording of the national tờ khai). */
export const DECLARATION_STATEMENT =
  "Tôi cam đoan những nội dung khai trên là đúng sự thật và chịu trách nhiệm trước pháp luật về cam đoan của mình.";

/** The citizen filing, from their profile: never typed again. */
export function requesterField(
  parts: PersonPart[] = ["fullName", "dateOfBirth", "cccd", "residence"],
  label = "Người yêu cầu",
): FieldInput {
  return {
    id: "requester",
    type: "person",
    label,
    help: "Lấy từ hồ sơ cá nhân của bạn. Cán bộ tra giấy tờ tùy thân theo số định danh, bạn không phải chụp thẻ căn cước.",
    parts,
    prefill: FROM_PROFILE,
  };
}

export const phoneField: FieldInput = {
  id: "phone",
  type: "phone",
  label: "Số điện thoại liên hệ",
  help: "Cán bộ gọi số này khi cần bổ sung hồ sơ hoặc báo ngày nhận kết quả.",
  prefill: { from: "profile", key: "phone" },
};

export const emailField: FieldInput = {
  id: "email",
  type: "email",
  label: "Email",
  help: "Không bắt buộc. Dùng để nhận thông báo và bản điện tử của kết quả.",
  required: false,
  prefill: { from: "profile", key: "email" },
};

export const declarationField: FieldInput = {
  id: "declaration",
  type: "declaration",
  label: "Lời cam đoan",
  statement: DECLARATION_STATEMENT,
};

/**
 * Number of certified copies of the result (8.000 đ a copy, Thông tư 281/2016/TT-BTC). Optional: left
 * blank means none, so a citizen who wants none types nothing (forms versioned since take this).
 */
export function copiesField(what: string, { optional = false }: { optional?: boolean } = {}): FieldInput {
  return {
    id: "copies",
    type: "number",
    label: `Số bản sao ${what} cần cấp thêm`,
    help: optional
      ? "Bản sao dùng khi nộp các hồ sơ khác (đi học, ngân hàng…). Phí 8.000 đồng/bản. Để trống nếu không cần."
      : "Bản sao dùng khi nộp các hồ sơ khác (đi học, ngân hàng…). Phí 8.000 đồng/bản. Ghi 0 nếu không cần.",
    ...(optional ? { required: false } : {}),
    min: 0,
    max: 20,
    unit: "bản",
  };
}

/** The ID card or passport: shown at the desk, looked up from the personal ID number online. */
export const identityDocument: DocumentInput = {
  id: "giay-to-tuy-than",
  name: "Giấy tờ tùy thân (thẻ căn cước, căn cước điện tử hoặc hộ chiếu)",
  required: true,
  when: "Nộp trực tuyến: cán bộ tra theo số định danh cá nhân, không phải tải ảnh thẻ.",
  pulledFromDatabase: true,
};

/** Residence: retrieved from the population database (Nghị định 104/2022/NĐ-CP, Điều 14 khoản 2). */
export const residenceDocument: DocumentInput = {
  id: "giay-to-cu-tru",
  name: "Giấy tờ chứng minh nơi cư trú",
  required: false,
  when: "Chỉ khi cán bộ không khai thác được nơi cư trú trong Cơ sở dữ liệu quốc gia về dân cư.",
  pulledFromDatabase: true,
};

/** The authorisation to act for someone else (civil-status procedures). */
export const civilStatusAuthorisation: DocumentInput = {
  id: "van-ban-uy-quyen",
  name: "Văn bản ủy quyền",
  required: false,
  when: "Khi nhờ người khác làm thay. Không cần chứng thực nếu người được ủy quyền là ông, bà, cha, mẹ, con, vợ, chồng, anh, chị, em ruột.",
};

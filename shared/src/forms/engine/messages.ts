import type { PersonPart } from "../definition";

/**
 * Every sentence the engine shows a citizen or an officer, in one table so wording stays consistent and
 * can be reviewed in one place. Each error names the field's label and says what to do, not what is wrong
 * in technical terms.
 */

/** How many option labels an error lists before "…" (a long list stops being read). */
const MAX_LISTED_OPTIONS = 8;

function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase("vi") + text.slice(1);
}

/** "Dân tộc:" but "Bạn là gì của cháu? —": a question label takes no colon after its question mark. */
function lead(label: string): string {
  return label.endsWith("?") ? `${label} —` : `${label}:`;
}

export const MESSAGES = {
  required: (label: string) => `${lead(label)} vui lòng nhập`,
  requiredChoice: (label: string) => `${lead(label)} vui lòng chọn`,
  invalid: (label: string) => `${lead(label)} giá trị không hợp lệ, vui lòng nhập lại`,

  tooShort: (label: string, min: number, actual: number) =>
    `${lead(label)} cần ít nhất ${min} ký tự, bạn đã nhập ${actual}`,
  tooLong: (label: string, max: number, actual: number) =>
    `${lead(label)} tối đa ${max} ký tự, bạn đã nhập ${actual}`,
  nameCharacter: (label: string, character: string) =>
    `${lead(label)} chỉ gồm chữ cái và khoảng trắng, hãy bỏ ký tự "${character}"`,

  notANumber: (label: string) => `${lead(label)} nhập một số, ví dụ 1.500 hoặc 2,5`,
  decimalPoint: (label: string, suggestion: string) =>
    `${lead(label)} dùng dấu phẩy cho phần thập phân, ví dụ ${suggestion}`,
  notInteger: (label: string) => `${label} phải là số nguyên`,
  numberBelow: (label: string, min: string) => `${label} không được nhỏ hơn ${min}`,
  numberAbove: (label: string, max: string) => `${label} không được lớn hơn ${max}`,

  dateFormat: (label: string) => `${lead(label)} nhập ngày theo dạng ngày/tháng/năm, ví dụ 05/09/2024`,
  dateYear: (label: string) => `${lead(label)} năm phải gồm 4 chữ số, ví dụ 05/09/2024`,
  dateNotOnCalendar: (label: string, shown: string) => `${lead(label)} ngày ${shown} không có trên lịch`,
  dateAfterToday: (label: string) => `${label} không được sau ngày hôm nay`,
  dateBeforeToday: (label: string) => `${label} không được trước ngày hôm nay`,
  dateAfter: (label: string, limit: string) => `${label} không được sau ngày ${limit}`,
  dateBefore: (label: string, limit: string) => `${label} không được trước ngày ${limit}`,

  option: (label: string, optionLabels: readonly string[]) => {
    const listed = optionLabels.slice(0, MAX_LISTED_OPTIONS).join(", ");
    const more = optionLabels.length > MAX_LISTED_OPTIONS ? ", …" : "";
    return `${lead(label)} chọn một trong các lựa chọn: ${listed}${more}`;
  },
  yesNo: (label: string) => `${lead(label)} chọn Có hoặc Không`,

  /** The identity checks already say what to fix; the label tells which of several numbers it is. */
  identity: (label: string, message: string) => `${lead(label)} ${lowerFirst(message)}`,
  /** A role that fixes the sex (the mother) given a CCCD of the other sex. */
  cccdRoleSex: (label: string, digit: number, encoded: string, role: string, expected: string) =>
    `${lead(label)} chữ số thứ 4 (${digit}) là của người ${encoded}, nhưng ${lowerFirst(role)} là người ${expected}. Hãy kiểm tra lại số CCCD`,
  /** "Mẹ" chosen while the requester's CCCD (or stated sex) says a man. */
  relationshipSex: (label: string, option: string, person: string, encoded: string, source: string) =>
    // A question label reads on into a sentence ("Bạn là gì của cháu? Người yêu cầu…"), not "?:".
    `${label.endsWith("?") ? `${label} ${person}` : `${lead(label)} ${lowerFirst(person)}`} ${source} là người ${encoded}, nên không chọn được “${option}”. Hãy chọn lại quan hệ, hoặc sửa số CCCD nếu nhập nhầm`,
  email: (label: string) => `${lead(label)} địa chỉ email chưa đúng, ví dụ ten@gmail.com`,

  addressRequired: (label: string) => `${lead(label)} vui lòng chọn tỉnh/thành phố và xã/phường`,
  provinceRequired: (label: string) => `${lead(label)} vui lòng chọn tỉnh/thành phố`,
  communeRequired: (label: string) => `${lead(label)} vui lòng chọn xã/phường`,
  provinceCode: (label: string) => `${lead(label)} mã tỉnh/thành phố gồm 2 chữ số, vui lòng chọn lại`,
  communeCode: (label: string) => `${lead(label)} mã xã/phường gồm 5 chữ số, vui lòng chọn lại`,
  detailRequired: (label: string) => `${lead(label)} vui lòng nhập số nhà, tên đường hoặc thôn, tổ dân phố`,
  /** The free-text line of an address that asks something else (a place of birth: the facility). */
  detailRequiredAs: (label: string, detailLabel: string) =>
    `${lead(label)} vui lòng nhập ${lowerFirst(detailLabel)}`,

  attachmentTooFew: (label: string, min: number, noun: string) => `${lead(label)} cần ít nhất ${min} ${noun}`,
  attachmentTooMany: (label: string, max: number, noun: string, actual: number) =>
    `${lead(label)} tối đa ${max} ${noun}, bạn đã gửi ${actual}`,
  attachmentBroken: (label: string, position: number) =>
    `${lead(label)} tệp thứ ${position} chưa tải lên xong, vui lòng tải lại`,
  attachmentType: (label: string, name: string, accepted: string) =>
    `${lead(label)} tệp "${name}" không đúng loại; chỉ nhận ${accepted}`,
  attachmentSize: (label: string, name: string, sizeMb: string, maxMb: string) =>
    `${lead(label)} tệp "${name}" quá lớn (${sizeMb} MB); tối đa ${maxMb} MB`,
  attachmentDuplicate: (label: string, name: string) => `${lead(label)} tệp "${name}" được gửi hai lần`,

  declaration: (label: string) => `${lead(label)} vui lòng đánh dấu để xác nhận`,

  groupTooFew: (label: string, min: number, itemLabel: string) =>
    `${lead(label)} cần ít nhất ${min} ${lowerFirst(itemLabel)}`,
  groupTooMany: (label: string, max: number, itemLabel: string) =>
    `${lead(label)} tối đa ${max} ${lowerFirst(itemLabel)}`,
} as const;

/** Labels of the person block's parts, as on the national eForms. */
export const PERSON_PART_LABELS: Record<PersonPart, string> = {
  fullName: "Họ, chữ đệm và tên",
  dateOfBirth: "Ngày sinh",
  sex: "Giới tính",
  ethnicity: "Dân tộc",
  nationality: "Quốc tịch",
  cccd: "Số CCCD",
  residence: "Nơi cư trú",
};

/** "Họ, chữ đệm và tên (Mẹ)": a part of a block, or a field of a group item ("Họ và tên (Thành viên 2)"). */
export function qualifiedLabel(label: string, context: string | undefined): string {
  return context === undefined ? label : `${label} (${context})`;
}

export function itemContext(itemLabel: string, index: number): string {
  return `${itemLabel} ${index + 1}`;
}

/** Words the review page and the officer's view use to show answers. */
export const DISPLAY = {
  yes: "Có",
  no: "Không",
  unanswered: "Chưa nhập",
  confirmed: "Đã xác nhận",
  none: "Không có",
  files: (count: number) => `${count} tệp`,
  imageNoun: "ảnh",
  fileNoun: "tệp",
  province: (code: string) => `Tỉnh/thành phố mã ${code}`,
  commune: (code: string) => `Xã/phường mã ${code}`,
  acceptedTypes: { "image/jpeg": "JPG", "image/png": "PNG", "application/pdf": "PDF" } as Record<
    string,
    string
  >,
  or: "hoặc",
} as const;

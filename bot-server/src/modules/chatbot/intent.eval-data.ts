import { DOSSIER_CODE_ALPHABET, generateDossierCode } from "@dvc/shared";
import type { Intent } from "./intent";

/**
 * Messages as residents write to the commune's Official Account — with and without diacritics, teen code,
 * typos, emoji — and what the bot should take from each. Written from how people ask, not from the
 * classifier's word lists; an item that turned out ambiguous to a human reader was rewritten, not special-
 * cased. For a procedure item, `procedureCode` is the catalog procedure that answers it.
 */
export interface EvalItem {
  text: string;
  expected: Intent["kind"];
  procedureCode?: string;
}

/** Valid codes from the shared generator, with fixed bytes so the set is the same on every run. */
function validCode(communeCode: string, seed: number): string {
  return generateDossierCode(
    communeCode,
    Uint8Array.from({ length: 8 }, (_, i) => (seed * 53 + i * 97) % 256),
  );
}

/** The same code with its check symbol replaced: what one slip of the finger on the last key gives. */
function wrongCheck(code: string): string {
  const last = code.charAt(code.length - 1);
  const next = DOSSIER_CODE_ALPHABET.charAt((DOSSIER_CODE_ALPHABET.indexOf(last) + 1) % 29);
  return code.slice(0, -1) + next;
}

/** Two neighbouring symbols swapped (positions 6 and 7 of `00292-CWMA-9GDF` are "C" and "W"). */
function swapped(code: string): string {
  return code.slice(0, 6) + code.charAt(7) + code.charAt(6) + code.slice(8);
}

const A = validCode("00292", 1); // 00292-CWMA-9GDF
const B = validCode("00070", 2);
const C = validCode("09877", 3);
const D = validCode("00292", 4);
const E = validCode("26734", 5);
const compact = (code: string) => code.replaceAll("-", "");
const spaced = (code: string) => code.replaceAll("-", " ");

const PROCEDURES: readonly EvalItem[] = [
  // Hộ tịch
  { text: "toi muon lam giay khai sinh cho con", expected: "procedure", procedureCode: "1.001193" },
  {
    text: "Cho em hỏi làm khai sinh cho bé mới sinh cần giấy tờ gì ạ?",
    expected: "procedure",
    procedureCode: "1.001193",
  },
  { text: "chao ad, cho hoi lam khai sinh can gi", expected: "procedure", procedureCode: "1.001193" },
  { text: "lam giay khai sihn cho be thi mang j di a", expected: "procedure", procedureCode: "1.001193" },
  {
    text: "vo chong e muon dang ky ket hon thi can mang j",
    expected: "procedure",
    procedureCode: "1.000894",
  },
  { text: "Đăng ký kết hôn ở xã mất bao lâu vậy ad", expected: "procedure", procedureCode: "1.000894" },
  { text: "bo em moi mat, lam giay chung tu o dau a", expected: "procedure", procedureCode: "1.000656" },
  { text: "khai tử cho ông nội cần những gì", expected: "procedure", procedureCode: "1.000656" },
  {
    text: "xin giay xac nhan doc than de vay ngan hang thi lam ntn",
    expected: "procedure",
    procedureCode: "1.004873",
  },
  {
    text: "Tôi cần xác nhận tình trạng hôn nhân để bổ sung hồ sơ mua nhà",
    expected: "procedure",
    procedureCode: "1.004873",
  },
  {
    text: "giay khai sinh cua con bi sai ten, sua the nao",
    expected: "procedure",
    procedureCode: "1.004859",
  },
  { text: "cho em xin trích lục khai sinh bản sao với ạ", expected: "procedure", procedureCode: "2.000635" },
  // Cư trú
  {
    text: "cho hoi nhap ho khau cho con ve nha ong ba noi dc ko",
    expected: "procedure",
    procedureCode: "1.004222",
  },
  { text: "đăng ký thường trú mất bao nhiêu tiền", expected: "procedure", procedureCode: "1.004222" },
  { text: "em thue tro o day, dang ki tam tru the nao a", expected: "procedure", procedureCode: "1.004194" },
  { text: "lm tạm trú cho ng thuê nhà cần j", expected: "procedure", procedureCode: "1.004194" },
  { text: "tam tru cua em sap het han, gia han sao a", expected: "procedure", procedureCode: "1.002755" },
  {
    text: "con trai toi di lam xa may thang, co phai khai bao tam vang k",
    expected: "procedure",
    procedureCode: "1.003677",
  },
  { text: "tach ho khau ra o rieng can lam gi", expected: "procedure", procedureCode: "1.010038" },
  {
    text: "xin giay xac nhan cu tru ct07 de nop cho truong",
    expected: "procedure",
    procedureCode: "1.010041",
  },
  { text: "Xoá tạm trú khi chuyển trọ sang phường khác", expected: "procedure", procedureCode: "1.010028" },
  // Chứng thực
  {
    text: "Cho mình hỏi sao y bản chính giấy tờ có làm ở xã được không",
    expected: "procedure",
    procedureCode: "2.000815",
  },
  { text: "chung thuc ban sao hoc ba het bn tien 1 trang", expected: "procedure", procedureCode: "2.000815" },
  {
    text: "Chứng thực chữ ký trên giấy ủy quyền làm ở đâu",
    expected: "procedure",
    procedureCode: "2.000884",
  },
  { text: "lập di chúc có ra xã chứng thực được không", expected: "procedure", procedureCode: "2.001019" },
  // Hộ kinh doanh, xây dựng, căn cước, xã hội
  {
    text: "Tôi muốn mở quán cà phê nhỏ thì đăng ký hộ kinh doanh ở đâu",
    expected: "procedure",
    procedureCode: "1.001612",
  },
  {
    text: "dang ky ho kinh doanh ca the can nhung giay to gi",
    expected: "procedure",
    procedureCode: "1.001612",
  },
  {
    text: "nha em dinh xay lai nha 3 tang co can xin giay phep xay dung ko",
    expected: "procedure",
    procedureCode: "1.013225",
  },
  { text: "Xin phép sửa nhà thì nộp hồ sơ ở đâu ạ", expected: "procedure", procedureCode: "1.013225" },
  { text: "e bị mất cccd rồi, làm lại thế nào ạ", expected: "procedure", procedureCode: "1.014064" },
  { text: "can cuoc cua toi het han roi, doi o dau", expected: "procedure", procedureCode: "1.014063" },
  {
    text: "con toi du 14 tuoi, lam can cuoc lan dau can gi",
    expected: "procedure",
    procedureCode: "1.014061",
  },
  {
    text: "nhà em khó khăn quá, muốn đăng ký hộ nghèo thì làm sao",
    expected: "procedure",
    procedureCode: "1.011607",
  },
  // Heavier chat style
  {
    text: "ad oi e mun lm gks cho con thi can nhung j vay",
    expected: "procedure",
    procedureCode: "1.001193",
  },
  { text: "chồng em mất rồi, giờ làm giấy báo tử ở đâu", expected: "procedure", procedureCode: "1.000656" },
  { text: "e sap cuoi vo, can chuan bi nhung giay to gi", expected: "procedure", procedureCode: "1.000894" },
  {
    text: "cmnd cua toi het han lau roi, gio doi sang can cuoc dc k",
    expected: "procedure",
    procedureCode: "1.014063",
  },
  { text: "giấy phép kinh doanh tạp hóa làm ở đâu", expected: "procedure", procedureCode: "1.001612" },
  {
    text: "muon cong chung bang tot nghiep thi mang ban goc ra xa a",
    expected: "procedure",
    procedureCode: "2.000815",
  },
  {
    text: "cho hỏi đi làm ăn xa thì khai báo tạm vắng ra sao",
    expected: "procedure",
    procedureCode: "1.003677",
  },
];

const CODES: readonly EvalItem[] = [
  { text: A, expected: "dossier_status" },
  { text: `ho so ${compact(B).toLowerCase()} cua toi den dau roi`, expected: "dossier_status" },
  { text: `Cho em hỏi hồ sơ mã ${spaced(C)} đã xong chưa ạ`, expected: "dossier_status" },
  { text: `ma ho so: ${spaced(D).toLowerCase()}`, expected: "dossier_status" },
  { text: `tra cứu ${E}`, expected: "dossier_status" },
  { text: `e co 2 ho so ${A} va ${compact(B)} xem giup e voi`, expected: "dossier_status" },
  { text: `gặp cán bộ giúp em, hồ sơ ${C} lâu quá`, expected: "dossier_status" },
  { text: `hồ sơ khai sinh ${D.toLowerCase()} sao lâu vậy`, expected: "dossier_status" },
  { text: `${E.replaceAll("-", ".")}?`, expected: "dossier_status" },
  { text: `ad oi check giup ma ${compact(A).toLowerCase()} nhe 🙏`, expected: "dossier_status" },
];

const MISTYPED: readonly EvalItem[] = [
  { text: `hồ sơ ${wrongCheck(A)} của em đến đâu rồi`, expected: "dossier_code_mistyped" },
  { text: `ma ho so ${swapped(B).toLowerCase()}`, expected: "dossier_code_mistyped" },
  { text: `tra cuu ${spaced(wrongCheck(C))}`, expected: "dossier_code_mistyped" },
  { text: `mã của em là ${D.slice(0, -1)} mà không tra được`, expected: "dossier_code_mistyped" },
];

const HANDOVER: readonly EvalItem[] = [
  { text: "cho toi gap can bo", expected: "handover" },
  { text: "Tôi muốn nói chuyện với người thật, không phải máy", expected: "handover" },
  { text: "cho em noi chuyen voi nhan vien tu van dc ko", expected: "handover" },
  { text: "ad ơi có ai trực không, em cần gặp cán bộ hộ tịch", expected: "handover" },
  { text: "chuyen cho tu van vien giup toi", expected: "handover" },
  { text: "bot tra loi k dung y, cho gap nguoi that di", expected: "handover" },
  { text: "Nhờ cán bộ gọi lại cho tôi theo số này", expected: "handover" },
  { text: "tôi cần nói chuyện trực tiếp với cán bộ tư pháp", expected: "handover" },
];

const SMALL_TALK: readonly EvalItem[] = [
  { text: "xin chào", expected: "greeting" },
  { text: "alooo", expected: "greeting" },
  { text: "hi ad", expected: "greeting" },
  { text: "Chào ad ạ 👋", expected: "greeting" },
  { text: "chao buoi sang", expected: "greeting" },
  { text: "helloo ad", expected: "greeting" },
  { text: "cảm ơn ad nhiều", expected: "thanks" },
  { text: "ok cam on nhe", expected: "thanks" },
  { text: "thanks", expected: "thanks" },
  { text: "Dạ em cảm ơn ạ 🙏", expected: "thanks" },
  { text: "ok e cảm ơn nhiều nha", expected: "thanks" },
];

const HELP: readonly EvalItem[] = [
  { text: "tra cứu hồ sơ", expected: "dossier_lookup_help" },
  { text: "ho so cua toi den dau roi", expected: "dossier_lookup_help" },
  { text: "em nộp hồ sơ tuần trước mà chưa thấy kết quả", expected: "dossier_lookup_help" },
  { text: "hồ sơ khai sinh của em xử lý xong chưa ạ", expected: "dossier_lookup_help" },
  { text: "sao hồ sơ của em lâu thế ạ, nộp 2 tuần rồi", expected: "dossier_lookup_help" },
  { text: "hoi thu tuc", expected: "procedure_help" },
  { text: "toi muon hoi ve thu tuc", expected: "procedure_help" },
  { text: "Cho em hỏi về thủ tục hành chính với ạ", expected: "procedure_help" },
  { text: "mo mini app", expected: "open_app" },
  { text: "nop ho so online o dau", expected: "open_app" },
  { text: "em muốn nộp hồ sơ trực tuyến trên zalo thì vào đâu", expected: "open_app" },
];

const UNKNOWN: readonly EvalItem[] = [
  { text: "hôm nay trời đẹp quá", expected: "unknown" },
  { text: "bán xe máy cũ", expected: "unknown" },
  { text: "asdfgh", expected: "unknown" },
  { text: "😀😀", expected: "unknown" },
  { text: "giá vàng hôm nay bao nhiêu", expected: "unknown" },
  { text: "nhà tôi bị mất điện từ sáng", expected: "unknown" },
  { text: "ai bán rau sạch không", expected: "unknown" },
  { text: "con mèo nhà em đi lạc từ hôm qua", expected: "unknown" },
  { text: "lịch cắt điện tuần này thế nào", expected: "unknown" },
];

/** Choosing or dropping the commune whose notices reach the resident on Zalo (issue 13). */
const NOTICES: readonly EvalItem[] = [
  { text: "nhận thông báo phường Ba Đình", expected: "notice_subscribe" },
  { text: "dang ky nhan thong bao xa Tay Tuu", expected: "notice_subscribe" },
  { text: "đăng ký thông báo", expected: "notice_subscribe" },
  { text: "Cho em đăng ký nhận thông báo của phường Hoàn Kiếm với ạ", expected: "notice_subscribe" },
  { text: "dk nhan tb phuong cau giay", expected: "notice_subscribe" },
  { text: "tôi muốn theo dõi thông báo của xã mình", expected: "notice_subscribe" },
  { text: "đổi sang nhận thông báo phường Kim Liên nhé ad", expected: "notice_subscribe" },
  { text: "hủy nhận thông báo", expected: "notice_unsubscribe" },
  { text: "huy dang ky nhan thong bao", expected: "notice_unsubscribe" },
  { text: "thôi không nhận thông báo nữa đâu", expected: "notice_unsubscribe" },
  { text: "tắt thông báo giúp em", expected: "notice_unsubscribe" },
  { text: "Ngừng gửi thông báo cho tôi", expected: "notice_unsubscribe" },
  // "thông báo" without asking for notices is not a subscription.
  { text: "có thông báo gì mới không ad", expected: "unknown" },
];

export const INTENT_EVAL_SET: readonly EvalItem[] = [
  ...PROCEDURES,
  ...CODES,
  ...MISTYPED,
  ...HANDOVER,
  ...SMALL_TALK,
  ...HELP,
  ...UNKNOWN,
  ...NOTICES,
];

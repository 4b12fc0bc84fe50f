/**
 * The report's reasons in Vietnamese: the delivery engine's reason code ("kind" or "kind:<Zalo code>",
 * delivery/zalo-adapter.ts; or the engine's own "expired", "no_channel") said so an officer knows what
 * happened and what to do. Never Zalo's message text (which we never keep).
 */

const BY_KIND: Readonly<Record<string, string>> = {
  expired: "Hết hạn gửi: thông báo đã quá thời hạn hiệu lực trước khi gửi được.",
  no_channel: "Không có kênh Zalo nào gửi được tới người này.",
  outside_window:
    "Người dân không tương tác với OA trong 7 ngày qua và chưa cấu hình mẫu tin thông báo để gửi ngoài thời hạn này.",
  no_template: "Chưa cấu hình mẫu tin thông báo (ZALO_TEMPLATE_FOLLOWER_NOTICE) để gửi ngoài 7 ngày.",
  inactive: "Tài khoản Zalo của người nhận không hoạt động hơn 45 ngày.",
  not_follower: "Người nhận đã bỏ quan tâm OA.",
  user_refused: "Người nhận đã từ chối nhận loại tin này từ OA.",
  cannot_receive: "Tài khoản Zalo của người nhận không nhận được tin.",
  no_zalo_account: "Người nhận không có tài khoản Zalo.",
  bad_phone: "Số điện thoại không hợp lệ.",
  quota_exceeded: "OA đã hết hạn mức gửi tin. Vui lòng kiểm tra gói dịch vụ OA rồi gửi lại.",
  night_window: "Zalo không cho gửi loại tin này vào ban đêm (22:00–06:00). Hãy gửi lại sau 06:00.",
  rate_limited: "Zalo báo gửi quá nhanh nhiều lần liên tiếp. Hãy gửi lại sau ít phút.",
  unavailable: "Không kết nối được Zalo sau nhiều lần thử. Hãy gửi lại sau ít phút.",
  unauthorized: "OA chưa được cấp quyền hoặc mã truy cập đã hết hạn. Quản trị viên cần cấp quyền lại cho OA.",
  template_not_approved: "Mẫu tin thông báo chưa được Zalo duyệt.",
  invalid: "Nội dung không hợp lệ với Zalo (quá dài hoặc trống). Hãy sửa thông báo.",
  rejected: "Zalo từ chối tin nhắn.",
};

/** Zalo codes worth their own wording (zalo-oa.md §0, §7). */
const BY_ZALO_CODE: Readonly<Record<string, string>> = {
  "-237": "Nhóm Zalo đã hết hạn sử dụng (gói nhóm GMF hết hạn). Hãy gia hạn hoặc chọn nhóm khác.",
  "-201": "Zalo không nhận ra nhóm hoặc nội dung (nhóm có thể đã bị xoá). Hãy đồng bộ lại danh sách nhóm.",
};

const FALLBACK = "Gửi không thành công. Hãy thử gửi lại; nếu vẫn lỗi, báo quản trị viên.";

export function failureReasonText(reason: string): string {
  const [kind = "", code] = reason.split(":");
  if (code && BY_ZALO_CODE[code]) return BY_ZALO_CODE[code];
  return BY_KIND[kind] ?? FALLBACK;
}

/** A follower in the report: never a name or a phone, only the last four digits of their OA id. */
export function maskedFollower(oaUserId: string | null): string {
  return oaUserId ? `Người theo dõi …${oaUserId.slice(-4)}` : "Người theo dõi";
}

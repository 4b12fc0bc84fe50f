import { CHAT_PAGE_APP } from "./chat-page-app";
import { CHAT_PAGE_RENDER } from "./chat-page-render";
import { CHAT_PAGE_STYLE } from "./chat-page-style";

/**
 * The /sandbox page: a phone-like Zalo chat in which you are a resident of the commune talking to its
 * Official Account. What you type goes to the product as a signed webhook event (chat-routes.ts); the
 * OA's replies, template messages, group posts and ZNS messages are what the product sent to the sandbox
 * (GET /sandbox/api/messages). Plain HTML and one same-origin script: the page CSP forbids inline
 * scripts (http/security-headers.ts) and the page loads nothing from elsewhere.
 */
export const SANDBOX_PAGE_HTML = `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<title>Zalo sandbox — trò chuyện với Official Account</title>
<link rel="icon" href="data:,">
<style>${CHAT_PAGE_STYLE}</style>
</head>
<body>
<div class="phone">
  <header class="oa-head">
    <div class="oa-avatar" aria-hidden="true">UB</div>
    <div class="oa-title">
      <h1 id="oa-name">UBND Phường Ba Đình (sandbox)</h1>
      <p>Official Account</p>
    </div>
    <button type="button" class="follow" id="follow" data-testid="follow-toggle" aria-pressed="false" disabled>Quan tâm</button>
  </header>
  <div class="who">
    <label for="resident">Bạn là</label>
    <select id="resident" data-testid="resident-select" disabled><option>Đang tải…</option></select>
    <button type="button" class="link-btn" id="add" data-testid="add-resident">+ Thêm cư dân</button>
  </div>
  <nav class="tabs" role="tablist">
    <button type="button" role="tab" id="tab-chat" aria-controls="view-chat" aria-selected="true">Trò chuyện</button>
    <button type="button" role="tab" id="tab-feed" aria-controls="view-feed" aria-selected="false">Nhóm &amp; ZNS<span class="badge" id="feed-badge" hidden></span></button>
  </nav>
  <section class="view" id="view-chat" role="tabpanel" aria-labelledby="tab-chat">
    <div class="conversation" id="conversation" role="log" aria-live="polite"></div>
    <p class="error" id="chat-error" data-testid="chat-error" role="alert" hidden></p>
    <div class="tools">
      <button type="button" data-kind="image" title="Gửi một ảnh mẫu (giấy tờ)">Ảnh mẫu</button>
      <button type="button" data-kind="sticker" title="Gửi một sticker">Sticker</button>
      <button type="button" data-kind="location" title="Gửi vị trí mẫu (Quảng trường Ba Đình)">Vị trí</button>
    </div>
    <form class="composer" id="composer" autocomplete="off">
      <input id="chat-input" data-testid="chat-input" maxlength="2000" placeholder="Nhập tin nhắn" aria-label="Tin nhắn gửi OA">
      <button type="submit" class="send" data-testid="chat-send">Gửi</button>
    </form>
  </section>
  <section class="view" id="view-feed" role="tabpanel" aria-labelledby="tab-feed" hidden>
    <div class="feed" id="feed"><p class="hint" id="feed-empty">Chưa có bài đăng nhóm hay tin ZNS nào. Khi phường đăng thông báo vào nhóm Zalo hoặc gửi ZNS theo số điện thoại, chúng hiện ở đây.</p></div>
  </section>
  <dialog id="add-dialog" aria-labelledby="add-title">
    <form id="add-form" autocomplete="off">
      <h2 id="add-title">Thêm cư dân</h2>
      <label for="add-name">Tên hiển thị trên Zalo</label>
      <input id="add-name" name="displayName" maxlength="100" required placeholder="Ví dụ: Nguyễn Văn An">
      <label for="add-link">Người này đã dùng Mini App?</label>
      <select id="add-link" name="link"><option value="">Không — chỉ nhắn tin với OA</option></select>
      <p class="note">Liên kết với một người dùng Mini App sandbox để hồ sơ của họ hiện cả trong trò chuyện.</p>
      <p class="error" id="add-error" role="alert" hidden></p>
      <div class="actions">
        <button type="button" id="add-cancel">Hủy</button>
        <button type="submit" class="primary">Thêm</button>
      </div>
    </form>
  </dialog>
</div>
<script src="/sandbox/sandbox.js" defer></script>
</body>
</html>`;

/** One script, two parts: drawing messages (chat-page-render.ts) and the page's state (chat-page-app.ts). */
export const SANDBOX_PAGE_SCRIPT = `"use strict";
(function () {
${CHAT_PAGE_RENDER}
${CHAT_PAGE_APP}
})();
`;

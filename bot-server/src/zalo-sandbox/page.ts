/** The sandbox page: what the product sent to "Zalo". Plain HTML + one script, no inline code (CSP). */
export const SANDBOX_PAGE_HTML = `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Zalo sandbox — DVC Zalo</title>
<style>
  body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0; background: #f3f5f7; color: #141a21; }
  header { background: #0068ff; color: #fff; padding: 16px 20px; }
  header h1 { margin: 0; font-size: 20px; }
  header p { margin: 4px 0 0; opacity: .9; font-size: 14px; }
  main { max-width: 880px; margin: 0 auto; padding: 16px; }
  section { background: #fff; border-radius: 12px; padding: 16px; margin-bottom: 16px; box-shadow: 0 1px 2px rgba(0,0,0,.06); }
  h2 { font-size: 16px; margin: 0 0 8px; }
  .empty { color: #6b7785; }
  table { width: 100%; border-collapse: collapse; font-size: 14px; }
  td, th { text-align: left; padding: 6px 4px; border-bottom: 1px solid #e6e9ed; vertical-align: top; }
  code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 12px; }
  pre { white-space: pre-wrap; margin: 0; }
</style>
</head>
<body>
<header>
  <h1>Zalo sandbox</h1>
  <p>Môi trường giả lập Zalo: sản phẩm gọi tới đây thay cho Zalo thật, và mọi tin đã gửi được ghi lại.</p>
</header>
<main>
  <section>
    <h2>Tin sản phẩm đã gửi tới Zalo</h2>
    <div id="messages"><p class="empty">Đang tải…</p></div>
  </section>
  <section>
    <h2>Các điểm cuối giả lập</h2>
    <table id="endpoints"><tbody><tr><td class="empty">Đang tải…</td></tr></tbody></table>
  </section>
</main>
<script src="/sandbox/sandbox.js" defer></script>
</body>
</html>`;

export const SANDBOX_PAGE_SCRIPT = `"use strict";
(function () {
  function el(tag, text) { var e = document.createElement(tag); if (text !== undefined) e.textContent = text; return e; }
  function showMessages(list) {
    var box = document.getElementById("messages");
    box.textContent = "";
    if (list.length === 0) { box.appendChild(el("p", "Chưa có tin nào. Khi sản phẩm gửi tin nhắn OA, tin mẫu hay bài đăng nhóm, chúng sẽ hiện ở đây.")).className = "empty"; return; }
    var table = el("table"); var body = el("tbody"); table.appendChild(body);
    list.forEach(function (m) {
      var row = el("tr");
      row.appendChild(el("td", new Date(m.createdAt).toLocaleString("vi-VN")));
      row.appendChild(el("td", m.channel));
      row.appendChild(el("td", m.recipient));
      var cell = el("td"); cell.appendChild(el("pre", JSON.stringify(m.payload, null, 2))); row.appendChild(cell);
      body.appendChild(row);
    });
    box.appendChild(table);
  }
  function showInfo(info) {
    var body = document.querySelector("#endpoints tbody");
    body.textContent = "";
    [["Open API (OA)", info.baseUrls.api], ["OAuth", info.baseUrls.oauth], ["Graph API", info.baseUrls.graph], ["ZNS / Business", info.baseUrls.business],
     ["App ID", info.appId], ["OA ID", info.oaId], ["Mini App ID", info.miniAppId]].forEach(function (pair) {
      var row = el("tr"); row.appendChild(el("th", pair[0])); var cell = el("td"); cell.appendChild(el("code", pair[1])); row.appendChild(cell); body.appendChild(row);
    });
  }
  function load() {
    fetch("/sandbox/api/messages").then(function (r) { return r.json(); }).then(function (d) { showMessages(d.messages); })
      .catch(function () { document.getElementById("messages").textContent = "Không tải được danh sách tin. Máy chủ có đang chạy không?"; });
  }
  fetch("/sandbox/api/info").then(function (r) { return r.json(); }).then(showInfo);
  load();
  setInterval(load, 3000);
})();
`;

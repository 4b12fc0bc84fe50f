/**
 * First half of the sandbox page's script (plain browser JavaScript, no framework): turns what a
 * resident sent and what the product sent into bubbles and cards. Everything from a payload is set with
 * textContent, and links are followed only when they are http(s), so a payload can never run code.
 * String.raw keeps the regular expressions' backslashes as written.
 */
export const CHAT_PAGE_RENDER = String.raw`
function el(tag, className, text) {
  var node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}
function isRecord(value) { return typeof value === "object" && value !== null && !Array.isArray(value); }
function str(value) { return typeof value === "string" ? value : typeof value === "number" ? String(value) : ""; }
function pad(n) { return (n < 10 ? "0" : "") + n; }
/** "14:05" today, "03/11 14:05" on another day. */
function clock(ms) {
  var d = new Date(ms);
  if (isNaN(d.getTime())) return "";
  var hm = pad(d.getHours()) + ":" + pad(d.getMinutes());
  return d.toDateString() === new Date().toDateString() ? hm : pad(d.getDate()) + "/" + pad(d.getMonth() + 1) + " " + hm;
}
/** Phone numbers are masked on every screen (house rule), here too: "0987 ••• 321". */
function maskPhone(value) {
  if (str(value).indexOf("•") >= 0) return str(value);
  var digits = str(value).replace(/\D/g, "");
  if (digits.indexOf("84") === 0) digits = "0" + digits.slice(2);
  return digits.length < 8 ? digits : digits.slice(0, 4) + " ••• " + digits.slice(-3);
}
function safeUrl(value) { return typeof value === "string" && /^https?:\/\//i.test(value) ? value : null; }
/** https://zalo.me/s/<Mini App ID>/<path> opens the Mini App; in the sandbox it is served at /<path>. */
function miniAppPath(url, miniAppId) {
  var prefix = "https://zalo.me/s/" + miniAppId + "/";
  if (!miniAppId || url.indexOf(prefix) !== 0) return null;
  return "/" + url.slice(prefix.length).replace(/^\/+/, "");
}
function link(text, href, className) {
  var a = el("a", className, text);
  a.href = href;
  a.target = "_blank";
  a.rel = "noopener noreferrer";
  return a;
}
function rawJson(value) {
  var box = el("details");
  box.appendChild(el("summary", "", "Dữ liệu sản phẩm gửi Zalo"));
  box.appendChild(el("pre", "", JSON.stringify(value, null, 2)));
  return box;
}
function keyValues(record) {
  var table = el("table", "kv");
  Object.keys(record).forEach(function (key) {
    var row = el("tr");
    row.appendChild(el("th", "", key));
    row.appendChild(el("td", "", isRecord(record[key]) || Array.isArray(record[key]) ? JSON.stringify(record[key]) : str(record[key])));
    table.appendChild(row);
  });
  return table;
}
/** One message row: .msg.<side> holding the bubble and its time; data-at orders the conversation. */
function messageRow(side, testId, at) {
  var root = el("div", "msg " + side);
  root.setAttribute("data-at", String(at));
  var bubble = el("div", "bubble");
  bubble.setAttribute("data-testid", testId);
  root.appendChild(bubble);
  root.appendChild(el("div", "time", clock(at)));
  return { root: root, bubble: bubble };
}
function systemLine(text, at) {
  var line = el("div", "system", text + " · " + clock(at));
  line.setAttribute("data-at", String(at));
  return line;
}
function image(url, alt) {
  var img = el("img");
  img.src = url;
  img.alt = alt;
  img.loading = "lazy";
  return img;
}

/** What the resident sent (a view from /sandbox/api/chat: kind, text, imageUrl, location, at). */
function residentNode(view) {
  if (view.kind === "follow") return systemLine("Bạn đã quan tâm OA", view.at);
  if (view.kind === "unfollow") return systemLine("Bạn đã bỏ quan tâm OA", view.at);
  var row = messageRow("mine", "bubble-resident", view.at);
  var url = safeUrl(view.imageUrl);
  if (url) {
    if (view.kind === "sticker") row.bubble.className += " bare";
    row.bubble.appendChild(image(url, view.kind === "sticker" ? "Sticker" : "Ảnh"));
  }
  if (view.location) row.bubble.appendChild(el("span", "", "Vị trí: " + view.location.latitude + ", " + view.location.longitude));
  if (view.text) row.bubble.appendChild(el("span", "", view.text));
  if (!url && !view.location && !view.text) row.bubble.textContent = "(" + (view.eventName || "sự kiện") + ")";
  return row.root;
}

/** OA buttons as Zalo shows them: a query button answers with its payload, a URL button opens it. */
function buttonsBox(buttons, ctx) {
  var box = el("div", "buttons");
  buttons.forEach(function (button) {
    if (!isRecord(button)) return;
    var title = str(button.title) || "(nút không tên)";
    var type = str(button.type);
    var payload = button.payload;
    var url = isRecord(payload) ? safeUrl(payload.url) : null;
    if ((type === "oa.query.show" || type === "oa.query.hide") && typeof payload === "string") {
      var query = el("button", "oa-btn", title);
      query.type = "button";
      query.setAttribute("data-testid", "oa-button");
      query.title = "Gửi “" + payload + "” như khi bấm nút trong Zalo";
      query.addEventListener("click", function () { ctx.sendText(payload); });
      box.appendChild(query);
    } else if (type === "oa.open.url" && url) {
      var open = link(title, url, "oa-btn");
      open.setAttribute("data-testid", "oa-button");
      box.appendChild(open);
      var path = miniAppPath(url, ctx.miniAppId);
      if (path) box.appendChild(link("Mở trong Mini App (sandbox)", path, "oa-btn mini"));
    } else if (type === "oa.open.phone" && isRecord(payload) && str(payload.phone_code)) {
      box.appendChild(link(title, "tel:" + str(payload.phone_code).replace(/[^\d+]/g, ""), "oa-btn"));
    } else {
      var other = el("button", "oa-btn", title + " (" + (type || "không rõ loại") + ")");
      other.type = "button";
      other.disabled = true;
      box.appendChild(other);
    }
  });
  return box;
}
function attachmentPayload(payload) {
  var message = isRecord(payload.message) ? payload.message : {};
  var attachment = isRecord(message.attachment) ? message.attachment : {};
  return { message: message, body: isRecord(attachment.payload) ? attachment.payload : {} };
}
function mediaImages(body) {
  var urls = [];
  if (body.template_type === "media" && Array.isArray(body.elements)) {
    body.elements.forEach(function (item) { if (isRecord(item) && safeUrl(item.url)) urls.push(item.url); });
  }
  return urls;
}
/** Template messages (by UID, transaction/promotion) are cards, as Zalo draws them. */
function isTemplate(channel, body) {
  var type = str(body.template_type);
  return channel === "oa_template" || type.indexOf("transaction") === 0 || type === "promotion";
}
function templateCard(m, payload, body, at, ctx) {
  var row = messageRow("oa", "bubble-oa", at);
  row.bubble.className += " card";
  row.bubble.setAttribute("data-kind", "template");
  row.bubble.appendChild(el("div", "card-head", "Tin mẫu" + (body.template_type ? " · " + str(body.template_type) : "")));
  var inner = el("div", "card-body");
  if (Array.isArray(body.elements)) {
    body.elements.forEach(function (item) {
      if (!isRecord(item)) return;
      if (item.type === "banner" && safeUrl(item.image_url)) inner.appendChild(image(item.image_url, "Ảnh"));
      else if (item.type === "header") inner.appendChild(el("h3", "", str(item.content)));
      else if (item.type === "table" && Array.isArray(item.content)) {
        var pairs = {};
        item.content.forEach(function (cell) { if (isRecord(cell)) pairs[str(cell.key)] = cell.value; });
        inner.appendChild(keyValues(pairs));
      } else if (str(item.content)) inner.appendChild(el("p", "", str(item.content)));
    });
  }
  var message = isRecord(payload.message) ? payload.message : {};
  if (str(message.text)) inner.appendChild(el("p", "", str(message.text)));
  if (payload.template_id) inner.appendChild(el("p", "", templateTitle(payload.template_id, ctx)));
  if (isRecord(payload.template_data)) inner.appendChild(keyValues(payload.template_data));
  inner.appendChild(rawJson(payload));
  row.bubble.appendChild(inner);
  if (Array.isArray(body.buttons) && body.buttons.length > 0) row.bubble.appendChild(buttonsBox(body.buttons, ctx));
  return row.root;
}

function templateTitle(id, ctx) {
  var name = ctx.templates ? ctx.templates[str(id)] : "";
  return name ? name + " (mẫu " + str(id) + ")" : "Mẫu số " + str(id);
}

/** A message the product sent to this resident (a row of GET /sandbox/api/messages). */
function oaNode(m, ctx) {
  var payload = isRecord(m.payload) ? m.payload : {};
  var at = Date.parse(m.createdAt);
  var parts = attachmentPayload(payload);
  if (isTemplate(m.channel, parts.body)) return templateCard(m, payload, parts.body, at, ctx);
  var row = messageRow("oa", "bubble-oa", at);
  var shown = false;
  mediaImages(parts.body).forEach(function (url) { row.bubble.appendChild(image(url, "Ảnh từ OA")); shown = true; });
  if (str(parts.message.text)) { row.bubble.appendChild(el("span", "", str(parts.message.text))); shown = true; }
  if (Array.isArray(parts.body.buttons) && parts.body.buttons.length > 0) {
    row.bubble.appendChild(buttonsBox(parts.body.buttons, ctx));
    shown = true;
  }
  if (!shown) row.bubble.appendChild(rawJson(payload));
  return row.root;
}

/** The "Nhóm & ZNS" tab: a group post or a ZNS message (phone masked, in the raw data too). */
function feedNode(m, groupName, ctx) {
  var payload = isRecord(m.payload) ? m.payload : {};
  var card = el("div", "bubble card");
  card.setAttribute("data-testid", "feed-item");
  var inner = el("div", "card-body");
  if (m.channel === "zns") {
    card.appendChild(el("div", "card-head zns", "ZNS tới " + maskPhone(payload.phone || m.recipient) + " · " + clock(Date.parse(m.createdAt))));
    inner.appendChild(el("p", "", templateTitle(payload.template_id || "?", ctx)));
    if (isRecord(payload.template_data)) inner.appendChild(keyValues(payload.template_data));
    var shown = Object.assign({}, payload);
    if (shown.phone) shown.phone = maskPhone(shown.phone);
    inner.appendChild(rawJson(shown));
  } else {
    var head = m.channel === "oa_group" ? "Nhóm: " + (groupName || m.recipient) : "Kênh " + m.channel;
    card.appendChild(el("div", "card-head group", head + " · " + clock(Date.parse(m.createdAt))));
    var parts = attachmentPayload(payload);
    mediaImages(parts.body).forEach(function (url) { inner.appendChild(image(url, "Ảnh đăng nhóm")); });
    if (str(parts.message.text)) inner.appendChild(el("p", "", str(parts.message.text)));
    inner.appendChild(rawJson(payload));
  }
  card.appendChild(inner);
  return card;
}
`;

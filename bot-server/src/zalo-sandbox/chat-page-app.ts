/**
 * Second half of the sandbox page's script: the residents, the conversation of the chosen one, sending
 * (each action is one signed webhook event, see chat-routes.ts) and polling every second with an `after`
 * cursor, so a poll carries only what is new. A failed send shows why and keeps the typed text.
 */
export const CHAT_PAGE_APP = `
var POLL_MS = 1000;
var $ = function (id) { return document.getElementById(id); };
var state = { info: {}, residents: [], current: null, generation: 0, chatCursor: 0, chatLoaded: false,
  feedCursor: 0, feedLoaded: false, feedUnseen: 0, groups: {}, templates: {}, busy: false, polling: false, offline: false };

/** JSON in and out; a refusal becomes an Error carrying the server's Vietnamese message. */
function api(method, path, body) {
  var init = { method: method, headers: body === undefined ? {} : { "Content-Type": "application/json" } };
  if (body !== undefined) init.body = JSON.stringify(body);
  return fetch("/sandbox/api" + path, init).then(function (response) {
    return response.text().then(function (text) {
      var data = null;
      try { data = text ? JSON.parse(text) : null; } catch (ignored) { data = null; }
      if (response.ok) return data;
      var fields = data && isRecord(data.fields) ? Object.keys(data.fields).map(function (k) { return data.fields[k]; }) : [];
      throw new Error(fields.length > 0 ? fields.join(" ") : data && data.message ? data.message : "Máy chủ trả lỗi HTTP " + response.status + ".");
    });
  }, function () {
    throw new Error("Không kết nối được máy chủ sandbox. Máy chủ có đang chạy không?");
  });
}
function showError(text) {
  var box = $("chat-error");
  var conversation = $("conversation");
  var nearBottom = conversation.scrollHeight - conversation.scrollTop - conversation.clientHeight < 80;
  box.textContent = text;
  box.hidden = false;
  // The strip takes room from the conversation: keep its last message in sight.
  if (nearBottom) conversation.scrollTop = conversation.scrollHeight;
}
function hideError() { $("chat-error").hidden = true; state.offline = false; }
function renderCtx() {
  return { miniAppId: str(state.info.miniAppId), templates: state.templates, sendText: function (text) { sendEvent("text", text); } };
}

/** Inserts a node in time order (a reply may be polled before the POST that caused it returns). */
function place(node, scroll) {
  var box = $("conversation");
  var at = Number(node.getAttribute("data-at")) || 0;
  var after = box.lastChild;
  while (after && after.getAttribute && after.hasAttribute("data-at") && Number(after.getAttribute("data-at")) > at) after = after.previousSibling;
  var nearBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 80;
  box.insertBefore(node, after ? after.nextSibling : box.firstChild);
  var empty = $("empty-hint");
  if (empty) empty.remove();
  if (scroll || nearBottom) box.scrollTop = box.scrollHeight;
}
function followHint() {
  var hint = el("p", "hint", "Bạn chưa quan tâm OA này. Bấm “Quan tâm” ở trên để nhận lời chào và thông báo của phường; bạn vẫn có thể nhắn tin hỏi.");
  hint.id = "follow-hint";
  return hint;
}
function renderFollow() {
  var r = state.current;
  var toggle = $("follow");
  toggle.disabled = !r || state.busy;
  toggle.textContent = r && r.following ? "Bỏ quan tâm" : "Quan tâm";
  toggle.setAttribute("aria-pressed", r && r.following ? "true" : "false");
  var hint = $("follow-hint");
  if (r && !r.following && !hint) $("conversation").insertBefore(followHint(), $("conversation").firstChild);
  if ((!r || r.following) && hint) hint.remove();
}
function setBusy(busy) {
  state.busy = busy;
  document.querySelectorAll(".tools button, .send").forEach(function (b) { b.disabled = busy || !state.current; });
  renderFollow();
}

function residentLabel(r) { return r.displayName + (r.miniAppUser ? " (đã dùng Mini App)" : ""); }
function renderResidents() {
  var select = $("resident");
  select.textContent = "";
  if (state.residents.length === 0) select.appendChild(el("option", "", "Chưa có cư dân"));
  state.residents.forEach(function (r) {
    var option = el("option", "", residentLabel(r));
    option.value = r.id;
    select.appendChild(option);
  });
  select.disabled = state.residents.length === 0;
  if (state.current) select.value = state.current.id;
}
function loadResidents(preferredId) {
  return api("GET", "/chat/residents").then(function (data) {
    state.residents = data.residents;
    var wanted = state.residents.filter(function (r) { return r.id === preferredId; })[0] || state.residents[0] || null;
    renderResidents();
    selectResident(wanted);
  });
}
function updateResident(fresh) {
  state.residents = state.residents.map(function (r) { return r.id === fresh.id ? fresh : r; });
  if (state.current && state.current.id === fresh.id) state.current = fresh;
  renderFollow();
}

/** Opens one resident's conversation: their own events and the OA's messages, merged by time. */
function selectResident(resident) {
  state.current = resident;
  state.generation += 1;
  state.chatCursor = 0;
  state.chatLoaded = false;
  var generation = state.generation;
  var box = $("conversation");
  box.textContent = "";
  hideError();
  renderResidents();
  setBusy(state.busy);
  if (!resident) {
    box.appendChild(el("p", "hint", "Chưa có cư dân nào. Bấm “Thêm cư dân” để bắt đầu trò chuyện với OA của phường."));
    return;
  }
  history.replaceState(null, "", "#" + resident.id);
  var loading = el("p", "hint", "Đang tải cuộc trò chuyện…");
  box.appendChild(loading);
  Promise.all([
    api("GET", "/chat/residents/" + resident.id + "/events"),
    api("GET", "/messages?recipient=" + encodeURIComponent(resident.id) + "&after=0"),
  ]).then(function (results) {
    if (generation !== state.generation) return;
    loading.remove();
    var ctx = renderCtx();
    var items = results[0].events.map(function (view) { return { at: view.at, node: residentNode(view) }; });
    results[1].messages.forEach(function (m) {
      state.chatCursor = Math.max(state.chatCursor, m.id);
      items.push({ at: Date.parse(m.createdAt), node: oaNode(m, ctx) });
    });
    items.sort(function (a, b) { return a.at - b.at; });
    if (items.length === 0) {
      var empty = el("p", "hint", "Chưa có tin nhắn. Hãy hỏi OA, ví dụ “làm giấy khai sinh cần những gì?”");
      empty.id = "empty-hint";
      box.appendChild(empty);
    }
    items.forEach(function (item) { box.appendChild(item.node); });
    renderFollow();
    box.scrollTop = box.scrollHeight;
    state.chatLoaded = true;
  }).catch(function (error) {
    if (generation === state.generation) { loading.remove(); showError(error.message); }
  });
}

/** One resident action → one signed webhook event; resolves true when the webhook accepted it. */
function sendEvent(kind, text) {
  var resident = state.current;
  if (!resident) { showError("Hãy thêm hoặc chọn một cư dân trước."); return Promise.resolve(false); }
  if (state.busy) return Promise.resolve(false);
  var generation = state.generation;
  setBusy(true);
  return api("POST", "/chat/residents/" + resident.id + "/events", text === undefined ? { kind: kind } : { kind: kind, text: text })
    .then(function (data) {
      updateResident(data.resident);
      if (!data.accepted) {
        showError("Máy chủ không nhận sự kiện (HTTP " + data.webhookStatus + ")" + (data.refusal ? ": " + data.refusal : "."));
        return false;
      }
      hideError();
      if (generation === state.generation) place(residentNode(data.event), true);
      return true;
    })
    .catch(function (error) { showError("Không gửi được: " + error.message); return false; })
    .then(function (ok) { setBusy(false); return ok; });
}

function pollChat() {
  var resident = state.current;
  if (!resident || !state.chatLoaded) return Promise.resolve();
  var generation = state.generation;
  return api("GET", "/messages?recipient=" + encodeURIComponent(resident.id) + "&after=" + state.chatCursor).then(function (data) {
    if (generation !== state.generation) return;
    var ctx = renderCtx();
    data.messages.forEach(function (m) {
      if (m.id <= state.chatCursor) return;
      state.chatCursor = m.id;
      place(oaNode(m, ctx), false);
    });
  });
}
function pollFeed() {
  return api("GET", "/messages?channel=oa_group,zns&after=" + state.feedCursor).then(function (data) {
    var feed = $("feed");
    var fresh = data.messages.filter(function (m) { return m.id > state.feedCursor; });
    if (fresh.length === 0) { state.feedLoaded = true; return; }
    var unknownGroup = fresh.some(function (m) { return m.channel === "oa_group" && !state.groups[m.recipient]; });
    return (unknownGroup ? loadGroups() : Promise.resolve()).then(function () {
      var empty = $("feed-empty");
      if (empty) empty.remove();
      fresh.forEach(function (m) {
        state.feedCursor = Math.max(state.feedCursor, m.id);
        feed.insertBefore(feedNode(m, state.groups[m.recipient], renderCtx()), feed.firstChild);
      });
      if (state.feedLoaded && $("view-feed").hidden) state.feedUnseen += fresh.length;
      state.feedLoaded = true;
      renderBadge();
    });
  });
}
function loadGroups() {
  return api("GET", "/chat/groups").then(function (data) {
    data.groups.forEach(function (g) { state.groups[g.id] = g.name; });
  }).catch(function () {});
}
function renderBadge() {
  var badge = $("feed-badge");
  badge.hidden = state.feedUnseen === 0;
  badge.textContent = String(state.feedUnseen);
}
function poll() {
  if (state.polling) return;
  state.polling = true;
  Promise.all([pollChat(), pollFeed()]).then(function () {
    if (state.offline) hideError();
  }, function () {
    state.offline = true;
    showError("Mất kết nối tới máy chủ sandbox. Đang thử lại…");
  }).then(function () { state.polling = false; });
}

function showTab(name) {
  ["chat", "feed"].forEach(function (tab) {
    $("tab-" + tab).setAttribute("aria-selected", tab === name ? "true" : "false");
    $("view-" + tab).hidden = tab !== name;
  });
  if (name === "feed") { state.feedUnseen = 0; renderBadge(); }
}

function openAddDialog() {
  $("add-error").hidden = true;
  $("add-form").reset();
  var select = $("add-link");
  while (select.options.length > 1) select.remove(1);
  api("GET", "/chat/mini-app-users").then(function (data) {
    data.users.forEach(function (u) {
      var option = el("option", "", u.name + " (đã dùng Mini App)");
      option.value = u.id;
      option.setAttribute("data-name", u.name);
      select.appendChild(option);
    });
  }).catch(function () {});
  $("add-dialog").showModal();
  $("add-name").focus();
}
function submitAdd(event) {
  event.preventDefault();
  var body = { displayName: $("add-name").value };
  if ($("add-link").value) body.linkToSandboxUserId = $("add-link").value;
  api("POST", "/chat/residents", body).then(function (data) {
    $("add-dialog").close();
    return loadResidents(data.resident.id);
  }).catch(function (error) {
    $("add-error").textContent = error.message;
    $("add-error").hidden = false;
  });
}

$("composer").addEventListener("submit", function (event) {
  event.preventDefault();
  var input = $("chat-input");
  var text = input.value;
  if (text.trim() === "") { showError("Vui lòng nhập tin nhắn."); input.focus(); return; }
  sendEvent("text", text).then(function (ok) {
    if (ok && input.value === text) input.value = "";
    input.focus();
  });
});
document.querySelectorAll(".tools button").forEach(function (button) {
  button.addEventListener("click", function () { sendEvent(button.getAttribute("data-kind")); });
});
$("follow").addEventListener("click", function () {
  if (state.current) sendEvent(state.current.following ? "unfollow" : "follow");
});
$("resident").addEventListener("change", function (event) {
  selectResident(state.residents.filter(function (r) { return r.id === event.target.value; })[0] || null);
});
$("tab-chat").addEventListener("click", function () { showTab("chat"); });
$("tab-feed").addEventListener("click", function () { showTab("feed"); });
$("add").addEventListener("click", openAddDialog);
$("add-cancel").addEventListener("click", function () { $("add-dialog").close(); });
$("add-form").addEventListener("submit", submitAdd);
$("add-link").addEventListener("change", function (event) {
  var chosen = event.target.selectedOptions[0];
  if (chosen && chosen.value && $("add-name").value.trim() === "") $("add-name").value = chosen.getAttribute("data-name") || "";
});

var templatesLoaded = api("GET", "/chat/templates").then(function (data) {
  data.templates.forEach(function (t) { state.templates[t.templateId] = t.templateName; });
}).catch(function () {});
Promise.all([api("GET", "/info").then(function (info) { state.info = info; }), templatesLoaded]).catch(function () {}).then(function () {
  return loadResidents(location.hash.slice(1));
}).catch(function (error) { showError(error.message); });
loadGroups();
setInterval(poll, POLL_MS);
`;

/**
 * The sandbox chat page's stylesheet: a phone-shaped frame about 390 px wide on a desktop, the whole
 * screen on a phone. Inline in the page's <style>: the page CSP allows inline styles, not inline scripts.
 * Colours follow Zalo's chat (blue header, light-blue own bubbles, white bubbles from the OA).
 */
export const CHAT_PAGE_STYLE = `
:root { --blue: #0068ff; --ink: #141a21; --muted: #67727e; --line: #dfe3e8; --chat: #e2e9f1; --mine: #d4e5ff; --red: #c62828; }
* { box-sizing: border-box; }
/* Author display rules would otherwise beat the hidden attribute (badge, errors, views). */
[hidden] { display: none !important; }
html, body { height: 100%; margin: 0; }
body { font: 15px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink);
  background: #cfd7e1; display: flex; align-items: center; justify-content: center; }
button, input, select { font: inherit; color: inherit; }
button { cursor: pointer; }
/* 410 px with the 10 px bezel: a 390 px screen, the width the e2e tests use. The page fills the window
   less the demo-server banner, when there is one (http/sandbox-banner.ts sets --dvc-banner-h). */
.phone { position: relative; width: 410px; height: min(844px, calc(100vh - 32px - var(--dvc-banner-h, 0px))); display: flex; flex-direction: column;
  background: #fff; border: 10px solid #1b1f24; border-radius: 40px; overflow: hidden; box-shadow: 0 12px 40px rgba(0,0,0,.25); }
@media (max-width: 480px) {
  body { display: block; }
  .phone { width: 100%; height: calc(100vh - var(--dvc-banner-h, 0px)); height: calc(100dvh - var(--dvc-banner-h, 0px)); border: 0; border-radius: 0; box-shadow: none; }
}
.oa-head { display: flex; align-items: center; gap: 10px; padding: 12px 12px 10px; background: var(--blue); color: #fff; }
.oa-avatar { flex: none; width: 38px; height: 38px; border-radius: 50%; background: #fff; color: var(--blue);
  display: grid; place-items: center; font-weight: 700; font-size: 14px; }
.oa-title { flex: 1; min-width: 0; }
.oa-title h1 { margin: 0; font-size: 15px; line-height: 1.25; font-weight: 600; overflow-wrap: anywhere; }
.oa-title p { margin: 0; font-size: 12px; opacity: .9; }
.follow { flex: none; border: 1px solid #fff; background: #fff; color: var(--blue); border-radius: 16px; padding: 5px 12px;
  font-size: 13px; font-weight: 600; }
.follow[aria-pressed="true"] { background: transparent; color: #fff; }
.follow:disabled { opacity: .6; cursor: default; }
.who { display: flex; align-items: center; gap: 8px; padding: 8px 12px; border-bottom: 1px solid var(--line); background: #f6f8fa; }
.who label { font-size: 13px; color: var(--muted); flex: none; }
.who select { flex: 1; min-width: 0; padding: 6px 8px; border: 1px solid var(--line); border-radius: 8px; background: #fff; }
.link-btn { flex: none; border: 0; background: none; color: var(--blue); font-weight: 600; font-size: 13px; padding: 6px 2px; }
.tabs { display: flex; border-bottom: 1px solid var(--line); }
.tabs button { flex: 1; border: 0; background: #fff; padding: 9px 4px; font-size: 14px; color: var(--muted); border-bottom: 2px solid transparent; }
.tabs button[aria-selected="true"] { color: var(--blue); border-bottom-color: var(--blue); font-weight: 600; }
.badge { display: inline-block; min-width: 18px; margin-left: 4px; padding: 0 5px; border-radius: 9px; background: var(--red);
  color: #fff; font-size: 11px; line-height: 18px; }
.view { flex: 1; min-height: 0; display: flex; flex-direction: column; }
.conversation, .feed { flex: 1; min-height: 0; overflow-y: auto; padding: 12px 10px; background: var(--chat);
  display: flex; flex-direction: column; gap: 8px; }
.hint { align-self: center; max-width: 88%; text-align: center; font-size: 13px; color: var(--muted); background: rgba(255,255,255,.7);
  border-radius: 12px; padding: 8px 12px; }
.system { align-self: center; font-size: 12px; color: #fff; background: rgba(20,26,33,.45); border-radius: 10px; padding: 3px 10px; }
.msg { max-width: 82%; display: flex; flex-direction: column; }
.msg.mine { align-self: flex-end; align-items: flex-end; }
.msg.oa { align-self: flex-start; align-items: flex-start; }
.bubble { background: #fff; border-radius: 14px; padding: 8px 11px; box-shadow: 0 1px 1px rgba(0,0,0,.06);
  white-space: pre-wrap; overflow-wrap: anywhere; }
.mine .bubble { background: var(--mine); border-bottom-right-radius: 4px; }
.oa .bubble { border-bottom-left-radius: 4px; }
.bubble.bare { background: none; box-shadow: none; padding: 0; }
.bubble img { display: block; max-width: 220px; border-radius: 10px; }
.bubble.bare img { max-width: 110px; }
.time { font-size: 11px; color: var(--muted); margin: 2px 4px 0; }
.buttons { display: flex; flex-direction: column; margin: 8px -11px -8px; border-top: 1px solid var(--line); }
.oa-btn { display: block; border: 0; border-bottom: 1px solid var(--line); background: none; padding: 9px 11px; text-align: center;
  color: var(--blue); font-weight: 600; font-size: 14px; text-decoration: none; white-space: normal; }
.oa-btn:last-child { border-bottom: 0; }
.oa-btn.mini { color: #0a7d38; font-weight: 500; font-size: 13px; background: #f1faf4; }
.oa-btn:disabled { color: var(--muted); cursor: default; }
.card { white-space: normal; padding: 0; overflow: hidden; min-width: 230px; }
.card-head { background: var(--blue); color: #fff; font-size: 12px; padding: 6px 11px; font-weight: 600; }
.card-head.group { background: #7048e8; }
.card-head.zns { background: #0a7d38; }
.card-body { padding: 8px 11px; }
.card-body h3 { margin: 0 0 4px; font-size: 15px; }
.card-body p { margin: 0 0 6px; white-space: pre-wrap; overflow-wrap: anywhere; }
.card .buttons { margin: 0; }
table.kv { width: 100%; border-collapse: collapse; font-size: 13px; }
table.kv th { text-align: left; color: var(--muted); font-weight: 400; padding: 2px 8px 2px 0; vertical-align: top; width: 40%; }
table.kv td { padding: 2px 0; overflow-wrap: anywhere; }
details { font-size: 12px; color: var(--muted); margin-top: 4px; }
details pre { white-space: pre-wrap; overflow-wrap: anywhere; font: 11px/1.35 ui-monospace, Menlo, monospace; margin: 4px 0 0; }
.feed .card { align-self: stretch; border-radius: 12px; }
.error { margin: 0; padding: 8px 12px; background: #fdecea; color: var(--red); font-size: 13px; border-top: 1px solid #f5c6c2; }
.tools { display: flex; gap: 6px; padding: 6px 10px 0; background: #fff; border-top: 1px solid var(--line); }
.tools button { border: 1px solid var(--line); background: #f6f8fa; border-radius: 14px; padding: 3px 10px; font-size: 13px; }
.composer { display: flex; gap: 8px; padding: 8px 10px 10px; background: #fff; }
.composer input { flex: 1; min-width: 0; border: 1px solid var(--line); border-radius: 20px; padding: 9px 14px; background: #f6f8fa; }
.composer input:focus { outline: 2px solid #9cc2ff; background: #fff; }
.send { flex: none; border: 0; border-radius: 20px; background: var(--blue); color: #fff; padding: 0 16px; font-weight: 600; }
.send:disabled, .tools button:disabled { opacity: .5; cursor: default; }
dialog { width: min(340px, 92vw); border: 0; border-radius: 16px; padding: 16px; box-shadow: 0 10px 40px rgba(0,0,0,.3); }
dialog::backdrop { background: rgba(20,26,33,.45); }
dialog h2 { margin: 0 0 12px; font-size: 17px; }
dialog label { display: block; font-size: 13px; color: var(--muted); margin: 10px 0 4px; }
dialog input, dialog select { width: 100%; padding: 8px 10px; border: 1px solid var(--line); border-radius: 8px; background: #fff; }
dialog input:focus, dialog select:focus { outline: 2px solid #9cc2ff; outline-offset: 0; }
dialog .note { font-size: 12px; color: var(--muted); margin: 6px 0 0; }
dialog .actions { display: flex; justify-content: flex-end; gap: 8px; margin-top: 16px; }
dialog .actions button { border: 0; border-radius: 8px; padding: 8px 14px; background: #eef1f4; }
dialog .actions .primary { background: var(--blue); color: #fff; font-weight: 600; }
dialog .error { margin-top: 10px; border-radius: 8px; border: 0; }
`;

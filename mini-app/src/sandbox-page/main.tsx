/**
 * The /sandbox page (sandbox mode only): a stand-in for the Zalo app, in which you are a resident of the
 * commune chatting with its Official Account. Built by mini-app/vite.sandbox.config.ts into its own
 * folder, so it never ships with the citizen Mini App.
 */
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { SandboxChatPage } from "./sandbox-chat-page";
// In cascade order: the frame, then the messages, then the dialog.
import "./sandbox-page.css";
import "./sandbox-messages.css";
import "./sandbox-dialog.css";

const root = document.getElementById("root");
if (!root) throw new Error("Trang sandbox thiếu phần tử #root");
createRoot(root).render(
  <StrictMode>
    <SandboxChatPage />
  </StrictMode>,
);

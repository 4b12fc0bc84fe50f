import "zmp-ui/zaui.css";
import "./ui/theme.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { AppShell } from "./app";

const container = document.getElementById("app");
if (!container) throw new Error("index.html has no #app element");
createRoot(container).render(
  <StrictMode>
    <AppShell />
  </StrictMode>,
);

import "zmp-ui/zaui.css";
import "./ui/theme.css";
import "./ui/app.css";
import "./ui/home.css";
import "./ui/lists.css";
import "./ui/overlays.css";
import "./ui/tracking.css";
import "./ui/forms.css";
import "./ui/wizard.css";
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

import "./ui/zmp-ui-styles";
import "./ui/theme.css";
import "./ui/app.css";
import "./ui/home.css";
import "./ui/lists.css";
import "./ui/overlays.css";
import "./ui/tracking.css";
import "./ui/forms.css";
import "./ui/wizard.css";
import { lazy, StrictMode, Suspense } from "react";
import { createRoot } from "react-dom/client";
import { AppShell } from "./app";
import { preparePlatform } from "./platform/zalo";
import { isOfficerPath } from "./routes";
import { Loading } from "./ui/notice";

/** Officers' screens load only at /can-bo: a citizen's phone never downloads them. */
const OfficerArea = lazy(() => import("./officer/officer-app"));

const container = document.getElementById("app");
if (!container) throw new Error("index.html has no #app element");
const root = createRoot(container);
// Outside Zalo this resolves at once; inside, it waits for the SDK that holds the stored session.
void preparePlatform().then(() =>
  root.render(
    <StrictMode>
      {isOfficerPath(window.location.pathname) ? (
        <Suspense fallback={<Loading text="Đang mở…" />}>
          <OfficerArea />
        </Suspense>
      ) : (
        <AppShell />
      )}
    </StrictMode>,
  ),
);

import { type ComponentType, lazy, type ReactNode, Suspense, useEffect, useRef } from "react";
import { AnimationRoutes, App, Route, SnackbarProvider, useLocation, useNavigate, ZMPRouter } from "zmp-ui";
import { CommunePickerPage } from "./citizen/commune-picker-page";
import { HomePage } from "./citizen/home-page";
import { forgetPlace, recentPlace } from "./citizen/last-place";
import { isInsideZalo } from "./platform/zalo";
import { ROUTES } from "./routes";
import { Loading } from "./ui/notice";

/**
 * Screens past Home load on demand: the first load stays small on a weak connection, and a citizen who
 * only looks something up never downloads the form engine.
 */
const ProcedurePage = lazy(() => import("./procedure/procedure-page"));
const StartDraftPage = lazy(() => import("./wizard/start-draft-page"));
const WizardRoute = lazy(() => import("./wizard/wizard-route"));
const ReceiptPage = lazy(() => import("./dossiers/receipt-page"));
const DossierListPage = lazy(() => import("./dossiers/dossier-list-page"));
const DossierPage = lazy(() => import("./dossiers/dossier-page"));
const MyDataPage = lazy(() => import("./my-data/my-data-page"));

function OnDemand({ page: Page }: { page: ComponentType }): ReactNode {
  return (
    <Suspense fallback={<Loading text="Đang mở…" />}>
      <Page />
    </Suspense>
  );
}

/**
 * Outside Zalo the router's history lives in memory, so a reload would land on Home: reopen the form page
 * the citizen was on moments ago instead (answers are on the device already).
 */
function ResumeLastPlace() {
  const navigate = useNavigate();
  const location = useLocation();
  const done = useRef(false);
  useEffect(() => {
    if (!done.current) {
      done.current = true;
      const place = recentPlace();
      if (place && location.pathname === ROUTES.home) navigate(place, { animate: false });
      return;
    }
    // Left the form on purpose (Home, tracking…): a reload then opens where the citizen is now.
    if (!location.pathname.startsWith("/nop/")) forgetPlace();
  }, [navigate, location.pathname]);
  return null;
}

/**
 * The app shell. Outside Zalo the router keeps its history in memory: zmp-ui's browser router only
 * matches under /zapps/<appId> in a production build, so the web preview would render nothing.
 */
export function AppShell() {
  return (
    <App theme="light">
      <SnackbarProvider>
        <ZMPRouter memoryRouter={!isInsideZalo()}>
          <ResumeLastPlace />
          <AnimationRoutes>
            <Route path={ROUTES.home} element={<HomePage />} />
            <Route path={ROUTES.communePicker} element={<CommunePickerPage />} />
            <Route path={ROUTES.procedure} element={<OnDemand page={ProcedurePage} />} />
            <Route path={ROUTES.startDraft} element={<OnDemand page={StartDraftPage} />} />
            <Route path={ROUTES.draftStep} element={<OnDemand page={WizardRoute} />} />
            <Route path={ROUTES.receipt} element={<OnDemand page={ReceiptPage} />} />
            <Route path={ROUTES.dossiers} element={<OnDemand page={DossierListPage} />} />
            <Route path={ROUTES.dossier} element={<OnDemand page={DossierPage} />} />
            <Route path={ROUTES.myData} element={<OnDemand page={MyDataPage} />} />
          </AnimationRoutes>
        </ZMPRouter>
      </SnackbarProvider>
    </App>
  );
}

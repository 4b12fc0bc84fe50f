import { type ComponentType, lazy, type ReactNode, Suspense, useEffect } from "react";
import { Navigate } from "react-router-dom";
import { AnimationRoutes, App, Route, SnackbarProvider } from "zmp-ui";
import { HomePage } from "./citizen/home-page";
import { AppRouter } from "./platform/router";
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
const NoticeListPage = lazy(() => import("./notices/notice-list-page"));
const NoticePage = lazy(() => import("./notices/notice-page"));

/**
 * The commune picker carries zmp-ui's Input (its largest component) and the search: a quarter of what
 * Home would otherwise wait for on a slow line. It loads once Home is up (AppShell), so a tap on
 * "Chọn xã/phường" rarely waits.
 */
const loadCommunePicker = () => import("./citizen/commune-picker-page");
const CommunePickerPage = lazy(() => loadCommunePicker().then((m) => ({ default: m.CommunePickerPage })));

function OnDemand({ page: Page }: { page: ComponentType }): ReactNode {
  return (
    <Suspense fallback={<Loading text="Đang mở…" />}>
      <Page />
    </Suspense>
  );
}

/**
 * The app shell. Every screen has its own address (platform/router.tsx): in the web preview a reload,
 * the back button and a pasted or chat link land on that screen; inside Zalo too, as far as Zalo hands
 * the link's path to the app (shared/src/links/mini-app.ts). An address that is no screen opens Home.
 */
export function AppShell() {
  useEffect(() => {
    loadCommunePicker().catch(() => undefined);
  }, []);
  return (
    <App theme="light">
      <SnackbarProvider>
        <AppRouter home={ROUTES.home}>
          <AnimationRoutes>
            <Route path={ROUTES.home} element={<HomePage />} />
            <Route path={ROUTES.communePicker} element={<OnDemand page={CommunePickerPage} />} />
            <Route path={ROUTES.procedure} element={<OnDemand page={ProcedurePage} />} />
            <Route path={ROUTES.startDraft} element={<OnDemand page={StartDraftPage} />} />
            <Route path={ROUTES.draftStep} element={<OnDemand page={WizardRoute} />} />
            <Route path={ROUTES.receipt} element={<OnDemand page={ReceiptPage} />} />
            <Route path={ROUTES.dossiers} element={<OnDemand page={DossierListPage} />} />
            <Route path={ROUTES.dossier} element={<OnDemand page={DossierPage} />} />
            <Route path={ROUTES.myData} element={<OnDemand page={MyDataPage} />} />
            <Route path={ROUTES.notices} element={<OnDemand page={NoticeListPage} />} />
            <Route path={ROUTES.notice} element={<OnDemand page={NoticePage} />} />
            <Route path="*" element={<Navigate to={ROUTES.home} replace />} />
          </AnimationRoutes>
        </AppRouter>
      </SnackbarProvider>
    </App>
  );
}

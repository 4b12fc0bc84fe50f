import { AnimationRoutes, App, Route, SnackbarProvider, ZMPRouter } from "zmp-ui";
import { CommunePickerPage } from "./citizen/commune-picker-page";
import { HomePage } from "./citizen/home-page";
import { isInsideZalo } from "./platform/zalo";
import { ROUTES } from "./routes";

/**
 * The app shell. Outside Zalo the router keeps its history in memory: zmp-ui's browser router only
 * matches under /zapps/<appId> in a production build, so the web preview would render nothing.
 */
export function AppShell() {
  return (
    <App theme="light">
      <SnackbarProvider>
        <ZMPRouter memoryRouter={!isInsideZalo()}>
          <AnimationRoutes>
            <Route path={ROUTES.home} element={<HomePage />} />
            <Route path={ROUTES.communePicker} element={<CommunePickerPage />} />
          </AnimationRoutes>
        </ZMPRouter>
      </SnackbarProvider>
    </App>
  );
}

/**
 * The bench baseline for the citizen entry's first load: the smallest real zmp-ui app with the same
 * shell as ours (App, memory router, one Page with a title), built with the same Vite and plugins in
 * the same run.
 */
import { createRoot } from "react-dom/client";
import { AnimationRoutes, App, Page, Route, Text, ZMPRouter } from "zmp-ui";
import "zmp-ui/zaui.css";

function Hello() {
  return (
    <App>
      <ZMPRouter memoryRouter>
        <AnimationRoutes>
          <Route
            path="/"
            element={
              <Page>
                <Text.Title>Xin chào</Text.Title>
              </Page>
            }
          />
        </AnimationRoutes>
      </ZMPRouter>
    </App>
  );
}

const container = document.getElementById("app");
if (container) createRoot(container).render(<Hello />);

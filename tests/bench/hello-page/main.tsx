/**
 * The bench baseline for the citizen entry's first load: the smallest real zmp-ui app (App, Page,
 * Text), built with the same Vite and plugins in the same run.
 */
import { createRoot } from "react-dom/client";
import { App, Page, Text } from "zmp-ui";
import "zmp-ui/zaui.css";

function Hello() {
  return (
    <App>
      <Page>
        <Text.Title>Xin chào</Text.Title>
      </Page>
    </App>
  );
}

const container = document.getElementById("app");
if (container) createRoot(container).render(<Hello />);

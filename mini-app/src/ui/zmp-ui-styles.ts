/**
 * zmp-ui's styles for the components this app uses, instead of the whole zaui.css: under half
 * of its 15.5 kB gzip on the first load, and about half the rules for the phone to match on every layout.
 *
 * portal.css is zmp-ui's shared base alone (theme variables, keyframes). Every other file below repeats
 * that base; the Vite plugin in vite.config.ts (zmpUiBaseOnce) keeps it once. The order is zaui.css's,
 * so the cascade is the same. A component not listed here renders unstyled: zmp-ui-styles.test.ts fails
 * when the sources use one (or one that a used component renders) whose styles are missing.
 */
import "zmp-ui/portal/styles/portal.css";
import "zmp-ui/button/styles/button.css";
import "zmp-ui/app/styles/app.css";
import "zmp-ui/icon/styles/icon.css";
import "zmp-ui/input/styles/input.css";
import "zmp-ui/router/styles/router.css";
import "zmp-ui/page/styles/page.css";
import "zmp-ui/progress/styles/progress.css";
import "zmp-ui/header/styles/header.css";
import "zmp-ui/snackbar-provider/styles/snackbar-provider.css";

/**
 * The citizen app's router: a real address per screen, wherever the app runs.
 *
 * Inside Zalo, zmp-ui's ZMPRouter: a BrowserRouter under `/zapps/<APP_ID>`, where Zalo serves the app.
 * Outside Zalo (the web preview, tests) ZMPRouter cannot be used as a browser router: in a production
 * build it forces the basename `/zapps/${window.APP_ID}` (zmp-ui/esm/components/router/ZMPRouter.js), so
 * no address of the preview would match, and its memory router starts at Home whatever the address says
 * (a pasted link, a reload, a chatbot button). So the preview gets a router of its own that zmp-ui's
 * AnimationRoutes, Page and useNavigate accept: react-router's BrowserRouter at the site's root, under
 * the same context ZMPRouter provides (which they read for page transitions and scroll positions).
 */
import { type ReactNode, useCallback, useMemo, useRef, useState } from "react";
import { BrowserRouter } from "react-router-dom";
import { ZMPRouter } from "zmp-ui";
import { AnimationRouterContext } from "zmp-ui/esm/components/router/ZMPRouter";
import type { AnimationRouterContextType, AnimationRouterDirectionType } from "zmp-ui/router";
import { putHomeBeneathDeepLink } from "./web-history";
import { isInsideZalo } from "./zalo";

export function AppRouter({ home, children }: { home: string; children: ReactNode }) {
  return isInsideZalo() ? <ZMPRouter>{children}</ZMPRouter> : <WebRouter home={home}>{children}</WebRouter>;
}

/** The browser's own history at the site's root, with what ZMPRouter gives its pages (same behaviour). */
function WebRouter({ home, children }: { home: string; children: ReactNode }) {
  // Before BrowserRouter reads the history: a first screen reached by a link gets Home beneath it.
  useState(() => putHomeBeneathDeepLink(home));
  const [animate, setAnimateState] = useState(true);
  const [direction, setDirection] = useState<AnimationRouterDirectionType>("forward");
  const pageScrollPosition = useRef<Record<string, number>>({});
  const setAnimate = useCallback<AnimationRouterContextType["setAnimate"]>((options) => {
    setAnimateState(options.animate ?? true);
    setDirection(options.direction === "backward" ? "backward" : "forward");
  }, []);
  const context = useMemo<AnimationRouterContextType>(
    () => ({
      animate,
      direction,
      setAnimate,
      pageScrollPosition: pageScrollPosition.current,
      updatePosition: (key, position) => {
        pageScrollPosition.current[key] = position;
      },
    }),
    [animate, direction, setAnimate],
  );
  return (
    <AnimationRouterContext.Provider value={context}>
      <BrowserRouter>{children}</BrowserRouter>
    </AnimationRouterContext.Provider>
  );
}

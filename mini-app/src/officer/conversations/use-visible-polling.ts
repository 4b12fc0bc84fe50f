import { useEffect, useRef } from "react";

/**
 * Calls `tick` now, then every `everyMs` while the tab is visible; a hidden tab (another window, the
 * phone locked) stops asking, and coming back asks at once. `active` false stops it altogether.
 */
export function useVisiblePolling(tick: () => void, everyMs: number, active: boolean): void {
  // The latest `tick` without restarting the timer on every render.
  const latest = useRef(tick);
  latest.current = tick;

  useEffect(() => {
    if (!active) return;
    let timer: ReturnType<typeof setInterval> | undefined;
    const start = () => {
      if (timer !== undefined) return;
      latest.current();
      timer = setInterval(() => latest.current(), everyMs);
    };
    const stop = () => {
      clearInterval(timer);
      timer = undefined;
    };
    const onVisibility = () => (document.visibilityState === "visible" ? start() : stop());
    onVisibility();
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      stop();
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [everyMs, active]);
}

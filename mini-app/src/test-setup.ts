/**
 * Setup for the "ui" vitest project (jsdom). Fills in what jsdom lacks and zmp-ui uses, and leaves
 * no DOM or stored value behind between tests.
 */
import { cleanup } from "@testing-library/react";
import { afterEach, vi } from "vitest";

// zmp-ui's Page scrolls itself on mount; jsdom has no layout and no scrollTo.
if (!Element.prototype.scrollTo) {
  Element.prototype.scrollTo = () => {};
}
if (!window.scrollTo || window.scrollTo.toString().includes("notImplemented")) {
  window.scrollTo = () => {};
}

// zmp-ui's router wraps react-router 6 without its v7 "future" flags, which we cannot pass through;
// its upgrade notice would bury real warnings in every test's output.
const warn = console.warn.bind(console);
vi.spyOn(console, "warn").mockImplementation((...args: unknown[]) => {
  if (typeof args[0] === "string" && args[0].includes("React Router Future Flag Warning")) return;
  warn(...args);
});

afterEach(() => {
  cleanup();
  window.localStorage.clear();
  // The app routes on the page's address (platform/router.tsx): each test starts on Home, fresh.
  window.history.replaceState(null, "", "/");
});

import { Script } from "node:vm";
import { describe, expect, it } from "vitest";
import { SANDBOX_PAGE_HTML, SANDBOX_PAGE_SCRIPT } from "./page";

describe("sandbox page", () => {
  it("ships a script that parses (it is a string, so the compiler never sees it)", () => {
    expect(() => new Script(SANDBOX_PAGE_SCRIPT)).not.toThrow();
  });

  it("has no inline script (the page CSP allows same-origin scripts only) and every test id", () => {
    expect(SANDBOX_PAGE_HTML.match(/<script\b[^>]*>/g)).toEqual(['<script src="/sandbox/sandbox.js" defer>']);
    expect(SANDBOX_PAGE_HTML).not.toMatch(/\son[a-z]+="/);
    for (const id of ["chat-input", "chat-send", "resident-select", "add-resident", "follow-toggle"]) {
      expect(SANDBOX_PAGE_HTML).toContain(`data-testid="${id}"`);
    }
    for (const id of ["bubble-oa", "bubble-resident", "oa-button"])
      expect(SANDBOX_PAGE_SCRIPT).toContain(`"${id}"`);
  });
});

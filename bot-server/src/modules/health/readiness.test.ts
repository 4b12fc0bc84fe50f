import { describe, expect, it } from "vitest";
import { createReadiness } from "./readiness";

/** A ping the test answers by hand, and a clock it moves by hand. */
function harness() {
  const pending: { resolve(): void; reject(error: Error): void }[] = [];
  let clock = 0;
  const readiness = createReadiness(
    () =>
      new Promise<void>((resolve, reject) => {
        pending.push({ resolve, reject });
      }),
    { okForMs: 100, now: () => clock },
  );
  return {
    readiness,
    pending,
    advance: (ms: number) => {
      clock += ms;
    },
  };
}

describe("database readiness", () => {
  it("shares one ping between checks that arrive while it is in flight", async () => {
    const { readiness, pending } = harness();
    const checks = [readiness.check(), readiness.check(), readiness.check()];
    expect(pending).toHaveLength(1);
    pending[0]?.resolve();
    await Promise.all(checks);
  });

  it("reuses a good answer for okForMs after its ping began, then pings again", async () => {
    const { readiness, pending, advance } = harness();
    const first = readiness.check();
    advance(30);
    pending[0]?.resolve();
    await first;
    advance(69);
    await readiness.check();
    expect(pending).toHaveLength(1);
    advance(1);
    const next = readiness.check();
    expect(pending).toHaveLength(2);
    pending[1]?.resolve();
    await next;
  });

  it("never reuses a failure: every waiting check gets it, the next one pings afresh", async () => {
    const { readiness, pending } = harness();
    const checks = [readiness.check(), readiness.check()];
    pending[0]?.reject(new Error("database away"));
    for (const check of checks) await expect(check).rejects.toThrow("database away");
    const after = readiness.check();
    expect(pending).toHaveLength(2);
    pending[1]?.resolve();
    await expect(after).resolves.toBeUndefined();
  });

  it("forgets a good answer once a later ping fails", async () => {
    const { readiness, pending, advance } = harness();
    const first = readiness.check();
    pending[0]?.resolve();
    await first;
    advance(150);
    const failed = readiness.check();
    pending[1]?.reject(new Error("gone"));
    await expect(failed).rejects.toThrow("gone");
    const after = readiness.check();
    expect(pending).toHaveLength(3);
    pending[2]?.resolve();
    await after;
  });
});

import { describe, expect, it } from "vitest";
import { createLogger } from "./logger";

function capture(level: "debug" | "info" = "info") {
  const lines: string[] = [];
  const logger = createLogger(level, { service: "test" }, (line) => lines.push(line));
  return { logger, records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>), lines };
}

describe("createLogger", () => {
  it("writes one JSON object per call with level, message and base fields", () => {
    const { logger, records } = capture();
    logger.info("request", { status: 200 });
    expect(records()).toEqual([
      expect.objectContaining({ level: "info", msg: "request", service: "test", status: 200 }),
    ]);
  });

  it("drops records below the configured level", () => {
    const { logger, lines } = capture("info");
    logger.debug("noise");
    expect(lines).toHaveLength(0);
  });

  it("masks anything shaped like a CCCD or a phone number, even when a caller slips one in", () => {
    const { logger, lines } = capture();
    logger.warn("oops", { note: "cccd 001203004567 phone 0912345678 or 84912345678 or 0987 654 321" });
    expect(lines[0]).not.toMatch(/001203004567|0912345678|84912345678|0987 654 321/);
    expect(lines[0]).toContain("[redacted]");
  });

  it("replaces fields that are personal by name, at the top and one level down", () => {
    const { logger, records } = capture();
    logger.info("x", { cccd: "a", phone: "b", body: { answers: { x: 1 }, text: "xin chào" }, route: "/api" });
    expect(records()[0]).toMatchObject({
      cccd: "[redacted]",
      phone: "[redacted]",
      body: { answers: "[redacted]", text: "[redacted]" },
      route: "/api",
    });
  });

  it("writes a database error as its SQLSTATE and constraint, never its message or parameters", () => {
    const { logger, lines } = capture();
    const driver = Object.assign(
      new Error("duplicate key value violates unique constraint: Key (cccd)=(Nguyễn Văn A)"),
      {
        code: "23505",
        constraint: "citizens_cccd_unique",
        table: "citizens",
      },
    );
    const drizzle = new Error("Failed query: insert into citizens values ($1)\nparams: Nguyễn Văn A", {
      cause: driver,
    });
    logger.error("failed", { error: drizzle });
    const record = JSON.parse(lines[0] ?? "{}") as { error: Record<string, unknown> };
    expect(record.error).toEqual({
      name: "Error",
      database: { sqlState: "23505", constraint: "citizens_cccd_unique", table: "citizens" },
    });
    expect(lines[0]).not.toContain("Nguyễn");
  });

  it("serialises errors without their stack", () => {
    const { logger, lines } = capture();
    logger.error("failed", { error: Object.assign(new Error("boom"), { code: "ECONNREFUSED" }) });
    const record = JSON.parse(lines[0] ?? "{}") as { error: Record<string, unknown> };
    expect(record.error).toEqual({ name: "Error", message: "boom", code: "ECONNREFUSED" });
  });

  it("child loggers add their fields", () => {
    const { logger, records } = capture();
    logger.child({ requestId: "r1" }).info("x");
    expect(records()[0]).toMatchObject({ requestId: "r1", service: "test" });
  });
});

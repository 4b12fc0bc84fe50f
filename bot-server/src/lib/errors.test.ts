import { describe, expect, it } from "vitest";
import { AppError, isDatabaseUnavailable } from "./errors";

describe("AppError", () => {
  it("carries its code, HTTP status and a Vietnamese default message", () => {
    const error = new AppError("NOT_FOUND");
    expect(error.status).toBe(404);
    expect(error.message).toMatch(/Không tìm thấy/);
  });

  it("keeps field errors for the client", () => {
    const error = new AppError("VALIDATION_FAILED", undefined, { fields: { q: "Quá dài" } });
    expect(error.status).toBe(400);
    expect(error.fields).toEqual({ q: "Quá dài" });
  });
});

describe("isDatabaseUnavailable", () => {
  it("recognises refused connections, admin shutdown and connection-class SQLSTATEs", () => {
    expect(isDatabaseUnavailable(Object.assign(new Error("connect"), { code: "ECONNREFUSED" }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("terminating"), { code: "57P01" }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("cannot connect"), { code: "08006" }))).toBe(true);
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
  });

  it("looks through wrapped causes (drizzle wraps driver errors)", () => {
    const driverError = Object.assign(new Error("connect"), { code: "ECONNREFUSED" });
    expect(isDatabaseUnavailable(new Error("Failed query", { cause: driverError }))).toBe(true);
  });

  it("looks inside a WebSocket ErrorEvent (the Neon driver cannot reach its proxy)", () => {
    // What @neondatabase/serverless rejects with, wrapped by drizzle: ws's ErrorEvent, not an Error.
    const errorEvent = {
      type: "error",
      message: "connect ECONNREFUSED 127.0.0.1:5432",
      error: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }),
    };
    expect(isDatabaseUnavailable(new Error("Failed query: select 1", { cause: errorEvent }))).toBe(true);
  });

  it("does not treat constraint violations or bugs as an outage", () => {
    expect(isDatabaseUnavailable(Object.assign(new Error("duplicate key"), { code: "23505" }))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("x is undefined"))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });
});

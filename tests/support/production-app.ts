import { CONSENT_NOTICE_VERSION, type Consent } from "@dvc/shared";
import { setupServer } from "msw/node";
import { afterAll, beforeAll } from "vitest";
import { call, randomTestIp, signIn } from "./citizen-client";
import { type FreshDatabase, freshDatabase } from "./database";
import { createFakeGraph, PRODUCTION_TEST_ENV, zaloId } from "./fake-zalo-graph";
import { buildTestApp, type TestApp } from "./in-process-app";

/**
 * A test file's production-mode app over its own database, with the fake Graph API (msw) installed for
 * the file, and helpers to sign a citizen in and record their consent. Call at the top of a test file:
 *
 *   const ctx = productionAppForFile();
 *   it("…", async () => { const citizen = await ctx.newCitizen(); … ctx.test.app … });
 */

export const ALL_PURPOSES = ["dossier_filing", "prefill_profile", "status_notifications"] as const;

export function productionAppForFile() {
  const graph = createFakeGraph();
  const mock = setupServer(...graph.handlers);
  const state: { database?: FreshDatabase; test?: TestApp } = {};

  beforeAll(async () => {
    mock.listen({ onUnhandledRequest: "error" });
    state.database = await freshDatabase();
    state.test = buildTestApp(state.database.handle, PRODUCTION_TEST_ENV);
  });
  afterAll(async () => {
    mock.close();
    state.test?.cleanup();
    await state.database?.drop();
  });

  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("productionAppForFile: used before beforeAll ran");
    return value;
  };

  const context = {
    graph,
    mock,
    get database(): FreshDatabase {
      return ready(state.database);
    },
    get test(): TestApp {
      return ready(state.test);
    },
    /** A Zalo user (with a phone) signed in; calls from an address of its own (per-address limits). */
    async newCitizen(name = "Nguyễn Văn An") {
      const id = zaloId();
      const phone = "84987654321";
      const accessToken = graph.addUser({ id, name, phone });
      const ip = randomTestIp();
      const session = await signIn(context.test.app, accessToken, ip);
      return {
        id,
        accessToken,
        phone,
        token: session.token,
        citizenId: session.citizen.id,
        ip,
      };
    },
    /** POST /api/consents for the current notice; throws unless 201. */
    async consent(token: string, purposes: readonly string[] = ALL_PURPOSES): Promise<Consent> {
      const result = await call<{ consent: Consent }>(context.test.app, "POST", "/api/consents", {
        token,
        body: { purposes, noticeVersion: CONSENT_NOTICE_VERSION },
      });
      if (result.status !== 201) throw new Error(`consent answered ${result.status}`);
      return result.body.consent;
    },
  };
  return context;
}

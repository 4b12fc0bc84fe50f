import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { textEvent, zaloId } from "../support/chatbot-harness";
import { databaseForServer, onPostgres, type ServerDatabase } from "../support/database";
import { PRODUCTION_TEST_ENV } from "../support/fake-zalo-graph";
import { type FakeOaServer, startFakeOaServer } from "../support/fake-zalo-oa-http";
import { type ServerProcess, startServerProcess } from "../support/server-process";
import { signZaloEvent } from "../support/zalo-webhook";

/**
 * A real server process killed (SIGKILL) while its reply to a resident is in flight — the event stored
 * and handled, the reply recorded in the outbox, claimed, and the call to Zalo not yet answered — then a
 * second process on the same database: the reply is sent, not lost, and the event not decided twice.
 * PostgreSQL only: the test reads the database while the servers run.
 */

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function query<R extends pg.QueryResultRow>(url: string, text: string): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(text)).rows;
  } finally {
    await client.end();
  }
}

describe.skipIf(!onPostgres())("server killed while a reply is in flight", () => {
  it("the next process sends the reply; the event is decided once", async () => {
    const database: ServerDatabase = await databaseForServer();
    cleanups.push(() => database.drop());
    const url = database.url ?? "";
    const oa: FakeOaServer = await startFakeOaServer(PRODUCTION_TEST_ENV.ZALO_OA_REFRESH_TOKEN ?? "");
    cleanups.push(() => oa.close());
    const env = {
      ...database.env,
      ...PRODUCTION_TEST_ENV,
      ZALO_API_BASE_URL: oa.baseUrl,
      ZALO_OAUTH_BASE_URL: oa.baseUrl,
    };
    const start = async () => {
      const server: ServerProcess = await startServerProcess({ env, dataDir: database.dataDir });
      cleanups.push(async () => {
        await server.stop("SIGKILL");
      });
      return server;
    };

    oa.hold();
    const first = await start();
    const user = zaloId();
    const raw = textEvent(
      PRODUCTION_TEST_ENV.ZALO_APP_ID ?? "",
      PRODUCTION_TEST_ENV.ZALO_OA_ID ?? "",
      { oaUserId: user },
      "asdkjh qwe",
    );
    const response = await fetch(`${first.baseUrl}/webhooks/zalo`, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "X-ZEvent-Signature": signZaloEvent(raw, { secret: PRODUCTION_TEST_ENV.ZALO_OA_SECRET_KEY ?? "" }),
      },
      body: raw,
    });
    expect(response.status).toBe(200);

    // The event is handled, its reply claimed by the delivery worker and waiting on Zalo: kill it there.
    await until("the reply to reach Zalo", async () => (oa.csBodies.length > 0 ? true : undefined));
    await first.stop("SIGKILL");
    expect(await query(url, "select status, attempts from inbound_events")).toEqual([
      { status: "processed", attempts: 1 },
    ]);
    expect(await query(url, "select status, attempts from deliveries")).toEqual([
      { status: "sending", attempts: 1 },
    ]);

    // Its lease runs out (60 s in production; moved forward here), and another process takes over.
    await query(url, "update deliveries set next_attempt_at = now() - interval '1 second'");
    oa.release();
    await start();
    const sent = await until("the reply to be sent", async () => {
      const [row] = await query<{ status: string; attempts: number }>(
        url,
        "select status, attempts from deliveries",
      );
      return row?.status === "sent" ? row : undefined;
    });
    expect(sent.attempts).toBe(2);
    expect(await query(url, "select status, attempts from inbound_events")).toEqual([
      { status: "processed", attempts: 1 },
    ]);
    expect(await query(url, "select count(*)::int as n from residents")).toEqual([{ n: 1 }]);
    // Decided once: the "not understood" count is 1, not 2 (a second count would have handed over).
    expect(await query(url, "select low_confidence_turns as turns, mode from chat_conversations")).toEqual([
      { turns: 1, mode: "bot" },
    ]);
    // The reply whose answer was lost with the first process is sent again: at least once, never lost.
    expect(oa.csBodies).toHaveLength(2);
  }, 90_000);
});

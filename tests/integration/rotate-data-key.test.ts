import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rotateDataKey } from "../../bot-server/src/admin/rotate-data-key";
import type { Database } from "../../bot-server/src/db/client";
import { citizenProfiles, citizens, files, inboundEvents } from "../../bot-server/src/db/schema";
import { SEALED_COLUMNS, type SealedColumn } from "../../bot-server/src/db/sealed-columns";
import { SEALED } from "../../bot-server/src/db/sealed-places";
import { createSealer } from "../../bot-server/src/lib/crypto";
import { type FreshDatabase, freshDatabase, onPostgres } from "../support/database";
import { REPO_ROOT } from "../support/server-process";

/**
 * The data-key rotation (`npm run admin -- rotate-data-key`, admin/rotate-data-key.ts) on a real database:
 * 10,000 profiles plus file names and event bodies sealed under an old key; the CLI, run as a real process
 * with the new key current and the old one in DATA_ENCRYPTION_KEYS, is SIGKILLed mid-way and run again.
 * Afterwards every value opens under the new key alone, in its own place, with its plaintext unchanged,
 * and none is left under the old key. Then a value moved to another row or column no longer opens (the
 * place is GCM associated data), and the rotation does not re-seal a moved value into its new place.
 * The process part needs PostgreSQL (the test reads the database while the CLI writes it).
 */

const PROFILES = 10_000;
const OTHERS = 300;
const BATCH = 200;
const INSERT_CHUNK = 1_000;

const oldKey = randomBytes(32);
const newKey = randomBytes(32);
const oldSealer = createSealer(oldKey);
/** What the server reads with during the rotation: the new key current, the old one still opening. */
const bothSealer = createSealer(newKey, [oldKey]);
/** What the server reads with once the old key is removed. */
const newSealer = createSealer(newKey);

let database: FreshDatabase;
const db = (): Database => database.handle.db;
const children = new Set<ChildProcess>();
const dataDir = mkdtempSync(join(tmpdir(), "dvc-rotate-"));

beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(async () => {
  for (const child of children) child.kill("SIGKILL");
  await database?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

const PROFILE_COLUMN = SEALED_COLUMNS.find((c) => c.table === "citizen_profiles") as SealedColumn;
const name = (column: SealedColumn) => `${column.table}.${column.column}`;
const chunks = <T>(items: readonly T[]): T[][] =>
  Array.from({ length: Math.ceil(items.length / INSERT_CHUNK) }, (_, i) =>
    items.slice(i * INSERT_CHUNK, (i + 1) * INSERT_CHUNK),
  );

/** Every non-null value of a sealed column, with the row it is bound to. */
async function sealedValues(column: SealedColumn): Promise<{ row: string; value: string }[]> {
  const result = (await db().execute(sql`
    select ${sql.identifier(column.rowColumn)}::text as row, ${sql.identifier(column.column)} as value
    from ${sql.identifier(column.table)} where ${sql.identifier(column.column)} is not null`)) as unknown as {
    rows: { row: string; value: string }[];
  };
  return result.rows;
}

async function profilesUnder(keyId: string): Promise<number> {
  const prefix = `v2.${keyId}.`; // compared as a prefix: "_" in a key id is a LIKE wildcard
  const result = (await db().execute(
    sql`select count(*)::int as n from citizen_profiles where left(sealed, ${prefix.length}) = ${prefix}`,
  )) as unknown as { rows: { n: number }[] };
  return result.rows[0]?.n ?? -1;
}

/** The admin CLI as a real process, configured like a sandbox server on this database. */
function runCli(url: string) {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    // Nothing the server reads is inherited from the developer's shell (as in server-process.ts).
    if (/^(ZALO_|DATA_|DATABASE_URL$|DB_DRIVER$|NEON_|SESSION_SECRET$|NODE_ENV$|SANDBOX)/.test(key)) continue;
    env[key] = value;
  }
  Object.assign(env, {
    DATABASE_URL: url,
    DATA_DIR: dataDir,
    LOG_LEVEL: "warn",
    DATA_ENCRYPTION_KEY: newKey.toString("base64"),
    DATA_ENCRYPTION_KEYS: oldKey.toString("base64"),
  });
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "bot-server/src/admin/cli.ts", "rotate-data-key", "--batch", String(BATCH)],
    { cwd: REPO_ROOT, env, stdio: ["ignore", "pipe", "pipe"] },
  );
  children.add(child);
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  let status: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("close", (code, signal) => {
      status = { code, signal };
      children.delete(child);
      resolve(status);
    }),
  );
  return { child, exited, exitStatus: () => status, output: () => output };
}

describe("rotate-data-key", () => {
  it.skipIf(!onPostgres())(
    "re-seals 10,000 profiles and other columns under the new key, killed mid-way and resumed",
    async () => {
      const url = database.url ?? "";
      // Plaintexts per "table.column", by the row each value is bound to.
      const expected = new Map<string, Map<string, string>>(SEALED_COLUMNS.map((c) => [name(c), new Map()]));
      const want = (column: string) => expected.get(column) ?? new Map<string, string>();

      const profiles = Array.from({ length: PROFILES }, (_, i) => {
        const n = String(i).padStart(6, "0");
        const plain = JSON.stringify({ fullName: `Công dân ${n}`, cccd: `001095${n}`, phone: `0912${n}` });
        return { id: randomUUID() as string, n, plain };
      });
      for (const chunk of chunks(profiles)) {
        await db()
          .insert(citizens)
          .values(chunk.map((p) => ({ id: p.id, zaloUserId: `rotate-${p.id}`, name: `Công dân ${p.n}` })));
        await db()
          .insert(citizenProfiles)
          .values(
            chunk.map((p) => ({
              citizenId: p.id,
              sealed: oldSealer.seal(p.plain, SEALED.profile(p.id)),
              cccdHash: oldSealer.lookupHash(`001095${p.n}`),
              phoneHash: oldSealer.lookupHash(`0912${p.n}`),
            })),
          );
        for (const p of chunk) want("citizen_profiles.sealed").set(p.id, p.plain);
      }
      const fileRows = Array.from({ length: OTHERS }, (_, i) => {
        const id = randomUUID();
        const plain = `CCCD 00109501${String(i).padStart(4, "0")}.png`;
        want("files.name_sealed").set(id, plain);
        return {
          id,
          nameSealed: oldSealer.seal(plain, SEALED.fileName(id)),
          mimeType: "image/png",
          sizeBytes: 100 + i,
          sha256: "0".repeat(64),
          storageKey: `rotate/${id}`,
        };
      });
      // One name from before names were sealed: the rotation seals it (under the new key) too.
      const legacyId = randomUUID();
      want("files.name_sealed").set(legacyId, "giay khai sinh cu.pdf");
      await db().insert(files).values(fileRows);
      await db()
        .insert(files)
        .values({
          id: legacyId,
          name: "giay khai sinh cu.pdf",
          mimeType: "application/pdf",
          sizeBytes: 1,
          sha256: "1".repeat(64),
          storageKey: `rotate/${legacyId}`,
        });

      const eventRows = Array.from({ length: OTHERS }, (_, i) => {
        const dedupeKey = `user_send_text:rotate-${i}`;
        const plain = JSON.stringify({ event_name: "user_send_text", message: { text: `tin nhắn ${i}` } });
        want("inbound_events.raw_body_sealed").set(dedupeKey, plain);
        return {
          dedupeKey,
          eventName: "user_send_text",
          source: "oa" as const,
          appId: "1",
          payload: { event_name: "user_send_text" },
          rawBodySealed: oldSealer.seal(plain, SEALED.inboundRawBody(dedupeKey)),
          status: "pending" as const,
        };
      });
      await db().insert(inboundEvents).values(eventRows);
      for (const column of SEALED_COLUMNS) {
        expect((await sealedValues(column)).length, name(column)).toBe(
          want(name(column)).size - (name(column) === "files.name_sealed" ? 1 : 0),
        );
      }

      // First run: killed once some profiles, but not all, are under the new key.
      const first = runCli(url);
      for (;;) {
        const exit = first.exitStatus();
        if (exit) throw new Error(`the CLI exited (${exit.code}) before it was killed:\n${first.output()}`);
        if ((await profilesUnder(newSealer.keyId)) > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      first.child.kill("SIGKILL");
      expect((await first.exited).signal).toBe("SIGKILL");
      const rotated = await profilesUnder(newSealer.keyId);
      expect(rotated).toBeGreaterThan(0);
      expect(rotated).toBeLessThan(PROFILES);
      // Each batch is one transaction: the kill left whole batches, never half of one.
      expect(rotated % BATCH).toBe(0);
      expect(await profilesUnder(oldSealer.keyId)).toBe(PROFILES - rotated);
      // Meanwhile the server, holding both keys, reads every profile.
      const midway = await sealedValues(PROFILE_COLUMN);
      const unread = midway.filter(
        (r) => bothSealer.open(r.value, SEALED.profile(r.row)) !== want(name(PROFILE_COLUMN)).get(r.row),
      );
      expect(unread).toEqual([]);

      // Second run: resumes and finishes.
      const second = runCli(url);
      const exit = await second.exited;
      expect(exit.code, second.output()).toBe(0);
      expect(second.output()).toContain("Không còn giá trị nào dưới khoá cũ");

      // Every value opens under the new key alone, at its own place, with the same plaintext.
      for (const column of SEALED_COLUMNS) {
        const rows = await sealedValues(column);
        expect(rows.length, name(column)).toBe(want(name(column)).size);
        const problems = rows.flatMap((r) => {
          if (!newSealer.isCurrent(r.value)) return [`${name(column)}:${r.row} not under the new key`];
          if (r.value.startsWith(`v2.${oldSealer.keyId}.`)) return [`${name(column)}:${r.row} old key`];
          try {
            const plain = newSealer.open(r.value, column.place(r.row));
            return plain === want(name(column)).get(r.row) ? [] : [`${name(column)}:${r.row} changed`];
          } catch (error) {
            return [`${name(column)}:${r.row} does not open: ${String(error)}`];
          }
        });
        expect(problems).toEqual([]);
      }
      // The profiles' look-up hashes were re-computed under the new key.
      const hashes = await db()
        .select({
          id: citizenProfiles.citizenId,
          cccd: citizenProfiles.cccdHash,
          phone: citizenProfiles.phoneHash,
        })
        .from(citizenProfiles);
      const byId = new Map(profiles.map((p) => [p.id, p.n]));
      const stale = hashes.filter(
        (h) =>
          h.cccd !== newSealer.lookupHash(`001095${byId.get(h.id)}`) ||
          h.phone !== newSealer.lookupHash(`0912${byId.get(h.id)}`),
      );
      expect(stale).toEqual([]);
      const [legacy] = await db().select({ name: files.name }).from(files).where(eq(files.id, legacyId));
      expect(legacy?.name).toBeNull();
    },
    180_000,
  );

  it("a value moved to another row or column does not open, and the rotation does not re-seal it", async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    const fileId = randomUUID();
    await db()
      .insert(citizens)
      .values([a, b].map((id) => ({ id, zaloUserId: `moved-${id}`, name: "Công dân" })));
    await db()
      .insert(citizenProfiles)
      .values(
        [a, b].map((id) => ({ citizenId: id, sealed: oldSealer.seal(`{"of":"${id}"}`, SEALED.profile(id)) })),
      );
    await db()
      .insert(files)
      .values({
        id: fileId,
        nameSealed: oldSealer.seal("don.pdf", SEALED.fileName(fileId)),
        mimeType: "application/pdf",
        sizeBytes: 1,
        sha256: "2".repeat(64),
        storageKey: `moved/${fileId}`,
      });
    const report = await rotateDataKey(db(), bothSealer, { batchSize: BATCH });
    expect(Object.values(report.failed).every((n) => n === 0)).toBe(true);

    const sealedOf = async (id: string) =>
      (await db().select().from(citizenProfiles).where(eq(citizenProfiles.citizenId, id)))[0]?.sealed ?? "";
    const aValue = await sealedOf(a);
    expect(newSealer.open(aValue, SEALED.profile(a))).toBe(`{"of":"${a}"}`);

    // A's profile copied into B's row: B's place does not open it, under any key.
    await db().update(citizenProfiles).set({ sealed: aValue }).where(eq(citizenProfiles.citizenId, b));
    const moved = await sealedOf(b);
    expect(moved).toBe(aValue);
    expect(() => newSealer.open(moved, SEALED.profile(b))).toThrow(/authenticate/);
    expect(() => bothSealer.open(moved, SEALED.profile(b))).toThrow(/authenticate/);
    // …nor into another column (a file's name).
    await db().update(files).set({ nameSealed: aValue }).where(eq(files.id, fileId));
    const [file] = await db().select({ name: files.nameSealed }).from(files).where(eq(files.id, fileId));
    expect(() => newSealer.open(file?.name ?? "", SEALED.fileName(fileId))).toThrow(/authenticate/);

    // A value moved while still under the old key: the rotation reports it and leaves it as it is.
    const oldMoved = oldSealer.seal(`{"of":"${a}"}`, SEALED.profile(a));
    await db().update(citizenProfiles).set({ sealed: oldMoved }).where(eq(citizenProfiles.citizenId, b));
    const again = await rotateDataKey(db(), bothSealer, { batchSize: BATCH });
    expect(again.failed["citizen_profiles.sealed"]).toBe(1);
    expect(again.resealed["citizen_profiles.sealed"]).toBe(0);
    expect(await sealedOf(b)).toBe(oldMoved);
  }, 120_000);
});

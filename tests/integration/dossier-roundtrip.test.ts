import { CATALOG, validateDossier } from "@dvc/shared";
import { sql } from "drizzle-orm";
import { jsonb, pgTable, serial } from "drizzle-orm/pg-core";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validAnswersArbitrary } from "../../shared/src/forms/engine/testing/arbitraries";
import { type FreshDatabase, freshDatabase } from "../support/database";

/**
 * A valid dossier stays valid, and equal, after a round trip through JSON and PostgreSQL's jsonb (which
 * reorders keys, drops duplicate keys and rejects NUL): what the server stores is what it validated.
 */

const TODAY = "2026-11-28";
const roundtrip = pgTable("answers_roundtrip", {
  id: serial("id").primaryKey(),
  answers: jsonb("answers").notNull(),
});
const RUNS_PER_FORM = 15;

let database: FreshDatabase;

beforeAll(async () => {
  database = await freshDatabase();
  await database.handle.db.execute(
    sql`create table answers_roundtrip (id serial primary key, answers jsonb not null)`,
  );
});

afterAll(async () => {
  await database?.drop();
});

const fileable = CATALOG.filter((p) => p.online);

describe("dossier answers survive jsonb", () => {
  it.each(fileable.map((p) => [p.code, p] as const))("%s", async (_code, procedure) => {
    if (!procedure.online) return;
    const { form } = procedure;
    await fc.assert(
      fc.asyncProperty(validAnswersArbitrary(form, TODAY), async (answers) => {
        const first = validateDossier(form, answers, { today: TODAY });
        expect(first.ok).toBe(true);
        if (!first.ok) return;
        const [row] = await database.handle.db
          .insert(roundtrip)
          .values({ answers: JSON.parse(JSON.stringify(first.value)) })
          .returning();
        const stored = row?.answers;
        const again = validateDossier(form, stored, { today: TODAY });
        expect(again).toEqual({ ok: true, value: first.value });
      }),
      { numRuns: RUNS_PER_FORM },
    );
  });
});

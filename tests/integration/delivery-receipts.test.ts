import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliveries } from "../../bot-server/src/db/schema";
import { applyReceipt, type Receipt } from "../../bot-server/src/modules/delivery";
import { type FreshDatabase, freshDatabase } from "../support/database";

/**
 * Receipts move a sent message to delivered, then seen, never back (house rule ST-1): whatever order
 * Zalo's receipt webhooks arrive in, and however often each is repeated, the final state is the same.
 */

let database: FreshDatabase;
beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(async () => database?.drop());

const T0 = Date.parse("2026-12-06T03:00:00Z");

async function sentMessage(messageId: string): Promise<number> {
  const [row] = await database.handle.db
    .insert(deliveries)
    .values({
      idempotencyKey: `test:${randomUUID()}`,
      kind: "dossier_status",
      status: "sent",
      channel: "oa_cs",
      oaUserId: "4000000000000000001",
      payload: {},
      providerMessageId: messageId,
      sentAt: new Date(T0),
      expiresAt: new Date(T0 + 86_400_000),
    })
    .returning({ id: deliveries.id });
  if (!row) throw new Error("insert returned no row");
  return row.id;
}

const receiptArb = (messageId: string) =>
  fc
    .record({
      kind: fc.constantFrom<Receipt["kind"]>("delivered", "seen"),
      atOffsetS: fc.integer({ min: 1, max: 600 }),
    })
    .map(({ kind, atOffsetS }) => ({ kind, messageIds: [messageId], at: new Date(T0 + atOffsetS * 1000) }));

describe("receipts (ST-1)", () => {
  it("1,000 random orderings of a message's receipts always end in the same state", async () => {
    const messageId = `m${randomUUID().replaceAll("-", "")}`;
    const id = await sentMessage(messageId);
    const db = database.handle.db;
    await fc.assert(
      fc.asyncProperty(fc.array(receiptArb(messageId), { minLength: 1, maxLength: 4 }), async (receipts) => {
        await db
          .update(deliveries)
          .set({ status: "sent", deliveredAt: null, seenAt: null })
          .where(eq(deliveries.id, id));
        for (const receipt of receipts) await applyReceipt(db, receipt);
        const [row] = await db.select().from(deliveries).where(eq(deliveries.id, id));
        const seen = receipts.filter((r) => r.kind === "seen");
        const expected = seen.length > 0 ? "seen" : "delivered";
        expect(row?.status).toBe(expected);
        // The first receipt of each kind sets its time; a "seen" implies it was delivered by then.
        expect(row?.deliveredAt).toEqual(receipts[0]?.at);
        expect(row?.seenAt ?? null).toEqual(seen[0]?.at ?? null);
      }),
      { numRuns: 1_000 },
    );
  });

  it("a receipt for a message still being sent, failed, or unknown changes nothing", async () => {
    const db = database.handle.db;
    const id = await sentMessage("m-failed");
    await db.update(deliveries).set({ status: "failed" }).where(eq(deliveries.id, id));
    expect(
      await applyReceipt(db, { kind: "seen", messageIds: ["m-failed", "m-unknown"], at: new Date(T0) }),
    ).toBe(0);
    const [row] = await db.select().from(deliveries).where(eq(deliveries.id, id));
    expect(row).toMatchObject({ status: "failed", seenAt: null });
  });
});

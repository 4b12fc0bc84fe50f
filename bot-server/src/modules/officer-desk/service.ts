import { createHash } from "node:crypto";
import type {
  Officer,
  OfficerDossier,
  OfficerInboxQuery,
  OfficerInboxResponse,
  OfficerStatusChange,
} from "@dvc/shared";
import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { officerStatusRequests } from "../../db/schema";
import type { Sealer } from "../../lib/crypto";
import { AppError } from "../../lib/errors";
import { moveDossierByOfficer, readCommuneDossier } from "../dossiers";
import { recordAudit } from "./audit";
import { countByStatus, listInbox } from "./inbox-repo";
import { toInboxItem, toOfficerDossier } from "./views";

const INBOX_PAGE = 50;
const NOT_FOUND = "Không tìm thấy hồ sơ này trong xã của bạn. Vui lòng kiểm tra lại mã hồ sơ.";

export interface DeskDeps {
  db: Database;
  sealer: Sealer;
}

/** Who asks, from where: every read of personal data and every action is audited with it. */
export interface Asker {
  officer: Officer;
  addressHash: string;
}

/** The commune an officer works for; the routes let only commune roles in. */
function communeOf(officer: Officer): string {
  if (!officer.communeCode) throw new AppError("FORBIDDEN");
  return officer.communeCode;
}

export async function inbox(db: Database, officer: Officer, query: OfficerInboxQuery, now = new Date()) {
  const communeCode = communeOf(officer);
  const code = query.q?.toUpperCase().replace(/[\s.]+/g, "-");
  const [rows, counts] = await Promise.all([
    listInbox(db, {
      communeCode,
      status: query.status,
      due: query.due,
      procedureCode: query.procedure,
      codePrefix: code && /^[0-9A-Z-]+$/.test(code) ? code : undefined,
      now,
      limit: INBOX_PAGE,
    }),
    countByStatus(db, communeCode),
  ]);
  const response: OfficerInboxResponse = {
    communeCode,
    dossiers: rows.map((row) => toInboxItem(row, now)),
    counts,
  };
  return response;
}

/** A dossier of the officer's commune; reading it is audited in the same transaction. */
export async function viewDossier(deps: DeskDeps, asker: Asker, code: string, now = new Date()) {
  const communeCode = communeOf(asker.officer);
  return deps.db.transaction(async (tx): Promise<OfficerDossier> => {
    const found = await readCommuneDossier(tx, deps.sealer, communeCode, code);
    if (!found) throw new AppError("NOT_FOUND", NOT_FOUND);
    await recordAudit(tx, { ...asker, action: "dossier.view", communeCode, dossierCode: code, at: now });
    return toOfficerDossier(found, now);
  });
}

/**
 * Moves a dossier and tells the citizen, once per Idempotency-Key: a replay answers the dossier as it
 * is now without a second event or message; the same key with another body is refused. The dossier's
 * row lock serializes two requests racing with one key, so the second finds the first one's record.
 */
export async function changeStatus(
  deps: DeskDeps,
  asker: Asker,
  request: { code: string; change: OfficerStatusChange; idempotencyKey: string },
  now = new Date(),
): Promise<{ dossier: OfficerDossier; replayed: boolean }> {
  const communeCode = communeOf(asker.officer);
  const requestHash = createHash("sha256")
    .update(JSON.stringify([request.code, request.change]))
    .digest("hex");
  let replayed = false;
  try {
    await deps.db.transaction(async (tx) => {
      await throwIfReplay(tx, asker.officer.id, request.idempotencyKey, requestHash);
      const move = { code: request.code, communeCode, change: request.change, now };
      const moved = await moveDossierByOfficer(tx, move);
      if (!moved) throw new AppError("NOT_FOUND", NOT_FOUND);
      // Under the dossier's lock now: a request with this key that committed meanwhile is seen, and
      // throwing rolls this second move back.
      await throwIfReplay(tx, asker.officer.id, request.idempotencyKey, requestHash);
      await tx.insert(officerStatusRequests).values({
        officerId: asker.officer.id,
        idempotencyKey: request.idempotencyKey,
        requestHash,
        dossierCode: request.code,
        eventId: moved.eventId,
      });
      await recordAudit(tx, {
        ...asker,
        action: "dossier.status",
        communeCode,
        dossierCode: request.code,
        detail: { from: moved.from, to: request.change.to, eventId: moved.eventId },
        at: now,
      });
    });
  } catch (error) {
    if (!(error instanceof Replay)) throw error;
    replayed = true;
  }
  return { dossier: await viewDossier(deps, asker, request.code, now), replayed };
}

/** Thrown inside the transaction to roll it back when the key was used already for this request. */
class Replay extends Error {
  override name = "Replay";
}

async function throwIfReplay(
  tx: Database,
  officerId: string,
  key: string,
  requestHash: string,
): Promise<void> {
  const [earlier] = await tx
    .select({ requestHash: officerStatusRequests.requestHash })
    .from(officerStatusRequests)
    .where(
      and(eq(officerStatusRequests.officerId, officerId), eq(officerStatusRequests.idempotencyKey, key)),
    );
  if (!earlier) return;
  if (earlier.requestHash !== requestHash) {
    throw new AppError(
      "CONFLICT",
      "Mã chống gửi trùng (Idempotency-Key) này đã dùng cho một thao tác khác. Vui lòng tải lại trang rồi thử lại.",
    );
  }
  throw new Replay();
}

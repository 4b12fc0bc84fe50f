import { createHash } from "node:crypto";
import type {
  Officer,
  OfficerApology,
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
import { searchTermsOf } from "../../lib/name-terms";
import { apologizeByOfficer, moveDossierByOfficer, readCommuneDossier } from "../dossiers";
import { type AuditAction, recordAudit } from "./audit";
import { countByStatus, listInbox } from "./inbox-repo";
import { toInboxItem, toOfficerDossier } from "./views";

const INBOX_PAGE = 50;
const NOT_FOUND = "Không tìm thấy hồ sơ này trong xã của bạn. Vui lòng kiểm tra lại mã hồ sơ.";

export interface DeskDeps {
  db: Database;
  sealer: Sealer;
  /** ZALO_TEMPLATE_OFFICER_REPLY: replies outside the 7-day window go as this template, if set. */
  officerReplyTemplate?: string | undefined;
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

export async function inbox(deps: DeskDeps, officer: Officer, query: OfficerInboxQuery, now = new Date()) {
  const { db } = deps;
  const communeCode = communeOf(officer);
  const code = query.q?.toUpperCase().replace(/[\s.]+/g, "-");
  const [rows, counts] = await Promise.all([
    listInbox(db, {
      communeCode,
      status: query.status,
      due: query.due,
      procedureCode: query.procedure,
      codePart: code && /^[0-9A-Z-]+$/.test(code) ? code : undefined,
      nameTerms: query.q ? searchTermsOf(deps.sealer, query.q) : undefined,
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

/** An officer's action on a dossier, in the transaction: the event it wrote and what to audit. */
interface DossierAction {
  eventId: number;
  action: AuditAction;
  detail: Record<string, string | number | null>;
}

/**
 * Runs a dossier action once per Idempotency-Key: a replay answers the dossier as it is now without a
 * second event or message; the same key with another body is refused. The dossier's row lock (taken by
 * `act`) serializes two requests racing with one key, so the second finds the first one's record.
 */
async function once(
  deps: DeskDeps,
  asker: Asker,
  request: { code: string; idempotencyKey: string; body: unknown },
  act: (tx: Database, communeCode: string) => Promise<DossierAction | undefined>,
  now: Date,
): Promise<{ dossier: OfficerDossier; replayed: boolean }> {
  const communeCode = communeOf(asker.officer);
  const requestHash = createHash("sha256")
    .update(JSON.stringify([request.code, request.body]))
    .digest("hex");
  let replayed = false;
  try {
    await deps.db.transaction(async (tx) => {
      await throwIfReplay(tx, asker.officer.id, request.idempotencyKey, requestHash);
      const done = await act(tx, communeCode);
      if (!done) throw new AppError("NOT_FOUND", NOT_FOUND);
      // Under the dossier's lock now: a request with this key that committed meanwhile is seen, and
      // throwing rolls this second action back.
      await throwIfReplay(tx, asker.officer.id, request.idempotencyKey, requestHash);
      await tx.insert(officerStatusRequests).values({
        officerId: asker.officer.id,
        idempotencyKey: request.idempotencyKey,
        requestHash,
        dossierCode: request.code,
        eventId: done.eventId,
      });
      await recordAudit(tx, {
        ...asker,
        action: done.action,
        communeCode,
        dossierCode: request.code,
        detail: { ...done.detail, eventId: done.eventId },
        at: now,
      });
    });
  } catch (error) {
    if (!(error instanceof Replay)) throw error;
    replayed = true;
  }
  return { dossier: await viewDossier(deps, asker, request.code, now), replayed };
}

/** Moves a dossier as the status machine allows and tells the citizen (once per Idempotency-Key). */
export function changeStatus(
  deps: DeskDeps,
  asker: Asker,
  request: { code: string; change: OfficerStatusChange; idempotencyKey: string },
  now = new Date(),
) {
  return once(
    deps,
    asker,
    { ...request, body: request.change },
    async (tx, communeCode) => {
      const moved = await moveDossierByOfficer(tx, {
        code: request.code,
        communeCode,
        change: request.change,
        now,
      });
      return (
        moved && {
          eventId: moved.eventId,
          action: "dossier.status",
          detail: { from: moved.from, to: request.change.to },
        }
      );
    },
    now,
  );
}

/**
 * A late dossier: the apology and new appointment (Phiếu xin lỗi và hẹn lại ngày trả kết quả, mandatory
 * when late — Nghị định 61/2018/NĐ-CP; Mẫu 04, Thông tư 01/2018/TT-VPCP), sent to the citizen.
 */
export function apologizeForDelay(
  deps: DeskDeps,
  asker: Asker,
  request: { code: string; apology: OfficerApology; idempotencyKey: string },
  now = new Date(),
) {
  return once(
    deps,
    asker,
    { ...request, body: request.apology },
    async (tx, communeCode) => {
      const input = { code: request.code, communeCode, ...request.apology, now };
      const done = await apologizeByOfficer(tx, input);
      return (
        done && {
          eventId: done.eventId,
          action: "dossier.apology",
          detail: { newDueDate: request.apology.newDueDate },
        }
      );
    },
    now,
  );
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

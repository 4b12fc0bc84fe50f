import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DOSSIER_STATUS_INFO,
  DOSSIER_STATUSES,
  type DossierStatus,
  dossierStatusSchema,
  isTerminalStatus,
  nationalStatusCodeSchema,
  statusFromNationalCode,
} from "./status";
import {
  assertTransition,
  canTransition,
  DOSSIER_ACTORS,
  DOSSIER_TRANSITIONS,
  type DossierActor,
  DossierTransitionError,
  nextStatuses,
  statusAfterSupplement,
} from "./transitions";

const allowed: [DossierStatus, DossierStatus, DossierActor][] = DOSSIER_STATUSES.flatMap((from) =>
  Object.entries(DOSSIER_TRANSITIONS[from]).flatMap(([to, actors]) =>
    (actors ?? []).map((actor): [DossierStatus, DossierStatus, DossierActor] => [
      from,
      to as DossierStatus,
      actor,
    ]),
  ),
);
const isAllowed = (from: DossierStatus, to: DossierStatus, actor: DossierActor) =>
  allowed.some(([f, t, a]) => f === from && t === to && a === actor);

describe("transition table", () => {
  it.each(allowed)("%s → %s by %s is allowed", (from, to, actor) => {
    expect(canTransition(from, to, actor)).toBe(true);
    expect(() => assertTransition(from, to, actor)).not.toThrow();
    expect(nextStatuses(from, actor)).toContain(to);
  });

  it("refuses every triple not in the table, with a typed error", () => {
    let refused = 0;
    for (const from of DOSSIER_STATUSES) {
      for (const to of DOSSIER_STATUSES) {
        for (const actor of DOSSIER_ACTORS) {
          if (isAllowed(from, to, actor)) continue;
          refused += 1;
          expect(canTransition(from, to, actor)).toBe(false);
          expect(() => assertTransition(from, to, actor)).toThrow(DossierTransitionError);
        }
      }
    }
    expect(refused).toBe(10 * 10 * 3 - allowed.length);
  });

  it("explains a refusal in Vietnamese, by kind", () => {
    const attempt = (from: DossierStatus, to: DossierStatus, actor: DossierActor) => {
      try {
        assertTransition(from, to, actor);
      } catch (error) {
        if (error instanceof DossierTransitionError) return [error.code, error.message];
      }
      throw new Error("expected a DossierTransitionError");
    };
    expect(attempt("received", "processing", "citizen")).toEqual([
      "ACTOR_NOT_ALLOWED",
      "Công dân không được chuyển hồ sơ từ “Được tiếp nhận” sang “Đang xử lý”.",
    ]);
    expect(attempt("returned", "processing", "officer")).toEqual([
      "TERMINAL_STATUS",
      "Hồ sơ đã ở trạng thái kết thúc “Đã trả kết quả”, không thể chuyển sang “Đang xử lý”.",
    ]);
    expect(attempt("submitted", "returned", "officer")).toEqual([
      "TRANSITION_NOT_ALLOWED",
      "Không thể chuyển hồ sơ từ “Mới đăng ký” sang “Đã trả kết quả”.",
    ]);
    expect(attempt("result_ready", "withdrawn", "citizen")[0]).toBe("TRANSITION_NOT_ALLOWED");
    expect(attempt("received", "refused", "officer")[0]).toBe("TRANSITION_NOT_ALLOWED");
    expect(attempt("payment_requested", "processing", "citizen")[0]).toBe("ACTOR_NOT_ALLOWED");
  });

  it("has no exits from terminal states (3, 7, 8, 10) and at least one from every other", () => {
    const terminal = DOSSIER_STATUSES.filter(isTerminalStatus).map(
      (s) => DOSSIER_STATUS_INFO[s].nationalCode,
    );
    expect(terminal).toEqual([3, 7, 8, 10]);
    for (const status of DOSSIER_STATUSES) {
      const exits = DOSSIER_ACTORS.flatMap((actor) => nextStatuses(status, actor));
      expect(exits.length === 0, status).toBe(isTerminalStatus(status));
    }
  });

  it("reaches every status from 1 and a terminal status from every status", () => {
    const reachable = (start: DossierStatus): Set<DossierStatus> => {
      const seen = new Set<DossierStatus>([start]);
      const queue = [start];
      for (let s = queue.shift(); s !== undefined; s = queue.shift()) {
        for (const [from, to] of allowed) if (from === s && !seen.has(to)) seen.add(to) && queue.push(to);
      }
      return seen;
    };
    expect(reachable("submitted").size).toBe(10);
    for (const status of DOSSIER_STATUSES)
      expect([...reachable(status)].some(isTerminalStatus), status).toBe(true);
  });

  it("lists next statuses in national-code order, per actor", () => {
    expect(nextStatuses("processing", "officer")).toEqual([
      "supplement_requested",
      "payment_requested",
      "stopped",
      "result_ready",
    ]);
    expect(nextStatuses("supplement_requested", "citizen")).toEqual(["submitted", "processing", "withdrawn"]);
    expect(nextStatuses("payment_requested", "system")).toEqual(["processing"]);
    expect(nextStatuses("submitted", "system")).toEqual([]);
  });

  it("sends an answered supplement back to where it came from", () => {
    expect(statusAfterSupplement("submitted")).toBe("submitted");
    expect(statusAfterSupplement("processing")).toBe("processing");
    expect(statusAfterSupplement("received")).toBe("processing");
  });
});

describe("random walks", () => {
  const move = fc.record({
    actor: fc.constantFrom(...DOSSIER_ACTORS),
    to: fc.constantFrom(...DOSSIER_STATUSES),
  });

  it("only ever take allowed transitions; refused moves leave the status unchanged", () => {
    fc.assert(
      fc.property(fc.array(move, { maxLength: 60 }), (moves) => {
        let status: DossierStatus = "submitted";
        for (const { actor, to } of moves) {
          try {
            assertTransition(status, to, actor);
          } catch (error) {
            expect(error).toBeInstanceOf(DossierTransitionError);
            continue;
          }
          expect(isAllowed(status, to, actor)).toBe(true);
          status = to;
        }
        if (isTerminalStatus(status))
          expect(DOSSIER_ACTORS.flatMap((a) => nextStatuses(status, a))).toEqual([]);
      }),
    );
  });

  it("choosing among nextStatuses always yields an allowed step", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(2), fc.nat(9)), { maxLength: 40 }), (choices) => {
        let status: DossierStatus = "submitted";
        for (const [actorIndex, targetIndex] of choices) {
          const actor = DOSSIER_ACTORS[actorIndex] ?? "officer";
          const options = nextStatuses(status, actor);
          const to = options[targetIndex % Math.max(options.length, 1)];
          if (to === undefined) continue;
          expect(canTransition(status, to, actor)).toBe(true);
          status = to;
        }
      }),
    );
  });
});

describe("national status codes", () => {
  it("maps codes 1–10 to the portal's exact labels", () => {
    const labels = DOSSIER_STATUSES.map((s) => [
      DOSSIER_STATUS_INFO[s].nationalCode,
      DOSSIER_STATUS_INFO[s].officerLabel,
    ]);
    expect(labels).toEqual([
      [1, "Mới đăng ký"],
      [2, "Được tiếp nhận"],
      [3, "Không được tiếp nhận"],
      [4, "Đang xử lý"],
      [5, "Yêu cầu bổ sung giấy tờ"],
      [6, "Yêu cầu thực hiện nghĩa vụ tài chính"],
      [7, "Công dân yêu cầu rút hồ sơ"],
      [8, "Dừng xử lý"],
      [9, "Đã xử lý xong"],
      [10, "Đã trả kết quả"],
    ]);
    for (const status of DOSSIER_STATUSES) {
      expect(statusFromNationalCode(DOSSIER_STATUS_INFO[status].nationalCode)).toBe(status);
    }
    expect(statusFromNationalCode(11)).toBeUndefined();
  });

  it("validates with zod", () => {
    expect(dossierStatusSchema.parse("result_ready")).toBe("result_ready");
    expect(dossierStatusSchema.safeParse("done").error?.issues[0]?.message).toBe(
      "Trạng thái hồ sơ không hợp lệ",
    );
    expect(nationalStatusCodeSchema.safeParse(10).success).toBe(true);
    expect(nationalStatusCodeSchema.safeParse(0).success).toBe(false);
  });
});

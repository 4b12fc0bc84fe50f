import { describe, expect, it } from "vitest";
import type { AuditEntry } from "../api/audit-api";
import { actionLabel, detailText, foldViews } from "./audit-wording";

const entry = (
  id: number,
  action: string,
  detail: AuditEntry["detail"] = null,
  at = `2026-12-07T03:00:${String(60 - id).padStart(2, "0")}.000Z`,
): AuditEntry => ({
  id,
  at,
  username: "canbo.00292",
  action,
  dossierCode: action.startsWith("dossier") ? "00292-K4LY-83RB" : null,
  detail,
});

describe("the audit log's wording", () => {
  it("names actions in Vietnamese, status moves by their labels", () => {
    expect(actionLabel("conversation.hand_back")).toBe("Trả lại trò chuyện");
    expect(actionLabel("dossier.file")).toBe("Mở tệp đính kèm");
    expect(actionLabel("dossier.export")).toBe("dossier.export");
    expect(detailText(entry(1, "dossier.status", { from: "submitted", to: "received", eventId: 3 }))).toBe(
      "Mới đăng ký → Được tiếp nhận",
    );
    expect(detailText(entry(2, "dossier.apology", { newDueDate: "2026-12-09" }))).toBe(
      "Hẹn trả kết quả mới 09/12/2026",
    );
  });

  it("folds a run of views of one conversation by one officer, not the actions between them", () => {
    const view = (id: number) => entry(id, "conversation.view", { handoverId: "h1" });
    const rows = foldViews([
      view(1),
      view(2),
      view(3),
      entry(4, "conversation.reply", { handoverId: "h1" }),
      view(5),
    ]);
    expect(rows.map((row) => [row.entry.action, row.count])).toEqual([
      ["conversation.view", 3],
      ["conversation.reply", 1],
      ["conversation.view", 1],
    ]);
    expect(rows[0]?.firstAt).toBe(view(3).at);
    const other = foldViews([view(1), entry(2, "conversation.view", { handoverId: "h2" })]);
    expect(other).toHaveLength(2);
  });
});

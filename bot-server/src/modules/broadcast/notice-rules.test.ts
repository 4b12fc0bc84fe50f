import { NOTICE_STATUSES, type NoticeStatus } from "@dvc/shared";
import { describe, expect, it } from "vitest";
import {
  type Actor,
  abilitiesOf,
  mayCancel,
  mayDraftFor,
  mayEdit,
  mayReview,
  maySee,
  type NoticeFacts,
} from "./notice-rules";

const author: Actor = { id: "author", role: "officer", communeCode: "00001" };
const colleague: Actor = { id: "colleague", role: "officer", communeCode: "00001" };
const leader: Actor = { id: "leader", role: "leader", communeCode: "00001" };
const otherLeader: Actor = { id: "other-leader", role: "leader", communeCode: "00002" };
const otherOfficer: Actor = { id: "other", role: "officer", communeCode: "00002" };
const admin: Actor = { id: "admin", role: "admin", communeCode: null };

const notice = (status: NoticeStatus, extra: Partial<NoticeFacts> = {}): NoticeFacts => ({
  status,
  communeCode: "00001",
  authorId: author.id,
  startedAt: null,
  ...extra,
});

describe("who sees a notice", () => {
  it("shows a commune's notice to its officers and to admins, never to another commune", () => {
    expect(maySee(author, notice("draft"))).toBe(true);
    expect(maySee(leader, notice("draft"))).toBe(true);
    expect(maySee(admin, notice("draft"))).toBe(true);
    expect(maySee(otherOfficer, notice("draft"))).toBe(false);
    expect(maySee(otherLeader, notice("pending"))).toBe(false);
  });

  it("shows a province-wide notice to admins only", () => {
    const provinceWide = notice("pending", { communeCode: null });
    expect(maySee(admin, provinceWide)).toBe(true);
    expect(maySee(leader, provinceWide)).toBe(false);
    expect(maySee(author, provinceWide)).toBe(false);
  });

  it("lets commune roles draft for their own commune only; admins for any, or the province", () => {
    expect(mayDraftFor(author, "00001")).toBe(true);
    expect(mayDraftFor(author, "00002")).toBe(false);
    expect(mayDraftFor(leader, null)).toBe(false);
    expect(mayDraftFor(admin, null)).toBe(true);
    expect(mayDraftFor(admin, "00002")).toBe(true);
    expect(mayDraftFor({ id: "x", role: "officer", communeCode: null }, null)).toBe(false);
  });
});

describe("editing", () => {
  it("allows edits of drafts and returned notices only", () => {
    const editable = NOTICE_STATUSES.filter((status) => mayEdit(colleague, notice(status)));
    expect(editable).toEqual(["draft", "returned"]);
  });
});

describe("review", () => {
  it("lets a leader of the commune or an admin review a pending notice, never its author", () => {
    expect(mayReview(leader, notice("pending"))).toBe(true);
    expect(mayReview(admin, notice("pending"))).toBe(true);
    expect(mayReview(leader, notice("pending", { authorId: leader.id }))).toBe(false);
    expect(mayReview(admin, notice("pending", { authorId: admin.id }))).toBe(false);
    expect(mayReview(colleague, notice("pending"))).toBe(false);
    expect(mayReview(otherLeader, notice("pending"))).toBe(false);
  });

  it("reviews only in pending", () => {
    const reviewable = NOTICE_STATUSES.filter((status) => mayReview(leader, notice(status)));
    expect(reviewable).toEqual(["pending"]);
  });

  it("leaves a province-wide notice to admins", () => {
    expect(mayReview(leader, notice("pending", { communeCode: null }))).toBe(false);
    expect(mayReview(admin, notice("pending", { communeCode: null }))).toBe(true);
  });
});

describe("cancelling", () => {
  it("is possible until the fan-out starts", () => {
    const cancellable = NOTICE_STATUSES.filter((status) => mayCancel(author, notice(status)));
    expect(cancellable).toEqual(["draft", "pending", "returned", "approved"]);
    expect(mayCancel(author, notice("approved", { startedAt: new Date() }))).toBe(false);
  });

  it("is for the author, a leader of the commune or an admin, not another officer", () => {
    expect(mayCancel(colleague, notice("approved"))).toBe(false);
    expect(mayCancel(leader, notice("approved"))).toBe(true);
    expect(mayCancel(admin, notice("approved"))).toBe(true);
    expect(mayCancel(otherLeader, notice("approved"))).toBe(false);
  });
});

describe("abilities", () => {
  it("offers resend only once the notice has gone out", () => {
    expect(abilitiesOf(author, notice("sent", { startedAt: new Date() }))).toEqual({
      edit: false,
      submit: false,
      review: false,
      cancel: false,
      resendFailed: true,
    });
    expect(abilitiesOf(author, notice("approved")).resendFailed).toBe(false);
  });
});

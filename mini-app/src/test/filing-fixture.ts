/**
 * A small fileable procedure and a fake server for the filing tests: drafts with versions, files,
 * dossiers with idempotency, profile. Every request is recorded so a test can check what was sent.
 */

import type { CitizenProfile } from "@dvc/shared/api/citizen-profile";
import type { DossierSummary } from "@dvc/shared/api/dossiers";
import type { Draft } from "@dvc/shared/api/drafts";
import type { ProcedureDefinitionInput } from "@dvc/shared/procedures/definition";
import { HttpResponse, http } from "msw";
import { writeStoredSession } from "../api/session-token";
import { CHOSEN_COMMUNE_KEY } from "../citizen/use-chosen-commune";
import { reloadSessionForTests } from "../session/session";
import { communeDetailHandler } from "./communes-fixture";

export const PROCEDURE: ProcedureDefinitionInput = {
  code: "1.001193",
  version: 1,
  title: "Đăng ký khai sinh",
  officialName: "Thủ tục đăng ký khai sinh",
  summary: "Đăng ký khai sinh cho trẻ mới sinh.",
  sector: "Hộ tịch",
  agency: "ubnd_xa",
  legalTime: { kind: "same_day", cutoff: "15:00" },
  fees: [{ channel: "online", amountVnd: 0 }],
  documents: [
    { id: "giay-chung-sinh", name: "Giấy chứng sinh", required: true, attachmentField: "birthProof" },
    { id: "cccd", name: "Thẻ căn cước", required: true, pulledFromDatabase: true },
  ],
  results: ["Giấy khai sinh"],
  legalBasis: ["Luật Hộ tịch 2014"],
  portalUrl: "https://dichvucong.gov.vn/",
  keywords: ["khai sinh"],
  online: true,
  form: {
    steps: [
      {
        id: "nguoiKhai",
        title: "Người đi khai sinh",
        fields: [
          {
            id: "requester",
            type: "person",
            label: "Người yêu cầu",
            parts: ["fullName", "dateOfBirth"],
            prefill: { from: "profile", key: "fullName" },
          },
          {
            id: "relationship",
            type: "radio",
            label: "Bạn là gì của cháu?",
            options: [
              { value: "me", label: "Mẹ" },
              { value: "cha", label: "Cha" },
              { value: "khac", label: "Người khác" },
            ],
          },
          {
            id: "relationshipOther",
            type: "text",
            label: "Quan hệ của bạn với cháu",
            visibleWhen: { field: "relationship", equals: "khac" },
          },
        ],
      },
      {
        id: "tre",
        title: "Thông tin của cháu",
        fields: [
          { id: "childName", type: "text", label: "Họ và tên của cháu" },
          { id: "birthDate", type: "date", label: "Ngày sinh của cháu", bounds: { maxDaysFromToday: 0 } },
        ],
      },
      {
        id: "camDoan",
        title: "Cam đoan",
        fields: [
          { id: "declaration", type: "declaration", label: "Lời cam đoan", statement: "Tôi cam đoan." },
        ],
      },
    ],
  },
};

export const PROFILE: CitizenProfile = {
  fullName: "Nguyễn Thị Lan",
  dateOfBirth: "1992-04-05",
  sex: "nu",
  ethnicity: "Kinh",
  nationality: "Việt Nam",
  cccd: null,
  phone: null,
  email: null,
  address: null,
  communeCode: "00292",
};

export const DOSSIER: DossierSummary = {
  code: "00292-K7M4-RX26",
  procedureCode: "1.001193",
  procedureTitle: "Đăng ký khai sinh",
  communeCode: "00292",
  status: "submitted",
  statusLabel: "Đã nộp, chờ tiếp nhận",
  submittedAt: "2026-11-27T02:00:00.000Z",
  dueAt: "2026-11-27T10:00:00.000Z",
};

/** A signed-in citizen who has consented, in Phường Bạch Mai. */
export function signedInCitizen(): void {
  writeStoredSession({
    token: "session-1",
    expiresAt: "2099-01-01T00:00:00.000Z",
    citizen: { id: "c1", name: "Nguyễn Thị Lan", avatarUrl: null },
    consentGiven: true,
    via: { kind: "sandbox", citizenId: "sandbox-1" },
  });
  window.localStorage.setItem(CHOSEN_COMMUNE_KEY, JSON.stringify({ code: "00292", name: "Phường Bạch Mai" }));
  reloadSessionForTests();
}

export interface Recorded {
  method: string;
  path: string;
  body: unknown;
  headers: Headers;
}

/** The fake server's state; tests read `requests` and may change `drafts` or queue answers. */
export class FakeServer {
  requests: Recorded[] = [];
  drafts = new Map<string, Draft>();
  /** Answers to give POST /api/dossiers before the real one (e.g. a 500, a network error). */
  dossierFailures: ("500" | "network" | "429")[] = [];
  dossiers = new Map<string, DossierSummary>();

  handlers() {
    const record = async (request: Request, path: string) => {
      const text =
        request.method === "GET" || request.method === "DELETE" ? "" : await request.clone().text();
      this.requests.push({
        method: request.method,
        path,
        body: text ? JSON.parse(text) : null,
        headers: request.headers,
      });
    };
    return [
      communeDetailHandler(),
      http.get("*/api/procedures/:code", async ({ request }) => {
        await record(request, "/api/procedures/:code");
        return HttpResponse.json(PROCEDURE);
      }),
      http.get("*/api/profile", async ({ request }) => {
        await record(request, "/api/profile");
        return HttpResponse.json(PROFILE);
      }),
      http.get("*/api/drafts", async ({ request }) => {
        await record(request, "/api/drafts");
        return HttpResponse.json({ drafts: [...this.drafts.values()] });
      }),
      http.get("*/api/dossiers", async ({ request }) => {
        await record(request, "/api/dossiers");
        return HttpResponse.json({ dossiers: [...this.dossiers.values()] });
      }),
      http.post("*/api/drafts", async ({ request }) => {
        await record(request, "/api/drafts");
        const body = (await request.json()) as { id: string; procedureCode: string; communeCode: string };
        const draft: Draft = {
          ...body,
          procedureVersion: 1,
          version: 0,
          answers: {},
          currentStepId: null,
          updatedAt: new Date().toISOString(),
          submittedAs: null,
        };
        this.drafts.set(body.id, draft);
        return HttpResponse.json(draft, { status: 201 });
      }),
      http.get("*/api/drafts/:id", async ({ request, params }) => {
        await record(request, "/api/drafts/:id");
        const draft = this.drafts.get(String(params.id));
        return draft
          ? HttpResponse.json(draft)
          : HttpResponse.json(
              { code: "NOT_FOUND", message: "Không tìm thấy", requestId: "r" },
              { status: 404 },
            );
      }),
      http.put("*/api/drafts/:id", async ({ request, params }) => {
        await record(request, "/api/drafts/:id");
        const body = (await request.json()) as { version: number; answers: Record<string, unknown> };
        const current = this.drafts.get(String(params.id));
        if (!current) {
          return HttpResponse.json(
            { code: "NOT_FOUND", message: "Không tìm thấy", requestId: "r" },
            { status: 404 },
          );
        }
        if (body.version !== current.version) {
          return HttpResponse.json(
            {
              code: "CONFLICT",
              message: "Bản nháp đã thay đổi",
              requestId: "r",
              reason: "stale_version",
              current,
            },
            { status: 409 },
          );
        }
        const saved = { ...current, ...body, version: current.version + 1 };
        this.drafts.set(current.id, saved);
        return HttpResponse.json(saved);
      }),
      http.post("*/api/dossiers", async ({ request }) => {
        await record(request, "/api/dossiers");
        const failure = this.dossierFailures.shift();
        if (failure === "network") return HttpResponse.error();
        if (failure === "429") {
          return HttpResponse.json(
            {
              code: "RATE_LIMITED",
              message: "Bạn thao tác quá nhanh. Vui lòng đợi khoảng 12 phút rồi thử lại.",
              requestId: "r",
            },
            { status: 429, headers: { "Retry-After": "700" } },
          );
        }
        if (failure === "500") {
          return HttpResponse.json(
            { code: "INTERNAL", message: "Lỗi máy chủ", requestId: "r" },
            { status: 500 },
          );
        }
        const key = request.headers.get("Idempotency-Key") ?? "";
        const known = this.dossiers.get(key);
        if (known) return HttpResponse.json(known, { status: 201 });
        this.dossiers.set(key, DOSSIER);
        return HttpResponse.json(DOSSIER, { status: 201 });
      }),
      http.get("*/api/dossiers/:code", async ({ request }) => {
        await record(request, "/api/dossiers/:code");
        return HttpResponse.json({
          ...DOSSIER,
          procedureVersion: 1,
          answers: {},
          timeline: [
            { status: "submitted", label: "Đã nộp, chờ tiếp nhận", at: DOSSIER.submittedAt, note: null },
          ],
          supplement: null,
        });
      }),
    ];
  }

  calls(method: string, path: string): Recorded[] {
    return this.requests.filter((r) => r.method === method && r.path === path);
  }
}

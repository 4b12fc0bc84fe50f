import { randomUUID } from "node:crypto";
import {
  CONSENT_NOTICE_VERSION,
  type Draft,
  draftSchema,
  toVnLocalDate,
  type UploadedFile,
  uploadedFileSchema,
} from "@dvc/shared";
import type { Database } from "../../bot-server/src/db/client";
import { citizens, consents } from "../../bot-server/src/db/schema";
import { createSession } from "../../bot-server/src/modules/citizen-auth/session";

export interface SignedInCitizen {
  citizenId: string;
  token: string;
  /** Headers for `app.request(path, { headers: auth })`. */
  auth: { Authorization: string };
}

/**
 * A citizen with a live session, as if signed in through Zalo; by default with consent to the current
 * notice for filing and prefill (what the Mini App records before the first form).
 */
export async function signedInCitizen(
  db: Database,
  { consent = true, name = "Công dân thử nghiệm" }: { consent?: boolean; name?: string } = {},
): Promise<SignedInCitizen> {
  const [citizen] = await db
    .insert(citizens)
    .values({ zaloUserId: `test-${randomUUID()}`, name })
    .returning({ id: citizens.id });
  if (!citizen) throw new Error("citizen insert returned no row");
  if (consent) {
    await db.insert(consents).values({
      citizenId: citizen.id,
      purposes: ["dossier_filing", "prefill_profile"],
      noticeVersion: CONSENT_NOTICE_VERSION,
      channel: "mini_app",
    });
  }
  const { token } = await createSession(db, citizen.id);
  return { citizenId: citizen.id, token, auth: { Authorization: `Bearer ${token}` } };
}

/** What a test app answers to: `TestApp.app` (Hono's in-process `request`). */
export interface RequestTarget {
  request(path: string, init?: RequestInit): Response | Promise<Response>;
}

export interface ApiResult {
  status: number;
  headers: Headers;
  /** Parsed JSON, or the text when the body is not JSON (parse it with the shared schemas). */
  body: unknown;
}

/** Phường Bạch Mai, Hà Nội: the commune the filing tests file at. */
export const TEST_COMMUNE = "00292";
/** Đăng ký khai sinh: same-day legal time, one attachment field (birthProofFile). */
export const KHAI_SINH = "1.001193";
export const TEST_CCCD = "001190123456";

/** A complete, valid birth registration as the app would send it (phone typed the local way). */
export function khaiSinhAnswers(today: string, birthProof: unknown[]): Record<string, unknown> {
  return {
    requester: {
      fullName: "Nguyễn Thị Lan",
      dateOfBirth: "1990-05-12",
      cccd: TEST_CCCD,
      residence: { provinceCode: "01", communeCode: TEST_COMMUNE, detail: "Số 5 ngõ 12 phố Huế" },
    },
    phone: "0912345678",
    relationship: "me",
    child: { fullName: "Nguyễn Minh An", dateOfBirth: today, sex: "nam", ethnicity: "Kinh" },
    birthPlace: { provinceCode: "01", communeCode: TEST_COMMUNE, detail: "Bệnh viện Phụ sản Hà Nội" },
    birthProofFile: birthProof,
    fatherKnown: false,
    copies: 1,
    declaration: true,
  };
}

/** Small files whose first bytes are what they claim (or not). */
export const SAMPLE_BYTES = {
  jpeg: Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]),
  png: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48]),
  pdf: new TextEncoder().encode("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"),
  /** A Windows executable ("MZ" header), e.g. renamed to .jpg. */
  exe: Uint8Array.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00]),
};

/** Requests as one signed-in citizen: JSON in and out, multipart for uploads. */
export function asCitizen(target: RequestTarget, citizen: { auth: { Authorization: string } }) {
  const send = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const init: RequestInit = { method, headers: { ...citizen.auth, ...headers } };
    if (body !== undefined) {
      init.body = JSON.stringify(body);
      init.headers = { ...citizen.auth, "Content-Type": "application/json", ...headers };
    }
    return read(await target.request(path, init));
  };
  return {
    get: (path: string) => send("GET", path),
    post: (path: string, body: unknown, headers?: Record<string, string>) =>
      send("POST", path, body, headers),
    put: (path: string, body: unknown) => send("PUT", path, body),
    delete: (path: string) => send("DELETE", path),
    /** POST /api/files with `file` named `name`, plus the text parts given. */
    upload: async (bytes: Uint8Array, name: string, parts: Record<string, string>) => {
      const form = new FormData();
      form.set("file", new Blob([new Uint8Array(bytes)]), name);
      for (const [key, value] of Object.entries(parts)) form.set(key, value);
      return read(await target.request("/api/files", { method: "POST", headers: citizen.auth, body: form }));
    },
  };
}

export type CitizenApi = ReturnType<typeof asCitizen>;

/**
 * A birth-registration draft ready to submit: created, the birth proof uploaded, valid answers saved
 * (version 1). `answers` overrides or adds fields (e.g. `{ phone: "abc" }` for an invalid one).
 */
export async function readyKhaiSinhDraft(
  api: CitizenApi,
  answers: Record<string, unknown> = {},
): Promise<{ draft: Draft; file: UploadedFile }> {
  const created = await api.post("/api/drafts", {
    id: randomUUID(),
    procedureCode: KHAI_SINH,
    communeCode: TEST_COMMUNE,
  });
  if (created.status !== 201) throw new Error(`draft not created: ${JSON.stringify(created.body)}`);
  const draft = draftSchema.parse(created.body);
  const upload = await api.upload(SAMPLE_BYTES.jpeg, "giay-chung-sinh.jpg", {
    draftId: draft.id,
    fieldId: "birthProofFile",
  });
  const file = uploadedFileSchema.parse(upload.body);
  const saved = await api.put(`/api/drafts/${draft.id}`, {
    version: draft.version,
    answers: { ...khaiSinhAnswers(toVnLocalDate(new Date()), [file]), ...answers },
    currentStepId: "banSao",
  });
  if (saved.status !== 200) throw new Error(`draft not saved: ${JSON.stringify(saved.body)}`);
  return { draft: draftSchema.parse(saved.body), file };
}

async function read(response: Response): Promise<ApiResult> {
  const text = await response.text();
  let body: unknown = text;
  if (response.headers.get("Content-Type")?.includes("application/json")) body = JSON.parse(text);
  return { status: response.status, headers: response.headers, body };
}

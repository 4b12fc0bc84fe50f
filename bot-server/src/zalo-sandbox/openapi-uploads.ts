import { randomBytes } from "node:crypto";
import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { Database } from "../db/client";
import { sandboxOaUploads } from "../db/schema";
import type { AppEnv } from "../http/env";
import { zaloOk, zaloRefuse } from "./envelope";
import { OA_REFUSALS } from "./zalo-errors";

/**
 * OA uploads (zalo-oa.md §2), multipart with one `file` part:
 *   POST /v2.0/oa/upload/image   JPEG/PNG/GIF ≤ 1 MB → `data.attachment_id` [C; limit U: SPEC]
 *   POST /v2.0/oa/upload/gif     GIF ≤ 5 MB → `data.attachment_id` [C path; limit U]
 *   POST /v2.0/oa/upload/file    PDF/DOC(X) ≤ 5 MB → `data.token` [C; limit U: SPEC]
 * The type is read from the magic bytes, never the part's Content-Type (ASVS 5.2.2). Only metadata is
 * kept: the bytes go nowhere, the id just lets a later message refer to the upload.
 * NOTE: in the running server app.ts's 256 KB body limit applies before this one; see the report.
 */

type UploadKind = "image" | "gif" | "file";

const MB = 1024 * 1024;
/** One 5 MB file plus the multipart envelope; a larger body is cut off before it is read. */
const MAX_BODY_BYTES = 5 * MB + 64 * 1024;

const RULES: Record<UploadKind, { maxBytes: number; types: readonly string[] }> = {
  image: { maxBytes: 1 * MB, types: ["image/jpeg", "image/png", "image/gif"] },
  gif: { maxBytes: 5 * MB, types: ["image/gif"] },
  file: {
    maxBytes: 5 * MB,
    types: [
      "application/pdf",
      "application/msword",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ],
  },
};

const SIGNATURES: readonly { type: string; bytes: readonly number[] }[] = [
  { type: "image/jpeg", bytes: [0xff, 0xd8, 0xff] },
  { type: "image/png", bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: "image/gif", bytes: [0x47, 0x49, 0x46, 0x38] },
  { type: "application/pdf", bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  // OLE2 compound file: a .doc from Word 97–2003.
  { type: "application/msword", bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
];

const ZIP = [0x50, 0x4b, 0x03, 0x04];

/** What the bytes are, by their signature; a ZIP counts as .docx only with a `word/` part in it. */
export function sniffUpload(bytes: Uint8Array): string | undefined {
  const starts = (magic: readonly number[]) => magic.every((byte, index) => bytes[index] === byte);
  const known = SIGNATURES.find(({ bytes: magic }) => starts(magic));
  if (known) return known.type;
  if (starts(ZIP) && Buffer.from(bytes.subarray(0, 64 * 1024)).includes("word/")) {
    return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  }
  return undefined;
}

export function oaUploadRoutes(db: Database) {
  async function upload(c: Context<AppEnv>, kind: UploadKind): Promise<Response> {
    let file: unknown;
    try {
      file = (await c.req.parseBody()).file;
    } catch {
      return zaloRefuse(c, OA_REFUSALS.badParams);
    }
    if (!(file instanceof File)) return zaloRefuse(c, OA_REFUSALS.badParams);
    const rule = RULES[kind];
    if (file.size === 0 || file.size > rule.maxBytes) return zaloRefuse(c, OA_REFUSALS.badUpload);
    const type = sniffUpload(new Uint8Array(await file.arrayBuffer()));
    if (type === undefined || !rule.types.includes(type)) return zaloRefuse(c, OA_REFUSALS.badUpload);
    const id = randomBytes(24).toString("base64url");
    await db.insert(sandboxOaUploads).values({ id, kind, contentType: type, size: file.size });
    return zaloOk(c, kind === "file" ? { token: id } : { attachment_id: id });
  }

  const limit = bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => zaloRefuse(c, OA_REFUSALS.badUpload) });
  return new Hono<AppEnv>()
    .post("/v2.0/oa/upload/image", limit, (c) => upload(c, "image"))
    .post("/v2.0/oa/upload/gif", limit, (c) => upload(c, "gif"))
    .post("/v2.0/oa/upload/file", limit, (c) => upload(c, "file"));
}

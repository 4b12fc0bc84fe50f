import { dossierCodeSchema, draftIdSchema } from "@dvc/shared";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { z } from "zod";
import type { AppDeps, AppEnv } from "../../http/env";
import { citizenApiRateLimit } from "../../http/rate-limit";
import { validate } from "../../http/validate";
import { AppError } from "../../lib/errors";
import { defaultFileStorage, type FileStorage } from "../../storage";
import { requireCitizen } from "../citizen-auth/session";
import { deleteFile, downloadFile, fileNotFound, MAX_FILE_BYTES, uploadFile } from "./service";

/**
 * The upload route's own body limit (the app-wide one is 256 KB, see app.ts): one 5 MB file plus the
 * multipart envelope (boundaries, part headers, the two short text parts). A file between 5 MB and
 * this limit reaches the handler and gets the precise 413 message; a larger body is cut off here.
 */
export const MAX_UPLOAD_BODY_BYTES = MAX_FILE_BYTES + 64 * 1024;

const uploadFormSchema = z
  .object({
    file: z.instanceof(File, { error: "Vui lòng chọn một tệp (ảnh hoặc PDF) để tải lên." }),
    fieldId: z
      .string()
      .max(64)
      .regex(/^[a-z][a-zA-Z0-9]*$/, "Mục tải tệp không hợp lệ. Vui lòng tải lại trang rồi thử lại."),
    draftId: draftIdSchema.optional(),
    dossierCode: dossierCodeSchema.optional(),
  })
  .refine((form) => (form.draftId === undefined) !== (form.dossierCode === undefined), {
    error: "Tệp phải thuộc một bản nháp hoặc một hồ sơ đang bổ sung. Vui lòng tải lại trang rồi thử lại.",
    path: ["draftId"],
  });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Attachments: upload (multipart), download (owner only, as an attachment), delete while not submitted. */
export function filesRoutes(
  app: AppDeps,
  storage: FileStorage = defaultFileStorage({ db: app.database.db, dataDir: app.config.dataDir }),
) {
  const { database, sealer } = app;
  const deps = { db: database.db, storage, sealer };
  // A malformed id is just an id nobody has: 404 like any other, no hint about the format.
  const fileId = (id: string) => {
    if (!UUID.test(id)) throw fileNotFound();
    return id;
  };
  return new Hono<AppEnv>()
    .use(requireCitizen(database.db), citizenApiRateLimit(app))
    .post(
      "/",
      bodyLimit({
        maxSize: MAX_UPLOAD_BODY_BYTES,
        onError: () => {
          throw new AppError(
            "PAYLOAD_TOO_LARGE",
            "Tệp lớn hơn 5 MB. Vui lòng chụp lại ảnh với chất lượng thấp hơn, hoặc nén tệp PDF, rồi tải lên lại.",
          );
        },
      }),
      validate("form", uploadFormSchema),
      async (c) => {
        const form = c.req.valid("form");
        const uploaded = await uploadFile(deps, { ...form, citizenId: c.var.citizenId });
        return c.json(uploaded, 201);
      },
    )
    .get("/:id", async (c) => {
      const actor = { kind: "citizen", citizenId: c.var.citizenId } as const;
      const { bytes, headers } = await downloadFile(deps, actor, fileId(c.req.param("id")));
      return c.body(bytes, 200, headers);
    })
    .delete("/:id", async (c) => {
      await deleteFile(deps, c.var.citizenId, fileId(c.req.param("id")));
      return c.body(null, 204);
    });
}

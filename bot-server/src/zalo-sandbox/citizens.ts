import { maskPhone, phoneSchema } from "@dvc/shared";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../http/env";
import { validate } from "../http/validate";
import { AppError } from "../lib/errors";
import { SANDBOX_ACCESS_TOKEN_SECONDS, type SandboxUsers, type SandboxZaloUser } from "./zalo-users-repo";

/**
 * The sandbox's own API for the web preview's sign-in (the part of Zalo that lives inside the Zalo app):
 *   GET  /sandbox/api/citizens                      pretend Zalo accounts
 *   POST /sandbox/api/citizens {name, phone?}       a new one (a random 098 number if no phone)
 *   POST /sandbox/api/citizens/:id/access-token     → {accessToken, expiresIn}, as getAccessToken gives
 *   POST /sandbox/api/citizens/:id/phone-token      → {token}, as getPhoneNumber gives
 * The preview then signs in through POST /api/auth/zalo exactly as the Mini App does inside Zalo.
 */

const createSchema = z.object({
  name: z
    .string({ error: "Vui lòng nhập tên" })
    .trim()
    .min(1, "Vui lòng nhập tên")
    .max(100, "Tên dài quá 100 ký tự")
    .transform((name) => name.normalize("NFC")),
  phone: phoneSchema.optional(),
});

const idParam = z.object({ id: z.string().regex(/^\d{1,32}$/, "Mã người dùng Zalo là một dãy số") });

/** The phone is masked even here: screens show only the prefix and the last 3 digits (house rule). */
function describe(user: SandboxZaloUser) {
  return { id: user.id, name: user.name, avatarUrl: user.avatarUrl, phone: maskPhone(user.phone) };
}

export function sandboxCitizenRoutes(users: SandboxUsers) {
  const existing = async (id: string) => {
    const user = await users.find(id);
    if (!user) {
      throw new AppError("NOT_FOUND", "Không có người dùng Zalo sandbox này. Vui lòng tạo người dùng trước.");
    }
    return user;
  };
  return new Hono<AppEnv>()
    .use(async (c, next) => {
      await next();
      c.header("Cache-Control", "no-store");
    })
    .get("/", async (c) => c.json({ citizens: (await users.list()).map(describe) }, 200))
    .post("/", validate("json", createSchema), async (c) => {
      const user = await users.create(c.req.valid("json"));
      return c.json({ citizen: describe(user) }, 201);
    })
    .post("/:id/access-token", validate("param", idParam), async (c) => {
      const user = await existing(c.req.valid("param").id);
      const accessToken = await users.issueToken(user.id, "access");
      return c.json({ accessToken, expiresIn: SANDBOX_ACCESS_TOKEN_SECONDS }, 200);
    })
    .post("/:id/phone-token", validate("param", idParam), async (c) => {
      const user = await existing(c.req.valid("param").id);
      return c.json({ token: await users.issueToken(user.id, "phone") }, 200);
    });
}

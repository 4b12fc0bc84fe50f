import { officerPasswordSchema, officerRoleSchema, officerUsernameSchema } from "@dvc/shared";
import { z } from "zod";
import type { Database } from "../db/client";
import { createOfficer, disableOfficer, hashPassword, setPassword } from "../modules/officer-auth";

/**
 * `create-officer`, `disable-officer`, `reset-password`: the password is read from standard input (one
 * line), never from the command line, where `ps` and the shell history would keep it.
 */

type Print = (line: string) => void;

function option(args: readonly string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

/** The first line of standard input, without its line end. */
export async function readPasswordLine(input: NodeJS.ReadableStream = process.stdin): Promise<string> {
  let text = "";
  for await (const chunk of input) {
    text += chunk.toString();
    if (text.includes("\n")) break;
  }
  return text.split(/\r?\n/)[0] ?? "";
}

const createSchema = z.object({
  username: officerUsernameSchema,
  role: officerRoleSchema,
  commune: z
    .string()
    .regex(/^\d{5}$/, "--commune là mã xã gồm 5 chữ số.")
    .optional(),
  password: officerPasswordSchema,
});

function firstIssue(error: z.ZodError): string {
  return error.issues[0]?.message ?? "Thông tin không hợp lệ.";
}

export async function createOfficerCommand(
  db: Database,
  args: readonly string[],
  password: string,
  print: Print,
): Promise<number> {
  const parsed = createSchema.safeParse({
    username: option(args, "--username"),
    role: option(args, "--role"),
    commune: option(args, "--commune"),
    password,
  });
  if (!parsed.success) {
    print(firstIssue(parsed.error));
    return 2;
  }
  const { username, role, commune } = parsed.data;
  const result = await createOfficer(db, { username, password, role, communeCode: commune ?? null });
  if ("error" in result) {
    const reasons = {
      username_taken: `Tên đăng nhập "${username}" đã có.`,
      commune_rule: "Vai trò officer và leader cần --commune; vai trò admin (cấp tỉnh) không có --commune.",
      commune_unknown: `Không có xã/phường mã ${commune ?? ""} (mã theo danh mục từ 01/7/2025).`,
    };
    print(reasons[result.error]);
    return 1;
  }
  print(`Đã tạo tài khoản ${username} (${role}${commune ? `, xã ${commune}` : ""}).`);
  return 0;
}

export async function disableOfficerCommand(db: Database, args: readonly string[], print: Print) {
  const username = officerUsernameSchema.safeParse(option(args, "--username"));
  if (!username.success) {
    print(firstIssue(username.error));
    return 2;
  }
  if (!(await disableOfficer(db, username.data, new Date()))) {
    print(`Không có tài khoản "${username.data}".`);
    return 1;
  }
  print(`Đã khoá tài khoản ${username.data}; mọi phiên đăng nhập của tài khoản đã kết thúc.`);
  return 0;
}

export async function resetPasswordCommand(
  db: Database,
  args: readonly string[],
  password: string,
  print: Print,
): Promise<number> {
  const parsed = z
    .object({ username: officerUsernameSchema, password: officerPasswordSchema })
    .safeParse({ username: option(args, "--username"), password });
  if (!parsed.success) {
    print(firstIssue(parsed.error));
    return 2;
  }
  if (!(await setPassword(db, parsed.data.username, await hashPassword(password), new Date()))) {
    print(`Không có tài khoản "${parsed.data.username}".`);
    return 1;
  }
  print(`Đã đặt mật khẩu mới cho ${parsed.data.username}; mọi phiên đăng nhập cũ đã kết thúc.`);
  return 0;
}

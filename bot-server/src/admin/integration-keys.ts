import { z } from "zod";
import type { Database } from "../db/client";
import type { Sealer } from "../lib/crypto";
import { createIntegrationKey, revokeIntegrationKeys } from "../modules/integration";

/**
 * `create-integration-key --name <system> --communes <codes>` and `revoke-integration-key --name <system>`
 * (issue 14). The key and the secret are printed once, here, and never again: the database keeps the
 * key's keyed hash and the secret sealed.
 */

type Print = (line: string) => void;

function option(args: readonly string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

const nameSchema = z
  .string({ error: "Thiếu --name <tên hệ thống một cửa>." })
  .trim()
  .min(2, "--name: tên hệ thống, ít nhất 2 ký tự.")
  .max(100, "--name: tối đa 100 ký tự.");

const createSchema = z.object({
  name: nameSchema,
  communes: z
    .string({ error: "Thiếu --communes <mã xã, cách nhau bởi dấu phẩy>." })
    .transform((text) =>
      text
        .split(",")
        .map((code) => code.trim())
        .filter((code) => code !== ""),
    )
    .pipe(
      z
        .array(z.string().regex(/^\d{5}$/, "--communes: mỗi mã xã gồm 5 chữ số, cách nhau bởi dấu phẩy."))
        .min(1, "--communes: cần ít nhất một mã xã.")
        .max(500, "--communes: tối đa 500 mã xã."),
    ),
});

function firstIssue(error: z.ZodError): string {
  return error.issues[0]?.message ?? "Thông tin không hợp lệ.";
}

export async function createIntegrationKeyCommand(
  db: Database,
  sealer: Sealer,
  args: readonly string[],
  print: Print,
): Promise<number> {
  const parsed = createSchema.safeParse({
    name: option(args, "--name"),
    communes: option(args, "--communes"),
  });
  if (!parsed.success) {
    print(firstIssue(parsed.error));
    return 2;
  }
  const { name, communes } = parsed.data;
  const created = await createIntegrationKey(db, sealer, { name, communeCodes: communes, now: new Date() });
  if ("error" in created) {
    print(
      created.error === "name_taken"
        ? `Đã có khoá đang dùng tên "${name}". Thu hồi khoá cũ (revoke-integration-key) hoặc chọn tên khác.`
        : `Không có xã/phường mã ${created.codes.join(", ")} (mã theo danh mục từ 01/7/2025).`,
    );
    return 1;
  }
  print(`Đã tạo khoá tích hợp cho "${name}" (xã: ${communes.join(", ")}).`);
  print(`X-Api-Key: ${created.apiKey}`);
  print(`Secret:    ${created.secret}`);
  print(
    "CẢNH BÁO: khoá và secret chỉ hiện MỘT LẦN này. Chuyển ngay cho hệ thống một cửa qua kênh an toàn; " +
      "không lưu trong thư, tin nhắn hay nhật ký. Mất thì thu hồi và tạo khoá mới.",
  );
  return 0;
}

export async function revokeIntegrationKeyCommand(
  db: Database,
  args: readonly string[],
  print: Print,
): Promise<number> {
  const name = nameSchema.safeParse(option(args, "--name"));
  if (!name.success) {
    print(firstIssue(name.error));
    return 2;
  }
  const revoked = await revokeIntegrationKeys(db, name.data, new Date());
  if (revoked === 0) {
    print(`Không có khoá đang dùng nào tên "${name.data}".`);
    return 1;
  }
  print(`Đã thu hồi khoá tích hợp "${name.data}": mọi yêu cầu ký bằng khoá này từ giờ bị từ chối (401).`);
  return 0;
}

/**
 * `npm run admin -- <command>`: tasks for the people who run the server. Reads the same environment as
 * the server (config.ts) and works on the configured database.
 *   rotate-data-key [--batch <n>]   re-seal every sealed value under DATA_ENCRYPTION_KEY (resumable)
 *   dead-letters [--limit <n>]      messages that will not reach anyone, with why (OB-8)
 *   create-officer --username <u> --commune <code> --role officer|leader|admin   (password on stdin)
 *   disable-officer --username <u>
 *   reset-password --username <u>   (password on stdin)
 *   create-integration-key --name <system> --communes <codes>   (key and secret printed once)
 *   revoke-integration-key --name <system>
 */
import { type Config, ConfigError, loadConfig } from "../config";
import { type DatabaseHandle, openDatabase } from "../db/client";
import { prepareDatabase } from "../db/prepare";
import { createSealer } from "../lib/crypto";
import { createLogger } from "../lib/logger";
import { printDeadLetters } from "./dead-letters";
import { createIntegrationKeyCommand, revokeIntegrationKeyCommand } from "./integration-keys";
import {
  createOfficerCommand,
  disableOfficerCommand,
  readPasswordLine,
  resetPasswordCommand,
} from "./officers";
import { rotateDataKey } from "./rotate-data-key";

const USAGE = `Cách dùng: npm run admin -- <lệnh>
  rotate-data-key [--batch <n>]   mã hoá lại mọi dữ liệu đã niêm phong bằng khoá DATA_ENCRYPTION_KEY hiện tại
                                  (khoá cũ đặt trong DATA_ENCRYPTION_KEYS; chạy lại được nếu bị ngắt)
  dead-letters [--limit <n>]      các tin nhắn gửi thất bại hẳn (hết lượt thử hoặc bị từ chối), kèm lý do
  create-officer --username <tên> --commune <mã xã 5 số> --role officer|leader|admin
                                  tạo tài khoản cán bộ; mật khẩu (ít nhất 12 ký tự) đọc từ đầu vào chuẩn
                                  (admin cấp tỉnh: bỏ --commune)
  disable-officer --username <tên> khoá tài khoản và kết thúc mọi phiên đăng nhập
  reset-password --username <tên>  đặt mật khẩu mới, đọc từ đầu vào chuẩn
  create-integration-key --name <hệ thống> --communes <mã xã,mã xã>
                                  tạo khoá cho hệ thống một cửa gọi /api/integration/v1; khoá và secret
                                  chỉ in ra một lần
  revoke-integration-key --name <hệ thống>   thu hồi khoá của hệ thống đó`;

function print(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** An integer option (`--name n`) within bounds, its default when absent; undefined when out of bounds. */
function intOption(args: readonly string[], name: string, fallback: number, max: number): number | undefined {
  const at = args.indexOf(name);
  const value = at >= 0 ? Number(args[at + 1]) : fallback;
  if (Number.isInteger(value) && value >= 1 && value <= max) return value;
  print(`${name} phải là số nguyên từ 1 đến ${max}.`);
  return undefined;
}

/** The configured database, migrated, for one command; closed after it. */
async function withDatabase<T>(task: (database: DatabaseHandle, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel, { service: "admin" });
  const database = await openDatabase({ ...config.database, dataDir: config.dataDir, logger });
  try {
    // Migrations and reference data (communes): an officer's commune must exist on a fresh database too.
    await prepareDatabase(database, logger);
    return await task(database, config);
  } finally {
    await database.close();
  }
}

async function rotate(args: readonly string[]): Promise<number> {
  const batchSize = intOption(args, "--batch", 500, 10_000);
  if (batchSize === undefined) return 2;
  return withDatabase(async (database, config) => {
    const sealer = createSealer(config.dataEncryptionKey, config.previousDataEncryptionKeys);
    print(
      `Khoá hiện tại: ${sealer.keyId}; khoá cũ còn đọc được: ${config.previousDataEncryptionKeys.length}.`,
    );
    const report = await rotateDataKey(database.db, sealer, {
      batchSize,
      onBatch: (column, resealed) => print(`  ${column}: đã mã hoá lại ${resealed}`),
    });
    const total = Object.values(report.resealed).reduce((sum, n) => sum + n, 0);
    const failed = Object.entries(report.failed).filter(([, n]) => n > 0);
    print(`Xong: ${total} giá trị mã hoá lại, ${report.legacySealed} giá trị dạng rõ đã được niêm phong.`);
    if (failed.length > 0) {
      for (const [column, n] of failed)
        print(`  ${column}: ${n} giá trị không mở được bằng khoá nào đã cấu hình`);
      print("Thêm khoá đã niêm phong chúng vào DATA_ENCRYPTION_KEYS rồi chạy lại.");
      return 1;
    }
    print("Không còn giá trị nào dưới khoá cũ: có thể bỏ khoá cũ khỏi DATA_ENCRYPTION_KEYS.");
    return 0;
  });
}

async function deadLetters(args: readonly string[]): Promise<number> {
  const limit = intOption(args, "--limit", 50, 500);
  if (limit === undefined) return 2;
  return withDatabase(async (database) => {
    await printDeadLetters(database.db, limit, print);
    return 0;
  });
}

async function main(args: readonly string[]): Promise<number> {
  const [command, ...rest] = args;
  if (command === "rotate-data-key") return rotate(rest);
  if (command === "dead-letters") return deadLetters(rest);
  if (command === "create-officer") {
    const password = await readPasswordLine();
    return withDatabase((database) => createOfficerCommand(database.db, rest, password, print));
  }
  if (command === "disable-officer")
    return withDatabase((database) => disableOfficerCommand(database.db, rest, print));
  if (command === "reset-password") {
    const password = await readPasswordLine();
    return withDatabase((database) => resetPasswordCommand(database.db, rest, password, print));
  }
  if (command === "create-integration-key") {
    return withDatabase((database, config) =>
      createIntegrationKeyCommand(
        database.db,
        createSealer(config.dataEncryptionKey, config.previousDataEncryptionKeys),
        rest,
        print,
      ),
    );
  }
  if (command === "revoke-integration-key")
    return withDatabase((database) => revokeIntegrationKeyCommand(database.db, rest, print));
  print(USAGE);
  return command === undefined || command === "help" || command === "--help" ? 0 : 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof ConfigError ? error.message : `Lỗi: ${error instanceof Error ? error.message : String(error)}`}\n`,
    );
    process.exit(1);
  },
);

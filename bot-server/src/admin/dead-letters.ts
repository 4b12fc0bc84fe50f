import type { Database } from "../db/client";
import { listDeadLetters } from "../modules/delivery";

/**
 * `npm run admin -- dead-letters [--limit n]`: the messages that will not reach anyone (OB-8), newest
 * first, with why — until the officer screens list them. No text, no recipient: ids, kinds, reasons.
 */
export async function printDeadLetters(
  db: Database,
  limit: number,
  print: (line: string) => void,
): Promise<number> {
  const letters = await listDeadLetters(db, { limit });
  if (letters.length === 0) {
    print("Không có tin nào gửi thất bại.");
    return 0;
  }
  print("id\tloại\ttrạng thái\thồ sơ\tlần gửi\tlý do\tkết thúc");
  for (const letter of letters) {
    print(
      [
        letter.id,
        letter.kind,
        letter.status === "dead" ? "hết lượt thử" : "bị từ chối",
        letter.dossierCode ?? "—",
        letter.attempts,
        letter.lastError ?? "—",
        letter.finishedAt?.toISOString() ?? "—",
      ].join("\t"),
    );
  }
  return letters.length;
}

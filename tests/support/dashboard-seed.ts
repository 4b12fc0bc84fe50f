import { randomBytes, randomUUID } from "node:crypto";
import { openDatabase } from "../../bot-server/src/db/client";
import { deliveries, dossiers } from "../../bot-server/src/db/schema";
import { SEALED } from "../../bot-server/src/db/sealed-places";
import { createSealer } from "../../bot-server/src/lib/crypto";
import { createLogger } from "../../bot-server/src/lib/logger";
import { KHAI_SINH } from "./citizens";
import type { ServerDatabase } from "./database";

/**
 * Dossiers for the dashboard's end-to-end test, written through the product's tables before the server
 * starts (PGlite has one writer). Dates are relative to the month the test runs in, so "Tháng này" and
 * "Tháng trước" always show them. Counted by hand (commune 00292, the demo leader's):
 *
 * Last month (day numbers of that month, Vietnam time):
 *   L1 khai sinh online/citizen, in 03, due 06 17:00, result 05 → early
 *   L2 khai sinh online/citizen, in 05, due 10 17:00, result 10 15:00 → on the due day
 *   L3 khai tử online/officer, in 08, due 11 17:00, result 12 09:00 → late; its message did not reach
 *   L4 khai sinh counter/officer, in 10, due 13 17:00, result 12 → early
 *   L5 khai tử online/citizen, in 14, due 17 17:00, result 16 → early
 *   L6 khai sinh online/citizen, in 17, due 20 17:00, result 21 09:00 → late
 *   L7 khai tử online/citizen, in 20, due 25 17:00, processing → overdue now
 *   L8 khai sinh counter/officer, in 22, due in 60 days, processing → open
 *   → received 8, resolved 6 (3 early, 1 on the due day, 2 late), on time 4/6 = 66,7%, online 6/8 = 75%,
 *     self-submitted 5/6 = 83,3%, overdue now 1, messages that did not reach 1.
 * This month: T1 khai sinh online/citizen, in and resolved minutes ago (early); T2 submitted minutes ago.
 *   → received 2, resolved 1, on time 100%, overdue now 1 (L7, whatever the range).
 */

export const KHAI_TU = "1.000656";
export const DASHBOARD_COMMUNE = "00292";
export const OVERDUE_CODE = `${DASHBOARD_COMMUNE}-DASH-L007`;
export const UNREACHED_CODE = `${DASHBOARD_COMMUNE}-DASH-L003`;

const VN_OFFSET_MS = 7 * 3_600_000;

/** Year and month (1–12) of the Vietnam month before the one `now` is in. */
function previousVnMonth(now: Date): { year: number; month: number } {
  const vn = new Date(now.getTime() + VN_OFFSET_MS);
  const month = vn.getUTCMonth(); // 0-based this month = 1-based previous month
  return month === 0 ? { year: vn.getUTCFullYear() - 1, month: 12 } : { year: vn.getUTCFullYear(), month };
}

interface Seed {
  n: string;
  procedure: string;
  channel: "online" | "counter";
  filedBy: "citizen" | "officer";
  status: string;
  submitted: Date;
  due: Date;
  resolved?: Date;
  workingDays?: number;
}

function lastMonthSeeds(now: Date): Seed[] {
  const { year, month } = previousVnMonth(now);
  const at = (day: number, time = "09:00") =>
    new Date(`${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}T${time}:00+07:00`);
  const far = new Date(now.getTime() + 60 * 86_400_000);
  const online = { channel: "online", filedBy: "citizen" } as const;
  const counter = { channel: "counter", filedBy: "officer" } as const;
  return [
    {
      n: "L001",
      procedure: KHAI_SINH,
      ...online,
      status: "result_ready",
      submitted: at(3),
      due: at(6, "17:00"),
      resolved: at(5, "10:00"),
      workingDays: 2,
    },
    {
      n: "L002",
      procedure: KHAI_SINH,
      ...online,
      status: "returned",
      submitted: at(5),
      due: at(10, "17:00"),
      resolved: at(10, "15:00"),
      workingDays: 3,
    },
    {
      n: "L003",
      procedure: KHAI_TU,
      channel: "online",
      filedBy: "officer",
      status: "result_ready",
      submitted: at(8),
      due: at(11, "17:00"),
      resolved: at(12),
      workingDays: 3,
    },
    {
      n: "L004",
      procedure: KHAI_SINH,
      ...counter,
      status: "returned",
      submitted: at(10),
      due: at(13, "17:00"),
      resolved: at(12, "10:00"),
      workingDays: 2,
    },
    {
      n: "L005",
      procedure: KHAI_TU,
      ...online,
      status: "result_ready",
      submitted: at(14),
      due: at(17, "17:00"),
      resolved: at(16, "10:00"),
      workingDays: 2,
    },
    {
      n: "L006",
      procedure: KHAI_SINH,
      ...online,
      status: "result_ready",
      submitted: at(17),
      due: at(20, "17:00"),
      resolved: at(21),
      workingDays: 3,
    },
    {
      n: "L007",
      procedure: KHAI_TU,
      ...online,
      status: "processing",
      submitted: at(20),
      due: at(25, "17:00"),
    },
    { n: "L008", procedure: KHAI_SINH, ...counter, status: "processing", submitted: at(22), due: far },
  ];
}

function thisMonthSeeds(now: Date): Seed[] {
  const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
  const far = new Date(now.getTime() + 60 * 86_400_000);
  return [
    {
      n: "T001",
      procedure: KHAI_SINH,
      channel: "online",
      filedBy: "citizen",
      status: "result_ready",
      submitted: minutesAgo(3),
      due: far,
      resolved: minutesAgo(2),
      workingDays: 0,
    },
    {
      n: "T002",
      procedure: KHAI_SINH,
      channel: "online",
      filedBy: "citizen",
      status: "submitted",
      submitted: minutesAgo(3),
      due: far,
    },
  ];
}

/**
 * Writes the dossiers above (and L3's lost message) into the server's database; call before it starts,
 * and start it with the environment returned: the answers are sealed (empty) under that key, as the
 * server checks every sealed value it finds on start.
 */
export async function seedDashboardMonth(
  database: ServerDatabase,
  now = new Date(),
): Promise<{ DATA_ENCRYPTION_KEY: string }> {
  const key = randomBytes(32);
  const sealer = createSealer(key);
  const handle = await openDatabase({
    driver: database.url ? "pg" : "pglite",
    url: database.url,
    dataDir: database.dataDir,
    logger: createLogger("warn"),
  });
  try {
    const seeds = [...lastMonthSeeds(now), ...thisMonthSeeds(now)];
    await handle.db.insert(dossiers).values(
      seeds.map((seed) => ({
        code: `${DASHBOARD_COMMUNE}-DASH-${seed.n}`,
        citizenId: null,
        draftId: randomUUID(),
        procedureCode: seed.procedure,
        procedureVersion: 1,
        communeCode: DASHBOARD_COMMUNE,
        status: seed.status,
        answersSealed: sealer.sealJson({}, SEALED.dossierAnswers(`${DASHBOARD_COMMUNE}-DASH-${seed.n}`)),
        submittedAt: seed.submitted,
        dueAt: seed.due,
        idempotencyKey: randomUUID(),
        requestHash: "seeded",
        channel: seed.channel,
        filedBy: seed.filedBy,
        resolvedAt: seed.resolved ?? null,
        resolvedWorkingDays: seed.workingDays ?? null,
      })),
    );
    const l3 = seeds.find((seed) => seed.n === "L003");
    if (!l3?.resolved) throw new Error("L003 has no result");
    await handle.db.insert(deliveries).values({
      idempotencyKey: randomUUID(),
      kind: "dossier_status",
      status: "dead",
      dossierCode: UNREACHED_CODE,
      payload: { status: "result_ready", procedureTitle: "Đăng ký khai tử", dueAt: l3.due.toISOString() },
      expiresAt: l3.resolved,
      createdAt: l3.resolved,
    });
  } finally {
    await handle.close();
  }
  return { DATA_ENCRYPTION_KEY: key.toString("base64") };
}

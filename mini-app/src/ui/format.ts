/** Dates, times and money the way Vietnamese paperwork writes them, in Vietnam time whatever the phone's zone. */

const TIME_ZONE = "Asia/Ho_Chi_Minh";

function parts(date: Date): Record<string, string> {
  const formatter = new Intl.DateTimeFormat("en-GB", {
    timeZone: TIME_ZONE,
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  });
  return Object.fromEntries(formatter.formatToParts(date).map((part) => [part.type, part.value]));
}

/** "05/12/2026". */
export function formatDate(iso: string | Date): string {
  const p = parts(typeof iso === "string" ? new Date(iso) : iso);
  return `${p.day}/${p.month}/${p.year}`;
}

/** "05/12/2026 16:30". */
export function formatDateTime(iso: string | Date): string {
  const p = parts(typeof iso === "string" ? new Date(iso) : iso);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/** 8000 → "8.000 đồng". */
export function formatVnd(amount: number): string {
  return `${String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, ".")} đồng`;
}

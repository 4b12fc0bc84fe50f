/**
 * Short times for the officer's lists, in Vietnam time whatever the desk computer's zone: "09:30",
 * "09:30 07/12", "chờ 1 giờ 5 phút". The citizen's ui/format.ts writes full dates; a queue needs less.
 */

const TIME_ZONE = "Asia/Ho_Chi_Minh";

const formatter = new Intl.DateTimeFormat("en-GB", {
  timeZone: TIME_ZONE,
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

function parts(at: Date): Record<string, string> {
  return Object.fromEntries(formatter.formatToParts(at).map((part) => [part.type, part.value]));
}

const asDate = (at: string | Date) => (typeof at === "string" ? new Date(at) : at);

/** "09:30". */
export function clockText(at: string | Date): string {
  const p = parts(asDate(at));
  return `${p.hour}:${p.minute}`;
}

/** "09:30 07/12". */
export function clockDayText(at: string | Date): string {
  const p = parts(asDate(at));
  return `${p.hour}:${p.minute} ${p.day}/${p.month}`;
}

/** Same Vietnam calendar day? */
export function sameVnDay(a: string | Date, b: string | Date): boolean {
  const pa = parts(asDate(a));
  const pb = parts(asDate(b));
  return pa.day === pb.day && pa.month === pb.month && pa.year === pb.year;
}

/** "09:30" today, "09:30 07/12" on another day: a chat line or a deadline read at a glance. */
export function clockOrDayText(at: string | Date, now: Date): string {
  return sameVnDay(at, now) ? clockText(at) : clockDayText(at);
}

/** Wall-clock time since `from`: "vừa xong", "12 phút", "1 giờ 5 phút", "3 ngày". */
export function elapsedText(from: string | Date, now: Date): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - asDate(from).getTime()) / 60_000));
  if (minutes < 1) return "vừa xong";
  if (minutes < 60) return `${minutes} phút`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 === 0 ? `${hours} giờ` : `${hours} giờ ${minutes % 60} phút`;
  return `${Math.floor(hours / 24)} ngày`;
}

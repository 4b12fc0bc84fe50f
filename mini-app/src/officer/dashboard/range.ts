/**
 * The dashboard's date range, in Vietnam calendar days whatever the desk computer's zone: both ends
 * included, "YYYY-MM-DD". It lives in the address (?from=&to=&commune=) so a reload or a link sent to
 * a colleague shows the same figures.
 */
import { DASHBOARD_MAX_RANGE_DAYS } from "@dvc/shared/api/dashboard";
import {
  dayNumberOf,
  isLocalDate,
  type LocalDate,
  localDateOf,
  toVnLocalDate,
} from "@dvc/shared/dossier/calendar/vietnam-time";

export interface DashboardRange {
  from: LocalDate;
  to: LocalDate;
}

export interface DashboardSelection extends DashboardRange {
  /** A commune's code for an admin's choice; null = the whole province (or the officer's own commune). */
  commune: string | null;
}

export type PresetId = "this-month" | "last-month" | "last-30-days";

export const PRESETS: readonly { id: PresetId; label: string }[] = [
  { id: "this-month", label: "Tháng này" },
  { id: "last-month", label: "Tháng trước" },
  { id: "last-30-days", label: "30 ngày qua" },
];

const COMMUNE_CODE = /^\d{5}$/;

function monthStart(date: LocalDate): LocalDate {
  return `${date.slice(0, 7)}-01`;
}

export function presetRange(preset: PresetId, now: Date): DashboardRange {
  const today = toVnLocalDate(now);
  if (preset === "this-month") return { from: monthStart(today), to: today };
  if (preset === "last-30-days") return { from: localDateOf(dayNumberOf(today) - 29), to: today };
  const lastDay = localDateOf(dayNumberOf(monthStart(today)) - 1);
  return { from: monthStart(lastDay), to: lastDay };
}

/** The preset a range is, if any: its button shows as chosen. */
export function presetOf(range: DashboardRange, now: Date): PresetId | null {
  const found = PRESETS.find(({ id }) => {
    const preset = presetRange(id, now);
    return preset.from === range.from && preset.to === range.to;
  });
  return found?.id ?? null;
}

/** Why a typed range cannot be asked for, in words for the officer; null when it can. */
export function rangeProblem(range: DashboardRange): string | null {
  if (!isLocalDate(range.from) || !isLocalDate(range.to)) return "Hãy chọn đủ ngày bắt đầu và ngày kết thúc.";
  const days = dayNumberOf(range.to) - dayNumberOf(range.from) + 1;
  if (days < 1) return "Ngày bắt đầu phải trước hoặc trùng ngày kết thúc. Hãy chọn lại.";
  if (days > DASHBOARD_MAX_RANGE_DAYS)
    return `Chỉ xem được tối đa ${DASHBOARD_MAX_RANGE_DAYS} ngày một lần. Hãy thu hẹp khoảng thời gian.`;
  return null;
}

/** The selection an address holds; anything missing or wrong falls back to this month, province-wide. */
export function selectionFromSearch(search: URLSearchParams, now: Date): DashboardSelection {
  const commune = search.get("commune");
  const asked = { from: search.get("from") ?? "", to: search.get("to") ?? "" };
  const range = rangeProblem(asked) === null ? asked : presetRange("this-month", now);
  return { ...range, commune: commune && COMMUNE_CODE.test(commune) ? commune : null };
}

export function selectionSearch(selection: DashboardSelection): string {
  const search = new URLSearchParams({ from: selection.from, to: selection.to });
  if (selection.commune !== null) search.set("commune", selection.commune);
  return search.toString();
}

/** "01/12/2026" of "2026-12-01". */
export function dayText(date: LocalDate): string {
  const [year, month, day] = date.split("-");
  return `${day}/${month}/${year}`;
}

/** "01/12/2026 – 07/12/2026", or one date when the range is one day. */
export function rangeText(range: DashboardRange): string {
  return range.from === range.to ? dayText(range.from) : `${dayText(range.from)} – ${dayText(range.to)}`;
}

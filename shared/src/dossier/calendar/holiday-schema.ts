import { z } from "zod";
import { dayNumberOf, isLocalDate, weekdayOf } from "./vietnam-time";

/**
 * The shape of `vn-holidays-2025-2027.json`, a committed copy of `shared/data/vn-calendar/` (kept verbatim
 * so that a new version of the source can be dropped in and diffed). Checked at import: a bad edit must fail
 * the tests, not move a citizen's deadline.
 */

const localDateSchema = z.string().refine(isLocalDate, "Ngày phải có dạng YYYY-MM-DD và có thật");
export const holidayConfidenceSchema = z.enum(["confirmed", "unconfirmed"]);

const dayOffSchema = z.object({
  date: localDateSchema,
  name: z.string().min(1),
  confidence: holidayConfidenceSchema,
  note: z.string().optional(),
});

const saturdayWorkedSchema = z.object({
  date: localDateSchema,
  reason: z.string().min(1),
  confidence: holidayConfidenceSchema,
});

/** A year whose civil-service schedule was published (Thông báo of Bộ LĐTBXH to 2025, Bộ Nội vụ from 2026). */
const notifiedYearSchema = z.object({
  notice: z.string().min(1),
  weekdays_off: z.array(dayOffSchema),
  saturdays_worked: z.array(saturdayWorkedSchema),
  continuous_breaks_info: z.array(z.string()).optional(),
});

/** A year with no notice yet: only the statutory days of Bộ luật Lao động 2019 Điều 112, as projected. */
const projectedYearSchema = z.object({
  notice: z.string().min(1),
  statutory_projection: z.array(dayOffSchema),
  note: z.string().optional(),
});

export type NotifiedYear = z.infer<typeof notifiedYearSchema>;
export type ProjectedYear = z.infer<typeof projectedYearSchema>;

function yearOf(date: string): string {
  return date.slice(0, 4);
}

export const holidayFileSchema = z
  .object({
    description: z.string(),
    legal_basis: z.record(z.string(), z.string()),
    years: z.record(z.string().regex(/^\d{4}$/), z.union([notifiedYearSchema, projectedYearSchema])),
    sources: z.array(z.string()),
  })
  .superRefine((file, ctx) => {
    // zod runs this even when a date above failed its own check, so bad dates are skipped here.
    for (const [year, entry] of Object.entries(file.years)) {
      if (!("weekdays_off" in entry)) continue;
      const seen = new Set<string>();
      for (const day of entry.weekdays_off) {
        if (!isLocalDate(day.date)) continue;
        const weekday = weekdayOf(dayNumberOf(day.date));
        // A day off on a weekend would change nothing: it means the entry was typed wrong.
        if (weekday === 0 || weekday === 6 || yearOf(day.date) !== year || seen.has(day.date)) {
          ctx.addIssue({ code: "custom", message: `${year}: ngày nghỉ sai hoặc lặp: ${day.date}` });
        }
        seen.add(day.date);
      }
      for (const day of entry.saturdays_worked) {
        if (!isLocalDate(day.date)) continue;
        if (weekdayOf(dayNumberOf(day.date)) !== 6 || yearOf(day.date) !== year) {
          ctx.addIssue({ code: "custom", message: `${year}: ngày làm bù phải là thứ Bảy: ${day.date}` });
        }
      }
    }
  });

export type HolidayFile = z.infer<typeof holidayFileSchema>;

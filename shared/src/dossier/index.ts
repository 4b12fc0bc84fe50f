/** The dossier domain: working-day calendar, legal clock, national statuses and transitions, dossier codes. */
export {
  CALENDAR_DATA_YEARS,
  type CalendarBasis,
  type CalendarConfidence,
  HOLIDAY_FILE,
} from "./calendar/holiday-data";
export { PROJECTED_DAYS_OFF, type ProjectedDayOff } from "./calendar/projected-days";
export {
  type ClockTime,
  isLocalDate,
  type LocalDate,
  toVnLocalDate,
  VN_TIME_ZONE,
  vnInstant,
  vnMinuteOfDay,
} from "./calendar/vietnam-time";
export {
  addWorkingDays,
  type CalendarYearCoverage,
  calendarYearCoverage,
  type DayInfo,
  type DayKind,
  describeDay,
  isWorkingDay,
  workingDaysBetween,
} from "./calendar/working-days";
export {
  dueSoonBefore,
  isDueSoon,
  isOverdue,
  type RemainingWorkingTime,
  remainingWorkingTime,
} from "./countdown";
export {
  DOSSIER_CODE_ALPHABET,
  DOSSIER_CODE_RANDOM_BYTES,
  type DossierCodeParse,
  dossierCodeSchema,
  generateDossierCode,
  parseDossierCode,
} from "./dossier-code";
export {
  type DossierCodeMatch,
  findDossierCodesInText,
  findMistypedDossierCodes,
  type TextSpan,
} from "./dossier-code-text";
export {
  type CatalogLegalTime,
  type ComputeDueAtInput,
  computeDueAt,
  type DueAtLegalTime,
  type DueAtResult,
  dueAtLegalTimeOf,
} from "./legal-clock";
export { DEFAULT_OFFICE_HOURS, type OfficeHours, SAME_DAY_CUTOFF } from "./office-hours";
export {
  ACKNOWLEDGE_WITHIN_OFFICE_MINUTES,
  acknowledgementDue,
  addOfficeMinutes,
  nextOfficeOpen,
} from "./office-time";
export {
  DOSSIER_REPORT_GROUP_LABELS,
  DOSSIER_STATUS_INFO,
  DOSSIER_STATUSES,
  type DossierReportGroup,
  type DossierStatus,
  type DossierStatusInfo,
  dossierStatusSchema,
  isClockRunning,
  isDossierOverdue,
  isTerminalStatus,
  nationalCodeOf,
  nationalStatusCodeSchema,
  reportGroupOf,
  statusFromNationalCode,
} from "./status";
export {
  NEXT_STEP,
  NOTICE_DELIVERY_LABELS,
  type NoticeDeliveryState,
  OPEN_DOSSIER_BUTTON_TITLE,
  RESULT_FILE_NOTE,
  resultReadyNote,
  type StatusMessageFacts,
  statusMessageText,
} from "./status-messages";
export {
  assertTransition,
  canTransition,
  DOSSIER_ACTORS,
  DOSSIER_TRANSITIONS,
  type DossierActor,
  DossierTransitionError,
  type DossierTransitionErrorCode,
  dossierActorSchema,
  nextStatuses,
  statusAfterSupplement,
} from "./transitions";

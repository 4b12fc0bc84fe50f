import { maskCccd } from "../../identity/cccd";
import { normalisePhone } from "../../identity/phone";
import type { LeafField } from "../definition";
import { formatDateVi } from "./dates";
import { DISPLAY } from "./messages";
import { formatVietnameseNumber } from "./numbers";
import { isAnswered, isRecord, ownValue } from "./paths";

export interface DisplayOptions {
  /** Show only the last 4 digits of CCCD numbers (screens others may see, notifications, logs). */
  maskIdentity?: boolean;
  /** Names of administrative units by code; without it the codes are shown. */
  unitName?: (kind: "province" | "commune", code: string) => string | undefined;
}

/**
 * One answer as a Vietnamese string for the review page and the officer. Values are normalised when valid;
 * anything else (a draft's half-typed answer) is shown as typed rather than hidden.
 */
export function displayLeaf(field: LeafField, value: unknown, options: DisplayOptions): string {
  if (!isAnswered(value) || (field.type === "declaration" && value === false)) {
    // An optional question left blank was answered "none" (no copies wanted), not forgotten.
    return field.required || field.type === "declaration" ? DISPLAY.unanswered : DISPLAY.none;
  }
  switch (field.type) {
    case "number":
      return typeof value === "number" ? withUnit(formatVietnameseNumber(value), field.unit) : asText(value);
    case "date":
      return typeof value === "string" ? formatDateVi(value) : asText(value);
    case "select":
    case "radio":
      return field.options.find((option) => option.value === value)?.label ?? asText(value);
    case "yes_no":
      return value === true ? DISPLAY.yes : value === false ? DISPLAY.no : asText(value);
    case "cccd":
      return displayCccd(value, options);
    case "phone":
      return displayPhone(value);
    case "address":
      return displayAddress(value, options);
    case "attachment":
      return displayFiles(value);
    case "declaration":
      return value === true ? DISPLAY.confirmed : asText(value);
    default:
      return asText(value);
  }
}

export function displayCccd(value: unknown, options: DisplayOptions): string {
  if (typeof value !== "string") return asText(value);
  return options.maskIdentity ? maskCccd(value) : value;
}

/** "0912 345 678", how people read their own number. */
export function displayPhone(value: unknown): string {
  if (typeof value !== "string") return asText(value);
  const checked = normalisePhone(value);
  return checked.ok ? checked.display : value;
}

/** "Số 5 ngõ 12 Bạch Mai, Phường Bạch Mai, Thành phố Hà Nội" (detail, commune, province). */
export function displayAddress(value: unknown, options: DisplayOptions): string {
  if (!isRecord(value)) return asText(value);
  const text = (key: string) => {
    const inner = ownValue(value, key);
    return typeof inner === "string" ? inner.trim() : "";
  };
  const province = text("provinceCode");
  const commune = text("communeCode");
  const parts = [
    text("detail"),
    commune && (options.unitName?.("commune", commune) ?? DISPLAY.commune(commune)),
    province && (options.unitName?.("province", province) ?? DISPLAY.province(province)),
  ];
  return parts.filter((part) => part !== "").join(", ");
}

function displayFiles(value: unknown): string {
  if (!Array.isArray(value)) return asText(value);
  const names = value.map((file) => (isRecord(file) && typeof file.name === "string" ? file.name : "?"));
  return `${DISPLAY.files(value.length)}: ${names.join(", ")}`;
}

function withUnit(text: string, unit: string | undefined): string {
  return unit === undefined ? text : `${text} ${unit}`;
}

/** Anything else as readable text; never throws on odd JSON. */
export function asText(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (!isAnswered(value)) return DISPLAY.unanswered;
  return JSON.stringify(value) ?? DISPLAY.unanswered;
}

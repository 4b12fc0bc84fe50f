/**
 * Names of communes by code, remembered on the device: answers keep only codes (addressAnswerSchema),
 * and a review page saying "Xã/phường mã 00292" would mean nothing to a citizen.
 */
import { provinceName } from "@dvc/shared/procedures/provinces";
import { useEffect, useState } from "react";
import { getCommune } from "../api";
import { storage } from "../platform/zalo";

const KEY = "dvc.communeNames.v1";

function readAll(): Record<string, string> {
  try {
    const value: unknown = JSON.parse(storage.getItem(KEY) ?? "{}");
    if (typeof value !== "object" || value === null || Array.isArray(value)) return {};
    return Object.fromEntries(
      Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
    );
  } catch {
    return {};
  }
}

export function rememberCommuneName(code: string, name: string): void {
  const all = readAll();
  if (all[code] === name) return;
  storage.setItem(KEY, JSON.stringify({ ...all, [code]: name }));
}

export function communeName(code: string): string | undefined {
  return readAll()[code];
}

const HANOI = "Thành phố Hà Nội";

/** Provinces the service runs in, by GSO code, as people say them ("Hà Nội", not "Thành phố Hà Nội"). */
const PROVINCE_SHORT_NAMES: Readonly<Record<string, string>> = { "01": "Hà Nội" };

export function provinceShortName(code: string): string | undefined {
  return PROVINCE_SHORT_NAMES[code];
}

/**
 * A commune's name without its type, for lists where the type is said once beside it: "Phường Bạch Mai"
 * → "Bạch Mai". A name that does not start with its type is kept whole.
 */
export function bareCommuneName(name: string, type: string): string {
  const prefix = `${type} `;
  return name.startsWith(prefix) && name.length > prefix.length ? name.slice(prefix.length) : name;
}

/** For summariseAnswers' `unitName`: names where known, else the engine falls back to the code. */
export function unitName(kind: "province" | "commune", code: string): string | undefined {
  if (kind === "province") return code === "01" ? HANOI : provinceName(code);
  return communeName(code);
}

/** The commune's name, asking the server once when this device has not seen it yet. */
export function useCommuneName(code: string | null | undefined): string | undefined {
  const [name, setName] = useState(() => (code ? communeName(code) : undefined));
  useEffect(() => {
    if (!code || !/^\d{5}$/.test(code)) {
      setName(undefined);
      return;
    }
    const known = communeName(code);
    setName(known);
    if (known) return;
    const controller = new AbortController();
    getCommune(code, controller.signal).then(
      (commune) => {
        rememberCommuneName(commune.code, commune.name);
        setName(commune.name);
      },
      () => undefined,
    );
    return () => controller.abort();
  }, [code]);
  return name;
}

/**
 * The commune the citizen lives in, remembered on the device so the app opens on their own
 * procedures and notices. Every component using the hook sees the same value: a choice made on the
 * picker is on the home page when it shows again.
 */
import { useSyncExternalStore } from "react";
import { storage } from "../platform/zalo";

/** Versioned: a later shape gets a new key instead of misreading this one. */
export const CHOSEN_COMMUNE_KEY = "dvc.commune.v1";

export interface ChosenCommune {
  /** GSO code, 5 digits. */
  code: string;
  /** Full name with its type, e.g. "Phường Bạch Mai". */
  name: string;
  /** GSO code, 2 digits; absent in a choice saved by an older build. */
  provinceCode?: string;
}

const listeners = new Set<() => void>();
/** useSyncExternalStore needs the same object back while the stored text is unchanged. */
let cache: { raw: string | null; value: ChosenCommune | null } = { raw: null, value: null };

function readChosenCommune(): ChosenCommune | null {
  const raw = storage.getItem(CHOSEN_COMMUNE_KEY);
  if (raw !== cache.raw) cache = { raw, value: parse(raw) };
  return cache.value;
}

/** Anything unreadable (an older build's value, a hand edit) counts as "not chosen yet". */
function parse(raw: string | null): ChosenCommune | null {
  if (raw === null) return null;
  try {
    const value: unknown = JSON.parse(raw);
    if (
      typeof value === "object" &&
      value !== null &&
      "code" in value &&
      typeof value.code === "string" &&
      /^\d{5}$/.test(value.code) &&
      "name" in value &&
      typeof value.name === "string" &&
      value.name !== ""
    ) {
      const province =
        "provinceCode" in value &&
        typeof value.provinceCode === "string" &&
        /^\d{2}$/.test(value.provinceCode)
          ? { provinceCode: value.provinceCode }
          : {};
      return { code: value.code, name: value.name, ...province };
    }
  } catch {
    // fall through: not JSON
  }
  return null;
}

function write(commune: ChosenCommune): void {
  const { code, name, provinceCode } = commune;
  storage.setItem(CHOSEN_COMMUNE_KEY, JSON.stringify({ code, name, provinceCode }));
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function useChosenCommune(): {
  commune: ChosenCommune | null;
  choose: (commune: ChosenCommune) => void;
} {
  const commune = useSyncExternalStore(subscribe, readChosenCommune);
  return { commune, choose: write };
}

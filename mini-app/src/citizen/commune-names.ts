/**
 * Names of communes by code, remembered on the device: answers keep only codes (addressAnswerSchema),
 * and a review page saying "Xã/phường mã 00292" would mean nothing to a citizen.
 */
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

/** For summariseAnswers' `unitName`: names where known, else the engine falls back to the code. */
export function unitName(kind: "province" | "commune", code: string): string | undefined {
  if (kind === "province") return code === "01" ? HANOI : undefined;
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

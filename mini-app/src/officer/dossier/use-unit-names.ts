import { useEffect, useState } from "react";
import { getCommune } from "../../api";
import { communeName, rememberCommuneName } from "../../citizen/commune-names";

/** Every `communeCode` inside the answers (addresses, nested in person blocks and group items). */
function communeCodes(value: unknown, found: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) communeCodes(item, found);
  } else if (typeof value === "object" && value !== null) {
    for (const [key, inner] of Object.entries(value)) {
      if (key === "communeCode" && typeof inner === "string" && /^\d{5}$/.test(inner)) found.add(inner);
      else communeCodes(inner, found);
    }
  }
  return found;
}

/**
 * Answers keep communes as codes; the officer reads names. Fetches the names this device has not seen
 * (remembered by citizen/commune-names.ts) and returns a number that changes when some arrived, for
 * the caller to render again.
 */
export function useUnitNames(answers: Record<string, unknown> | undefined): number {
  const [arrived, setArrived] = useState(0);
  useEffect(() => {
    if (!answers) return;
    const missing = [...communeCodes(answers)].filter((code) => communeName(code) === undefined);
    if (missing.length === 0) return;
    const controller = new AbortController();
    for (const code of missing) {
      getCommune(code, controller.signal).then(
        (commune) => {
          rememberCommuneName(commune.code, commune.name);
          setArrived((n) => n + 1);
        },
        // Without the name the code shows ("Xã/phường mã 00292"): still exact.
        () => undefined,
      );
    }
    return () => controller.abort();
  }, [answers]);
  return arrived;
}

import type { Officer } from "@dvc/shared/api/officer";
import { startOfficerSession } from "./officer-session";

/** For the officer area's UI tests: a signed-in officer (Phường Bạch Mai's by default), token "officer-token". */
export function startTestOfficerSession(
  officer: Officer = { id: "o1", username: "canbo.00292", role: "officer", communeCode: "00292" },
): void {
  startOfficerSession({ token: "officer-token", expiresAt: "2099-01-01T00:00:00.000Z", officer });
}

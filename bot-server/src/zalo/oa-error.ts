import type { ErrorCode } from "@dvc/shared";
import { AppError } from "../lib/errors";

/**
 * Why an OA call failed. `unavailable`: network, timeout, 5xx or an unknown answer (retry later);
 * `rate_limited` (-32); `outside_window` (-230/-232: no interaction within 7 days); `inactive` (-227);
 * `unauthorized`: the OA token was refused even after a refresh, or the refresh itself was refused
 * (an OA admin must consent again); `invalid`: refused before sending; `rejected`: any other Zalo code.
 */
export type OaErrorKind =
  | "unavailable"
  | "rate_limited"
  | "outside_window"
  | "inactive"
  | "unauthorized"
  | "invalid"
  | "rejected";

const CODE_OF: Record<OaErrorKind, ErrorCode> = {
  unavailable: "UPSTREAM_UNAVAILABLE",
  rate_limited: "UPSTREAM_UNAVAILABLE",
  outside_window: "UNPROCESSABLE",
  inactive: "UNPROCESSABLE",
  unauthorized: "INTERNAL",
  invalid: "BAD_REQUEST",
  rejected: "INTERNAL",
};

export class OaError extends AppError {
  constructor(
    readonly kind: OaErrorKind,
    /** Zalo's `error` code, for logs; undefined when Zalo gave none. */
    readonly zaloError: number | undefined,
    cause?: unknown,
  ) {
    super(CODE_OF[kind], undefined, { cause });
    this.name = "OaError";
  }
}

import type { ErrorCode } from "@dvc/shared";
import { AppError } from "../lib/errors";

/**
 * Why an OA or ZNS call failed (both hosts take the same OA token, zalo-oa.md §4). Which Zalo code means
 * which kind, and what a sender should do about each kind, is one table: zalo-error-codes.ts.
 * - `unavailable`: network, timeout, HTTP 5xx or an unknown answer (retry later);
 * - `rate_limited`: -32 or HTTP 429 (retry, slower);
 * - `unauthorized`: the OA token was refused even after one refresh (-216/-220 on openapi, -124 on the
 *   ZNS host), or the refresh itself was refused (an OA admin must consent again);
 * - `invalid`: refused before sending (our own check of what we were asked to send);
 * - `rejected`: any Zalo code the table does not name.
 * The others name one Zalo answer each (§0, §2, §7): `outside_window` (-230/-232), `inactive` (-227),
 * `not_follower` (-213), `quota_exceeded`, `night_window`, `bad_phone`, `no_zalo_account`,
 * `cannot_receive`, `template_not_approved`, `user_refused`.
 */
export type OaErrorKind =
  | "unavailable"
  | "rate_limited"
  | "outside_window"
  | "inactive"
  | "not_follower"
  | "unauthorized"
  | "invalid"
  | "rejected"
  | "quota_exceeded"
  | "night_window"
  | "bad_phone"
  | "no_zalo_account"
  | "cannot_receive"
  | "template_not_approved"
  | "user_refused";

const CODE_OF: Record<OaErrorKind, ErrorCode> = {
  unavailable: "UPSTREAM_UNAVAILABLE",
  rate_limited: "UPSTREAM_UNAVAILABLE",
  outside_window: "UNPROCESSABLE",
  inactive: "UNPROCESSABLE",
  not_follower: "UNPROCESSABLE",
  unauthorized: "INTERNAL",
  invalid: "BAD_REQUEST",
  rejected: "INTERNAL",
  quota_exceeded: "UPSTREAM_UNAVAILABLE",
  night_window: "UPSTREAM_UNAVAILABLE",
  bad_phone: "UNPROCESSABLE",
  no_zalo_account: "UNPROCESSABLE",
  cannot_receive: "UNPROCESSABLE",
  template_not_approved: "INTERNAL",
  user_refused: "UNPROCESSABLE",
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

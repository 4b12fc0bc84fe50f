import { createHash } from "node:crypto";
import { cleanText, type ErrorCode } from "@dvc/shared";
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SEALED } from "../../bot-server/src/db/sealed-places";
import { MAX_CLOCK_SKEW_MS, MAX_EVENT_AGE_MS } from "../../bot-server/src/modules/webhook/replay-window";
import { MAX_WEBHOOK_BODY_BYTES } from "../../bot-server/src/modules/webhook/routes";
import { sqlRows } from "../support/citizen-client";
import { type FreshDatabase, freshDatabase } from "../support/database";
import {
  deepJson,
  errorAnswerProblems,
  HUGE_NUMBER_LITERALS,
  hostileJson,
  hostileString,
  inChunks,
  MALFORMED_JSON_TEXTS,
  Raw,
  render,
  wireText,
} from "../support/fuzz";
import { buildTestApp, type ServedApp, serveOverHttp, type TestApp } from "../support/in-process-app";
import { signZaloEvent, zaloFixture } from "../support/zalo-webhook";

/**
 * POST /webhooks/zalo under 10,000 generated deliveries (fast-check, fixed seed): events of every shape
 * Zalo's (and an attacker's) bodies could take — hostile text, ids of every type, deep nesting, huge
 * numbers, timestamps fresh, stale, future or not numbers at all — signed right, signed wrong or not at
 * all, plus bodies that are not JSON, not objects, or over 64 KB; some sent again, alone or at the same
 * time as the first. Half in-process, the rest over real HTTP (with a Content-Length, or chunked).
 *
 * Every answer is checked against a model of the webhook written here from its rules (zalo-oa.md §1,
 * WH-1..WH-5), not from its code: which status and error code, and for an event it must store, which
 * dedupe key. Then the table must hold exactly one row per expected key and nothing else.
 */

const SEED = 20_261_128;
const DELIVERIES = 10_000;
const CONCURRENCY = 50;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** zalo-oa.md §1 "Event names" [C]: what the server queues (`pending`); any other name is `ignored`. */
const HANDLED_EVENTS = [
  "user_send_text",
  "user_send_image",
  "user_send_sticker",
  "user_send_location",
  "user_send_file",
  "user_send_link",
  "user_send_gif",
  "user_send_audio",
  "user_send_video",
  "follow",
  "unfollow",
  "user_received_message",
  "user_seen_message",
] as const;

/** What a kept id may look like to become part of a key; anything else keys the event by its body's hash. */
const PLAIN_ID = /^[A-Za-z0-9_.:-]{1,128}$/;
const PLAIN_CHARS = [..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.:-"];
/** Envelope strings are cleaned, then capped at this many UTF-16 units. */
const KEPT_CHARS = 128;

let database: FreshDatabase;
let test: TestApp;
let served: ServedApp;

beforeAll(async () => {
  database = await freshDatabase();
  test = buildTestApp(database.handle);
  served = await serveOverHttp(test.app.fetch);
});

afterAll(async () => {
  await served?.close();
  test?.cleanup();
  await database?.drop();
});

// ---------------------------------------------------------------------------------------------------
// Generation
// ---------------------------------------------------------------------------------------------------

type Transport = "in-process" | "http" | "http-chunked";
type SignatureKind =
  | "valid"
  | "bare"
  | "upper"
  | "spaced"
  | "wrong-secret"
  | "other-body"
  | "other-timestamp"
  | "missing"
  | "empty"
  | "garbage"
  | "truncated";

type Field = { kind: "string"; value: string } | { kind: "raw"; raw: string } | { kind: "missing" };
type TimeSpec = { kind: "offset"; offsetMs: number } | Field;
type Party =
  | { kind: "id"; id: Field }
  | { kind: "value"; raw: string }
  | { kind: "json"; value: unknown }
  | { kind: "missing" };
type MessageSpec =
  | { kind: "plain-id"; suffix: string; text: string }
  | { kind: "hostile-id"; suffix: string; text: string }
  | { kind: "raw-id"; raw: string; text: string }
  | { kind: "no-id"; text: string; attachments: unknown }
  | { kind: "seen"; ids: string[] }
  | { kind: "raw"; raw: string }
  | { kind: "json"; value: unknown }
  | { kind: "missing" };
type Extra = { kind: "none" } | { kind: "raw"; raw: string } | { kind: "json"; value: unknown };
type Resend =
  | { kind: "none" }
  | { kind: "exact"; offset: number }
  | { kind: "other-text"; offset: number; text: string };

interface Common {
  transport: Transport;
  contentType: string | undefined;
  server: string | undefined;
  resend: Resend;
}

interface EventSpec extends Common {
  kind: "event";
  signature: SignatureKind;
  garbageSignature: string;
  appId: Field;
  time: TimeSpec;
  eventName: Field;
  userIdByApp: Field;
  oaId: Field;
  sender: Party;
  recipient: Party;
  follower: Party;
  message: MessageSpec;
  extra: Extra;
  pad: number;
}

interface JunkSpec extends Common {
  kind: "malformed" | "not-object" | "deep" | "bytes" | "oversize";
  text: string;
  bytes: number[];
  signature: "missing" | "garbage" | "mac-of-text";
  garbageSignature: string;
}

type Spec = EventSpec | JunkSpec;

const APP_ID = "1000000000000000001";

const digits = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: min, maxLength: max });
const plainString = (max: number) => fc.string({ unit: fc.constantFrom(...PLAIN_CHARS), maxLength: max });
const literal = fc.constantFrom(...HUGE_NUMBER_LITERALS, "null", "true", "false", "[]", "{}", '[{"id":"1"}]');
const hostile = hostileString({ maxLong: 6_000 });

/** A string field, usually of the expected shape, sometimes hostile, of another type, or missing. */
function fieldArb(usual: fc.Arbitrary<string>, weights = { usual: 20, hostile: 2, raw: 1, missing: 1 }) {
  return fc.oneof(
    { weight: weights.usual, arbitrary: usual.map((value): Field => ({ kind: "string", value })) },
    { weight: weights.hostile, arbitrary: hostile.map((value): Field => ({ kind: "string", value })) },
    { weight: weights.raw, arbitrary: literal.map((raw): Field => ({ kind: "raw", raw })) },
    { weight: weights.missing, arbitrary: fc.constant<Field>({ kind: "missing" }) },
  );
}

const partyArb: fc.Arbitrary<Party> = fc.oneof(
  { weight: 12, arbitrary: fieldArb(digits(15, 20)).map((id): Party => ({ kind: "id", id })) },
  { weight: 1, arbitrary: literal.map((raw): Party => ({ kind: "value", raw })) },
  { weight: 1, arbitrary: hostileJson.map((value): Party => ({ kind: "json", value })) },
  { weight: 2, arbitrary: fc.constant<Party>({ kind: "missing" }) },
);

const timeArb: fc.Arbitrary<TimeSpec> = fc.oneof(
  {
    weight: 30,
    arbitrary: fc
      .integer({ min: 0, max: MAX_EVENT_AGE_MS - 2 * HOUR })
      .map((age): TimeSpec => ({ kind: "offset", offsetMs: -age })),
  },
  {
    weight: 2,
    arbitrary: fc
      .integer({ min: 0, max: MAX_CLOCK_SKEW_MS - 3 * MINUTE })
      .map((ahead): TimeSpec => ({ kind: "offset", offsetMs: ahead })),
  },
  {
    weight: 3,
    arbitrary: fc
      .integer({ min: MAX_EVENT_AGE_MS + HOUR, max: 400 * DAY })
      .map((age): TimeSpec => ({ kind: "offset", offsetMs: -age })),
  },
  {
    weight: 2,
    arbitrary: fc
      .integer({ min: MAX_CLOCK_SKEW_MS + HOUR, max: 50 * 365 * DAY })
      .map((ahead): TimeSpec => ({ kind: "offset", offsetMs: ahead })),
  },
  {
    weight: 2,
    arbitrary: fc
      .oneof(
        fc.constantFrom(
          "",
          "abc",
          "1e12",
          "-1",
          "0",
          "000000000000001",
          "999999999999999",
          "9999999999999999",
          "0x1F",
          "Infinity",
          "１６９９００３８８１３５４",
          "12.5",
        ),
        hostileString({ maxLong: 300 }),
      )
      .map((value): TimeSpec => ({ kind: "string", value })),
  },
  { weight: 1, arbitrary: literal.map((raw): TimeSpec => ({ kind: "raw", raw })) },
  { weight: 1, arbitrary: fc.constant<TimeSpec>({ kind: "missing" }) },
);

const messageArb: fc.Arbitrary<MessageSpec> = fc.oneof(
  {
    weight: 14,
    arbitrary: fc
      .record({
        suffix: fc.oneof(
          { weight: 6, arbitrary: plainString(24) },
          { weight: 1, arbitrary: plainString(200) },
        ),
        text: hostile,
      })
      .map((m): MessageSpec => ({ kind: "plain-id", ...m })),
  },
  {
    weight: 3,
    arbitrary: fc
      .record({ suffix: hostile, text: hostile })
      .map((m): MessageSpec => ({ kind: "hostile-id", ...m })),
  },
  {
    weight: 1,
    arbitrary: fc.record({ raw: literal, text: hostile }).map((m): MessageSpec => ({ kind: "raw-id", ...m })),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({ text: hostile, attachments: hostileJson })
      .map((m): MessageSpec => ({ kind: "no-id", ...m })),
  },
  {
    weight: 1,
    arbitrary: fc
      .array(fc.oneof(plainString(30), hostileString({ maxLong: 200 })), { maxLength: 150 })
      .map((ids): MessageSpec => ({ kind: "seen", ids })),
  },
  {
    weight: 1,
    arbitrary: fc
      .oneof(
        literal,
        fc
          .tuple(
            fc.constantFrom(33, 100, 1_000, 3_000, 6_000),
            fc.constantFrom("array" as const, "object" as const),
          )
          .map(([depth, shape]) => deepJson(depth, shape)),
      )
      .map((raw): MessageSpec => ({ kind: "raw", raw })),
  },
  { weight: 1, arbitrary: hostileJson.map((value): MessageSpec => ({ kind: "json", value })) },
  { weight: 1, arbitrary: fc.constant<MessageSpec>({ kind: "missing" }) },
);

const extraArb: fc.Arbitrary<Extra> = fc.oneof(
  { weight: 10, arbitrary: fc.constant<Extra>({ kind: "none" }) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.constantFrom(32, 33, 64, 500, 2_000, 5_000, 10_000),
        fc.constantFrom("array" as const, "object" as const),
      )
      .map(([depth, shape]): Extra => ({ kind: "raw", raw: deepJson(depth, shape) })),
  },
  { weight: 1, arbitrary: literal.map((raw): Extra => ({ kind: "raw", raw })) },
  { weight: 2, arbitrary: hostileJson.map((value): Extra => ({ kind: "json", value })) },
);

const commonArb = fc.record({
  transport: fc.oneof(
    { weight: 5, arbitrary: fc.constant<Transport>("in-process") },
    { weight: 4, arbitrary: fc.constant<Transport>("http") },
    { weight: 1, arbitrary: fc.constant<Transport>("http-chunked") },
  ),
  contentType: fc.oneof(
    { weight: 8, arbitrary: fc.constant("application/json") },
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        undefined,
        "application/json; charset=utf-8",
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "application/octet-stream",
        "application/xml",
      ),
    },
  ),
  server: fc.oneof(
    { weight: 6, arbitrary: fc.constant("OA OpenAPI") },
    { weight: 2, arbitrary: fc.constant(undefined) },
    { weight: 2, arbitrary: fc.constantFrom("ZNS", " zns ", "Zns", "\tZNS", "ZNS2", "Z N S", "") },
  ),
  resend: fc.oneof(
    { weight: 16, arbitrary: fc.constant<Resend>({ kind: "none" }) },
    { weight: 2, arbitrary: fc.nat({ max: 2_000 }).map((offset): Resend => ({ kind: "exact", offset })) },
    { weight: 1, arbitrary: fc.nat({ max: 60 }).map((offset): Resend => ({ kind: "exact", offset })) },
    {
      weight: 1,
      arbitrary: fc
        .record({ offset: fc.nat({ max: 2_000 }), text: hostileString({ maxLong: 300 }) })
        .map((r): Resend => ({ kind: "other-text", ...r })),
    },
  ),
});

const signatureArb = fc.oneof(
  { weight: 24, arbitrary: fc.constant<SignatureKind>("valid") },
  { weight: 2, arbitrary: fc.constantFrom<SignatureKind>("bare", "upper", "spaced") },
  {
    weight: 5,
    arbitrary: fc.constantFrom<SignatureKind>(
      "wrong-secret",
      "other-body",
      "other-timestamp",
      "missing",
      "empty",
      "garbage",
      "truncated",
    ),
  },
);

const eventArb: fc.Arbitrary<EventSpec> = fc
  .record({
    common: commonArb,
    signature: signatureArb,
    garbageSignature: fc.string({ maxLength: 80 }),
    appId: fc.oneof(
      { weight: 24, arbitrary: fc.constant<Field>({ kind: "string", value: APP_ID }) },
      {
        weight: 3,
        arbitrary: fc
          .constantFrom("3608465248940903967", `${APP_ID} `, ` ${APP_ID}`, `${APP_ID}\u0000`, "", "1e18")
          .map((value): Field => ({ kind: "string", value })),
      },
      { weight: 1, arbitrary: fieldArb(fc.constant(APP_ID), { usual: 0, hostile: 1, raw: 1, missing: 1 }) },
      { weight: 1, arbitrary: fc.constant<Field>({ kind: "raw", raw: APP_ID }) },
    ),
    time: timeArb,
    eventName: fieldArb(
      fc.oneof(
        { weight: 12, arbitrary: fc.constantFrom(...HANDLED_EVENTS) },
        {
          weight: 2,
          arbitrary: fc.constantFrom(
            "user_reacted_message",
            "oa_send_text",
            "user_submit_info",
            "NULL",
            "event",
            "USER_SEND_TEXT",
            "x".repeat(200),
          ),
        },
      ),
    ),
    userIdByApp: fieldArb(digits(15, 20), { usual: 10, hostile: 2, raw: 1, missing: 3 }),
    oaId: fieldArb(digits(10, 19), { usual: 4, hostile: 1, raw: 1, missing: 10 }),
    sender: partyArb,
    recipient: partyArb,
    follower: fc.oneof(
      { weight: 3, arbitrary: fc.constant<Party>({ kind: "missing" }) },
      { weight: 1, arbitrary: partyArb },
    ),
    message: messageArb,
    extra: extraArb,
    pad: fc.oneof(
      { weight: 60, arbitrary: fc.constant(0) },
      { weight: 1, arbitrary: fc.integer({ min: 60_000, max: 70_000 }) },
      { weight: 1, arbitrary: fc.integer({ min: 70_000, max: 200_000 }) },
    ),
  })
  .map(({ common, ...event }): EventSpec => ({ kind: "event", ...common, ...event }));

const junkArb: fc.Arbitrary<JunkSpec> = fc
  .record({
    common: commonArb,
    kind: fc.constantFrom<JunkSpec["kind"]>(
      "malformed",
      "malformed",
      "not-object",
      "deep",
      "bytes",
      "oversize",
    ),
    malformed: fc.oneof(
      fc.constantFrom(...MALFORMED_JSON_TEXTS),
      fc.tuple(fc.nat(), fc.constantFrom(...HANDLED_EVENTS)).map(([cut, name]) => {
        const text = zaloFixture("user_send_text").replace("user_send_text", name);
        return text.slice(0, cut % text.length);
      }),
    ),
    notObject: fc.oneof(
      fc.constantFrom(
        "[]",
        "null",
        "42",
        '"text"',
        "true",
        "1e400",
        "-0",
        `[${zaloFixture("user_send_text")}]`,
      ),
      fc.constantFrom(33, 1_000, 20_000).map((depth) => deepJson(depth, "array")),
      hostileJson
        .filter((value) => typeof value !== "object" || value === null || Array.isArray(value))
        .map((value) => JSON.stringify(value)),
    ),
    deep: fc
      .tuple(
        fc.constantFrom(33, 1_000, 5_000, 10_000),
        fc.constantFrom("array" as const, "object" as const),
        fc.boolean(),
      )
      .map(([depth, shape, closed]) => deepJson(depth, shape, closed)),
    bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 300 }),
    oversize: fc
      .tuple(
        fc.integer({ min: MAX_WEBHOOK_BODY_BYTES + 1, max: 150_000 }),
        fc.constantFrom("a", "[", "{", "é", "😀"),
      )
      .map(([bytes, char]) => char.repeat(Math.ceil(bytes / Buffer.byteLength(char)))),
    signature: fc.constantFrom<JunkSpec["signature"]>("missing", "garbage", "mac-of-text"),
    garbageSignature: fc.string({ maxLength: 80 }),
  })
  .map(
    ({
      common,
      kind,
      malformed,
      notObject,
      deep,
      bytes,
      oversize,
      signature,
      garbageSignature,
    }): JunkSpec => {
      const text = { malformed, "not-object": notObject, deep, bytes: "", oversize }[kind];
      return { ...common, kind, text, bytes: kind === "bytes" ? bytes : [], signature, garbageSignature };
    },
  );

const specArb: fc.Arbitrary<Spec> = fc.oneof(
  { weight: 85, arbitrary: eventArb },
  { weight: 15, arbitrary: junkArb },
);

// ---------------------------------------------------------------------------------------------------
// Bodies, and what the webhook must answer to them (the model)
// ---------------------------------------------------------------------------------------------------

interface Delivery {
  index: number;
  label: string;
  transport: Transport;
  headers: Record<string, string>;
  body: string | Uint8Array<ArrayBuffer>;
  /** What the server receives as text (UTF-8 decoded): what it signs, hashes and seals. */
  wire: string;
  expected: Expected;
  /** Order of sending: a re-send goes after its original, sometimes in the same concurrent chunk. */
  order: number;
}

/** Stored under this key (answered 200), or refused with one of these codes (at the table's status). */
type Expected =
  | { kind: "stored"; key: string; eventName: string; rowStatus: "pending" | "ignored"; source: "oa" | "zns" }
  | { kind: "refused"; codes: ErrorCode[] };

const mac = (appId: string, raw: string, timestamp: string, secret: string) =>
  createHash("sha256").update(`${appId}${raw}${timestamp}${secret}`, "utf8").digest("hex");
const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");
function fieldValue(field: Field): unknown {
  if (field.kind === "string") return field.value;
  if (field.kind === "raw") return new Raw(field.raw);
  return undefined;
}

function partyValue(party: Party): unknown {
  if (party.kind === "id") return party.id.kind === "missing" ? {} : { id: fieldValue(party.id) };
  if (party.kind === "value") return new Raw(party.raw);
  if (party.kind === "json") return party.value;
  return undefined;
}

function messageValue(message: MessageSpec, index: number, text?: string): unknown {
  switch (message.kind) {
    case "plain-id":
    case "hostile-id":
      return { msg_id: `fz-${index}-${message.suffix}`, text: text ?? message.text };
    case "raw-id":
      return { msg_id: new Raw(message.raw), text: text ?? message.text };
    case "no-id":
      return { text: text ?? message.text, attachments: message.attachments };
    case "seen":
      return { msg_ids: message.ids };
    case "raw":
      return new Raw(message.raw);
    case "json":
      return message.value;
    case "missing":
      return undefined;
  }
}

/** The event's body as a JS object (Raw where a literal goes) and its timestamp as sent, if a string. */
function eventBody(spec: EventSpec, index: number, now: number, text?: string) {
  const timestamp: Field =
    spec.time.kind === "offset" ? { kind: "string", value: String(now + spec.time.offsetMs) } : spec.time;
  const follower =
    spec.follower.kind === "id" && spec.follower.id.kind === "string" && spec.follower.id.value !== ""
      ? { id: `f-${index}-${spec.follower.id.value}` }
      : partyValue(spec.follower);
  const entries: [string, unknown][] = [
    ["app_id", fieldValue(spec.appId)],
    ["user_id_by_app", fieldValue(spec.userIdByApp)],
    ["event_name", fieldValue(spec.eventName)],
    ["timestamp", fieldValue(timestamp)],
    ["oa_id", fieldValue(spec.oaId)],
    ["sender", partyValue(spec.sender)],
    ["recipient", partyValue(spec.recipient)],
    ["follower", follower],
    ["message", messageValue(spec.message, index, text)],
    [
      "fz_extra",
      spec.extra.kind === "raw"
        ? new Raw(spec.extra.raw)
        : spec.extra.kind === "json"
          ? spec.extra.value
          : undefined,
    ],
    ["fz_pad", spec.pad > 0 ? "a".repeat(spec.pad) : undefined],
  ];
  const body: Record<string, unknown> = {};
  for (const [key, value] of entries) if (value !== undefined) body[key] = value;
  return { body, timestamp };
}

const asRecord = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Raw)
    ? (value as Record<string, unknown>)
    : undefined;
/**
 * A string as the envelope keeps it: cleaned, capped, never ending in half an emoji (jsonb refuses a lone
 * surrogate). Raw literals are never strings.
 */
function kept(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const capped = cleanText(value).slice(0, KEPT_CHARS);
  return /[\uD800-\uDBFF]$/.test(capped) ? capped.slice(0, -1) : capped;
}

/**
 * The webhook's rules, from its contract: 413 over 64 KB; 401 unless the body's own app_id and timestamp
 * are strings, the mac over them and the raw body checks out and the app is ours; 400 for a timestamp that
 * is no epoch-milliseconds number, STALE_EVENT outside the replay window; else 200 and one row, keyed by
 * msg_id, by follower and time for follow/unfollow, or by the body's hash.
 */
function expectEvent(
  body: Record<string, unknown>,
  wire: string,
  signed: boolean,
  server: string | undefined,
  now: number,
): Expected {
  if (Buffer.byteLength(wire, "utf8") > MAX_WEBHOOK_BODY_BYTES)
    return { kind: "refused", codes: ["PAYLOAD_TOO_LARGE"] };
  const { app_id: appId, timestamp } = body;
  if (typeof appId !== "string" || typeof timestamp !== "string")
    return { kind: "refused", codes: ["UNAUTHENTICATED"] };
  if (!signed || appId !== APP_ID) return { kind: "refused", codes: ["UNAUTHENTICATED"] };
  if (!/^\d{1,15}$/.test(timestamp)) return { kind: "refused", codes: ["BAD_REQUEST"] };
  const age = now - Number(timestamp);
  if (age > MAX_EVENT_AGE_MS || age < -MAX_CLOCK_SKEW_MS) return { kind: "refused", codes: ["STALE_EVENT"] };

  const eventName = kept(body.event_name) ?? "";
  const source = server?.trim().toUpperCase() === "ZNS" ? "zns" : "oa";
  const name = PLAIN_ID.test(eventName) ? eventName : "event";
  const msgId = kept(asRecord(body.message)?.msg_id);
  const followerId = kept(asRecord(body.follower)?.id);
  let key: string;
  if (msgId !== undefined && PLAIN_ID.test(msgId)) key = `${source === "zns" ? "zns:" : ""}${name}:${msgId}`;
  else if (
    (eventName === "follow" || eventName === "unfollow") &&
    followerId !== undefined &&
    PLAIN_ID.test(followerId)
  )
    key = `${name}:${followerId}:${kept(timestamp)}`;
  else key = `sha256:${sha256(wire)}`;
  const rowStatus = (HANDLED_EVENTS as readonly string[]).includes(eventName) ? "pending" : "ignored";
  return { kind: "stored", key, eventName, rowStatus, source };
}

function signatureHeader(
  kind: SignatureKind,
  garbage: string,
  appId: string,
  wire: string,
  timestamp: string,
  secret: string,
) {
  const good = mac(appId, wire, timestamp, secret);
  switch (kind) {
    case "valid":
      return `mac=${good}`;
    case "bare":
      return good;
    case "upper":
      return `mac=${good.toUpperCase()}`;
    case "spaced":
      return ` mac=${good} `;
    case "wrong-secret":
      return `mac=${mac(appId, wire, timestamp, `${secret}x`)}`;
    case "other-body":
      return `mac=${mac(appId, `${wire} `, timestamp, secret)}`;
    case "other-timestamp":
      return `mac=${mac(appId, wire, `${timestamp}1`, secret)}`;
    case "missing":
      return undefined;
    case "empty":
      return "";
    case "garbage":
      return garbage;
    case "truncated":
      return `mac=${good.slice(0, 63)}`;
  }
}

const VALID_SIGNATURES: ReadonlySet<SignatureKind> = new Set(["valid", "bare", "upper", "spaced"]);

function headersFor(spec: Common, signature: string | undefined): Record<string, string> {
  const headers: Record<string, string> = { "User-Agent": "ZaloWebhook" };
  if (spec.contentType !== undefined) headers["Content-Type"] = spec.contentType;
  if (spec.server !== undefined) headers["X-ZEvent-Server"] = spec.server;
  if (signature !== undefined) headers["X-ZEvent-Signature"] = signature;
  return headers;
}

/** A header value fetch accepts: visible ASCII, no CR/LF/NUL. */
const headerSafe = (text: string) => text.replace(/[^\x20-\x7e]/g, "");

function eventDelivery(
  spec: EventSpec,
  index: number,
  now: number,
  secret: string,
  text?: string,
): Omit<Delivery, "order"> {
  const { body, timestamp } = eventBody(spec, index, now, text);
  const wire = wireText(render(body));
  const appId = typeof body.app_id === "string" ? body.app_id : "";
  const time = timestamp.kind === "string" ? timestamp.value : "";
  const signature = signatureHeader(
    spec.signature,
    headerSafe(spec.garbageSignature),
    appId,
    wire,
    time,
    secret,
  );
  const valid = VALID_SIGNATURES.has(spec.signature);
  return {
    index,
    label: `event sig=${spec.signature} time=${timestamp.kind === "string" ? timestamp.value.slice(0, 20) : timestamp.kind} message=${spec.message.kind}${text !== undefined ? " (re-sent, other text)" : ""}`,
    transport: spec.transport,
    headers: headersFor(spec, signature),
    body: wire,
    wire,
    expected: expectEvent(body, wire, valid, spec.server, now),
  };
}

function junkDelivery(spec: JunkSpec, index: number, secret: string): Omit<Delivery, "order"> {
  const body = spec.kind === "bytes" ? Uint8Array.from(spec.bytes) : spec.text;
  const wire = typeof body === "string" ? wireText(body) : Buffer.from(body).toString("utf8");
  const signature =
    spec.signature === "missing"
      ? undefined
      : spec.signature === "garbage"
        ? headerSafe(spec.garbageSignature)
        : `mac=${mac(APP_ID, wire, "", secret)}`;
  const size = typeof body === "string" ? Buffer.byteLength(body, "utf8") : body.length;
  let expected: Expected;
  if (size > MAX_WEBHOOK_BODY_BYTES) expected = { kind: "refused", codes: ["PAYLOAD_TOO_LARGE"] };
  else if (spec.kind === "malformed") expected = { kind: "refused", codes: ["MALFORMED_JSON"] };
  else if (spec.kind === "not-object") expected = { kind: "refused", codes: ["BAD_REQUEST"] };
  else if (spec.kind === "deep") {
    const closed = !spec.text.endsWith("[") && !spec.text.endsWith("1");
    expected = !closed
      ? { kind: "refused", codes: ["MALFORMED_JSON"] }
      : spec.text.startsWith("{")
        ? { kind: "refused", codes: ["UNAUTHENTICATED"] }
        : { kind: "refused", codes: ["BAD_REQUEST"] };
  } else {
    // Random bytes: not JSON, or by chance JSON that is no signed event.
    expected = { kind: "refused", codes: ["MALFORMED_JSON", "BAD_REQUEST", "UNAUTHENTICATED"] };
  }
  return {
    index,
    label: `${spec.kind} (${size} bytes)`,
    transport: spec.transport,
    headers: headersFor(spec, signature),
    body,
    wire,
    expected,
  };
}

function deliveriesFor(specs: readonly Spec[], now: number, secret: string): Delivery[] {
  const deliveries: Delivery[] = [];
  specs.forEach((spec, index) => {
    const first =
      spec.kind === "event" ? eventDelivery(spec, index, now, secret) : junkDelivery(spec, index, secret);
    deliveries.push({ ...first, order: index * 2 });
    if (spec.resend.kind === "exact") {
      deliveries.push({
        ...first,
        label: `${first.label} (re-sent)`,
        order: (index + spec.resend.offset) * 2 + 1,
      });
    } else if (spec.resend.kind === "other-text" && spec.kind === "event") {
      const again = eventDelivery(spec, index, now, secret, spec.resend.text);
      deliveries.push({ ...again, order: (index + spec.resend.offset) * 2 + 1 });
    }
  });
  return deliveries.sort((a, b) => a.order - b.order);
}

// ---------------------------------------------------------------------------------------------------
// Sending
// ---------------------------------------------------------------------------------------------------

async function send(delivery: Delivery): Promise<{ status: number; text: string }> {
  const init = { method: "POST", headers: delivery.headers };
  const bytes: Uint8Array<ArrayBuffer> =
    typeof delivery.body === "string" ? new TextEncoder().encode(delivery.body) : delivery.body;
  let response: Response;
  if (delivery.transport === "in-process") {
    response = await test.app.request("/webhooks/zalo", { ...init, body: delivery.body });
  } else if (delivery.transport === "http") {
    response = await fetch(`${served.baseUrl}/webhooks/zalo`, { ...init, body: bytes });
  } else {
    // No Content-Length: the body arrives chunked, in two pieces.
    const half = Math.floor(bytes.length / 2);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, half));
        controller.enqueue(bytes.slice(half));
        controller.close();
      },
    });
    response = await fetch(`${served.baseUrl}/webhooks/zalo`, {
      ...init,
      body: stream,
      duplex: "half",
    } as RequestInit);
  }
  return { status: response.status, text: await response.text() };
}

// ---------------------------------------------------------------------------------------------------

describe(`POST /webhooks/zalo, ${DELIVERIES} generated deliveries (seed ${SEED})`, () => {
  it("signs the way the support helper does (the model's mac is Zalo's)", () => {
    const raw = zaloFixture("user_send_text");
    const { timestamp } = JSON.parse(raw) as { timestamp: string };
    const secret = test.config.zalo.oaSecretKey;
    expect(test.config.zalo.appId).toBe(APP_ID);
    expect(`mac=${mac(APP_ID, raw, timestamp, secret)}`).toBe(signZaloEvent(raw, { appId: APP_ID, secret }));
  });

  it("never answers 5xx, answers each as the rules say, and stores every accepted event exactly once", async () => {
    const now = Date.now();
    const specs = fc.sample(specArb, { seed: SEED, numRuns: DELIVERIES });
    const deliveries = deliveriesFor(specs, now, test.config.zalo.oaSecretKey);

    const serverErrors: string[] = [];
    const failures: string[] = [];
    const counts = new Map<string, number>();
    const tally = (label: string) => counts.set(label, (counts.get(label) ?? 0) + 1);
    let answered200 = 0;

    await inChunks(deliveries, CONCURRENCY, async (delivery) => {
      let answer: { status: number; text: string };
      try {
        answer = await send(delivery);
      } catch (error) {
        failures.push(
          `#${delivery.index} ${delivery.label} via ${delivery.transport}: request failed: ${String(error)}`,
        );
        return;
      }
      const { status, text } = answer;
      const where = `#${delivery.index} ${delivery.label} via ${delivery.transport} → ${status} ${text.slice(0, 200)}`;
      tally(`${delivery.transport} ${status}`);
      if (status >= 500) serverErrors.push(where);
      const { expected } = delivery;
      if (expected.kind === "stored") {
        if (status !== 200 || text !== '{"ok":true}')
          failures.push(`expected 200 (${expected.key.slice(0, 80)}): ${where}`);
        else answered200 += 1;
        return;
      }
      const problems = errorAnswerProblems(status, text);
      if (problems.length > 0) failures.push(`${problems.join("; ")}: ${where}`);
      const code = (() => {
        try {
          return (JSON.parse(text) as { code?: string }).code;
        } catch {
          return undefined;
        }
      })();
      if (!expected.codes.includes(code as ErrorCode))
        failures.push(`expected ${expected.codes.join("|")}: ${where}`);
    });

    // What the model says must be stored: one row per key, with the event's name, status and source.
    const expectedRows = new Map<
      string,
      { eventName: string; status: string; source: string; wires: Set<string> }
    >();
    for (const delivery of deliveries) {
      const { expected } = delivery;
      if (expected.kind !== "stored") continue;
      const row = expectedRows.get(expected.key);
      if (row) row.wires.add(delivery.wire);
      else
        expectedRows.set(expected.key, {
          eventName: expected.eventName,
          status: expected.rowStatus,
          source: expected.source,
          wires: new Set([delivery.wire]),
        });
    }
    const stored = await sqlRows(
      database.handle.db,
      sql`select dedupe_key, count(*)::int as n, min(event_name) as event_name, min(status) as status,
            min(source) as source, min(raw_body_sealed) as sealed
          from inbound_events group by dedupe_key`,
    );
    const storedKeys = new Set<string>();
    for (const row of stored.rows) {
      const key = String(row.dedupe_key);
      storedKeys.add(key);
      const want = expectedRows.get(key);
      if (!want) {
        failures.push(`stored but not expected: ${key.slice(0, 120)}`);
        continue;
      }
      if (Number(row.n) !== 1) failures.push(`${Number(row.n)} rows for ${key.slice(0, 120)}`);
      const got = { eventName: row.event_name, status: row.status, source: row.source };
      const wanted = { eventName: want.eventName, status: want.status, source: want.source };
      if (JSON.stringify(got) !== JSON.stringify(wanted)) {
        failures.push(
          `row ${key.slice(0, 80)}: ${JSON.stringify(got).slice(0, 300)} ≠ ${JSON.stringify(wanted).slice(0, 300)}`,
        );
      }
      // The bytes as received, sealed to the key: one of the deliveries that carried this key.
      const opened = test.sealer.open(String(row.sealed), SEALED.inboundRawBody(key));
      if (!want.wires.has(opened))
        failures.push(`sealed body of ${key.slice(0, 80)} is none of its deliveries`);
    }
    for (const key of expectedRows.keys()) {
      if (!storedKeys.has(key)) failures.push(`expected but not stored: ${key.slice(0, 120)}`);
    }

    // Each delivery of a stored key was answered for itself: exactly one "new", the others "duplicate".
    const dedupe = test
      .logs()
      .filter((line) => line.msg === "zalo webhook event")
      .map((line) => line.dedupe);
    const fresh = dedupe.filter((value) => value === "new").length;

    const summary = {
      deliveries: deliveries.length,
      expectedRows: expectedRows.size,
      storedRows: stored.rows.length,
      answered200,
      byTransportAndStatus: Object.fromEntries([...counts.entries()].sort()),
    };
    console.info(`webhook fuzz: ${JSON.stringify(summary)}`);

    expect(serverErrors.slice(0, 20)).toEqual([]);
    expect(failures.slice(0, 20)).toEqual([]);
    expect(stored.rows.length).toBe(expectedRows.size);
    expect(fresh).toBe(expectedRows.size);
    expect(dedupe.length).toBe(answered200);
    // The generator reaches every branch it is meant to, in useful numbers.
    expect(expectedRows.size).toBeGreaterThan(DELIVERIES / 3);
    expect(answered200).toBeGreaterThan(expectedRows.size);
    for (const status of [400, 401, 413]) {
      expect([...counts.entries()].filter(([label]) => label.endsWith(` ${status}`)).length).toBeGreaterThan(
        0,
      );
    }
  }, 600_000);
});

import { randomUUID } from "node:crypto";
import {
  CATALOG,
  CONSENT_NOTICE_VERSION,
  CONSENT_PURPOSES,
  dossierSummarySchema,
  draftSchema,
  findProcedure,
  SECTORS,
  toVnLocalDate,
  type UploadedFile,
  uploadedFileSchema,
} from "@dvc/shared";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { MAX_JSON_BODY_BYTES } from "../../bot-server/src/app";
import { rateLimits } from "../../bot-server/src/db/schema";
import { requestSupplement } from "../../bot-server/src/modules/dossiers/supplement";
import {
  asCitizen,
  KHAI_SINH,
  khaiSinhAnswers,
  readyKhaiSinhDraft,
  SAMPLE_BYTES,
  type SignedInCitizen,
  signedInCitizen,
  TEST_COMMUNE,
} from "../support/citizens";
import {
  deepJson,
  errorAnswerProblems,
  HUGE_NUMBER_LITERALS,
  hostileJson,
  hostileNumber,
  hostileString,
  inChunks,
  MALFORMED_JSON_TEXTS,
  Raw,
  render,
  wireText,
} from "../support/fuzz";
import { productionAppForFile } from "../support/production-app";

/**
 * Every citizen API route under generated input (fast-check, one fixed seed per route): bodies that are
 * almost right (each field sometimes replaced by a hostile value: NUL, lone surrogates, bidi overrides,
 * numbers past int4 or JS, wrong types, deep nesting), any JSON at all, JSON that is not, the wrong
 * Content-Type, oversize; query strings and path parameters with %00, broken percent-encoding, "../",
 * unicode, overlong text and out-of-range numbers; Authorization headers of every kind. Production mode,
 * with Zalo's Graph API faked by msw (anything else leaving the process is an error), so nothing here
 * reaches the internet.
 *
 * Every answer: never 5xx; every 4xx is the error envelope (errorBodySchema) with its table status, its
 * message and every field message in Vietnamese, never zod's or Hono's English.
 */

const ctx = productionAppForFile();
const BASE_SEED = 20_261_129;

/** Requests sent by all routes, by status answered (printed by the last test). */
const totals = { requests: 0, byStatus: new Map<number, number>() };

// ---------------------------------------------------------------------------------------------------
// Fixtures: the citizens, drafts, files and dossier the routes are fuzzed against
// ---------------------------------------------------------------------------------------------------

interface Fixture {
  main: SignedInCitizen;
  /** The main citizen's draft that PUT and validate-step aim at; its version follows successful saves. */
  draft: { id: string; version: number };
  /** Drafts of the main citizen DELETE may remove. */
  spareDrafts: string[];
  /** Files the main citizen uploaded (GET), and some they may delete. */
  files: UploadedFile[];
  spareFiles: string[];
  /** A citizen whose filed dossier awaits a supplement. */
  filer: SignedInCitizen;
  dossierCode: string;
  filerFile: UploadedFile;
  /** Access tokens the fake Graph API knows. */
  accessTokens: string[];
}

let fixture: Fixture;

/** Forgets every rate-limit count (the limits have their own tests: here they would only hide the checks). */
async function resetRateLimits(): Promise<void> {
  await ctx.database.handle.db.delete(rateLimits);
}

beforeAll(async () => {
  const db = ctx.database.handle.db;
  const app = ctx.test.app;
  const main = await signedInCitizen(db);
  const api = asCitizen(app, main);
  const created = await api.post("/api/drafts", {
    id: randomUUID(),
    procedureCode: KHAI_SINH,
    communeCode: TEST_COMMUNE,
  });
  const draft = draftSchema.parse(created.body);
  const files: UploadedFile[] = [];
  for (const [name, bytes] of [
    ["giấy chứng sinh.jpg", SAMPLE_BYTES.jpeg],
    ["scan.pdf", SAMPLE_BYTES.pdf],
  ] as const) {
    const upload = await api.upload(bytes, name, { draftId: draft.id, fieldId: "birthProofFile" });
    files.push(uploadedFileSchema.parse(upload.body));
  }
  const spareDrafts: string[] = [];
  const spareFiles: string[] = [];
  // Drafts DELETE may remove (without files), and files DELETE may remove (each on a draft of its own,
  // which nothing deletes: a draft's files go with it).
  for (let i = 0; i < 7; i += 1) {
    await resetRateLimits();
    const spare = draftSchema.parse(
      (
        await api.post("/api/drafts", {
          id: randomUUID(),
          procedureCode: KHAI_SINH,
          communeCode: TEST_COMMUNE,
        })
      ).body,
    );
    if (i < 4) {
      spareDrafts.push(spare.id);
    } else {
      const upload = await api.upload(SAMPLE_BYTES.png, `ảnh ${i}.png`, {
        draftId: spare.id,
        fieldId: "birthProofFile",
      });
      spareFiles.push(uploadedFileSchema.parse(upload.body).fileId);
    }
  }

  await resetRateLimits();
  const filer = await signedInCitizen(db);
  const filerApi = asCitizen(app, filer);
  const ready = await readyKhaiSinhDraft(filerApi);
  const filed = await filerApi.post(
    "/api/dossiers",
    { draftId: ready.draft.id },
    { "Idempotency-Key": randomUUID() },
  );
  const { code } = dossierSummarySchema.parse(filed.body);
  await askForSupplement(code);

  const accessTokens = Array.from({ length: 40 }, (_, i) =>
    ctx.graph.addUser({
      id: `5${String(i).padStart(18, "7")}`,
      // Zalo's names are the user's own text: a bidi override, an emoji cut in half, a NUL. Sign-in
      // cleans them like any text that enters (the last test: nothing reaches the database unstorable).
      name: i % 2 ? "Trần Văn Bình" : "\u202Eevil\u0000 😀\uD83D",
    }),
  );
  fixture = {
    main,
    draft: { id: draft.id, version: draft.version },
    spareDrafts,
    files,
    spareFiles,
    filer,
    dossierCode: code,
    filerFile: ready.file,
    accessTokens,
  };
});

async function askForSupplement(code: string): Promise<void> {
  await requestSupplement(ctx.database.handle.db, code, {
    communeCode: TEST_COMMUNE,
    fieldIds: ["phone", "birthProofFile"],
    message: "Ảnh Giấy chứng sinh bị mờ. Vui lòng bổ sung.",
    actor: "officer",
  });
}

// ---------------------------------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------------------------------

/** Stands for "leave this field out". */
const OMIT = Symbol("omit");

/** A value where a field's value goes, of any wrong kind. */
const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: hostileJson },
  { weight: 3, arbitrary: hostileString({ maxLong: 5_000 }) },
  { weight: 2, arbitrary: hostileNumber },
  { weight: 2, arbitrary: fc.constantFrom(...HUGE_NUMBER_LITERALS).map((text) => new Raw(text)) },
  { weight: 2, arbitrary: fc.constantFrom(null, true, [], {}, "", " ", OMIT) },
);

/** Sometimes nesting past the limit where one field goes (rarely: in a nested shape, any field does it). */
const wrongOrDeep: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 30, arbitrary: wrongValue },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(31, 33, 200, 3_000), fc.constantFrom("array" as const, "object" as const))
      .map(([depth, shape]) => new Raw(deepJson(depth, shape))),
  },
);

/** An object shaped like the route's, each field usually valid, sometimes wrong or left out; maybe one extra. */
function shaped(fields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<Record<string, unknown>> {
  const entries = Object.entries(fields).map(([key, valid]) =>
    fc
      .oneof({ weight: 5, arbitrary: valid }, { weight: 2, arbitrary: wrongOrDeep })
      .map((value): [string, unknown] => [key, value]),
  );
  return fc
    .tuple(
      fc.tuple(...entries),
      fc.oneof(
        { weight: 6, arbitrary: fc.constant(null) },
        { weight: 1, arbitrary: fc.tuple(hostileString({ maxLong: 100 }), hostileJson) },
      ),
    )
    .map(([pairs, extra]) => {
      const object: Record<string, unknown> = {};
      for (const [key, value] of pairs) if (value !== OMIT) object[key] = value;
      if (extra)
        Object.defineProperty(object, extra[0], { value: extra[1], enumerable: true, writable: true });
      return object;
    });
}

interface Body {
  text: string | undefined;
  contentType: string | undefined;
  kind: string;
}

/** A request body: mostly almost right, else any JSON, not JSON, the wrong type, too deep or too big. */
function bodyArb(valid: fc.Arbitrary<unknown>): fc.Arbitrary<Body> {
  const json =
    (kind: string) =>
    (value: unknown): Body => ({
      text: render(value),
      contentType: "application/json",
      kind,
    });
  return fc.oneof(
    { weight: 12, arbitrary: valid.map(json("shaped")) },
    { weight: 4, arbitrary: hostileJson.map(json("any-json")) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(...MALFORMED_JSON_TEXTS)
        .map((text): Body => ({ text, contentType: "application/json", kind: "malformed" })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.constantFrom(32, 33, 1_000, 10_000, 50_000),
          fc.constantFrom("array" as const, "object" as const),
          fc.boolean(),
        )
        .map(
          ([depth, shape, closed]): Body => ({
            text: deepJson(depth, shape, closed),
            contentType: "application/json",
            kind: `deep ${depth}`,
          }),
        ),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          valid,
          fc.constantFrom(
            undefined,
            "text/plain",
            "application/x-www-form-urlencoded",
            "multipart/form-data",
            "application/json; charset=utf-16",
            "application/jsonx",
            "application/vnd.api+json",
            "APPLICATION/JSON",
            "application/json;;",
          ),
        )
        .map(
          ([value, contentType]): Body => ({ text: render(value), contentType, kind: `type ${contentType}` }),
        ),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom("a", "é", "[").map(
        (char): Body => ({
          text: `{"x":"${char.repeat(MAX_JSON_BODY_BYTES)}"}`,
          contentType: "application/json",
          kind: "oversize",
        }),
      ),
    },
    { weight: 1, arbitrary: fc.constant<Body>({ text: undefined, contentType: undefined, kind: "no body" }) },
  );
}

/** Encodes a text for a URL whatever it holds (a lone surrogate travels as U+FFFD). */
const encode = (text: string) => encodeURIComponent(wireText(text));

/** Texts that break paths and query strings: encodings, traversal, numbers out of range, overlong. */
const URL_SPECIALS = [
  "%00",
  "%",
  "%%",
  "%ED%A0%80",
  "%C0%AF",
  "%E0%A4%A",
  "%F0%9F%98%80",
  "%uD800",
  "%2e%2e%2f",
  "..",
  "../..",
  "..%2F..%2Fetc%2Fpasswd",
  "%2F",
  "2147483648",
  "-2147483649",
  "-1",
  "0",
  "1e308",
  "NaN",
  "Infinity",
  "0x10",
  "1.5",
  "9".repeat(400),
  "a".repeat(5_000),
  "phường",
  "ph%C6%B0%E1%BB%9Dng",
  "%20",
  "+",
  "null",
  "undefined",
  "__proto__",
  "constructor",
  "00000000-0000-0000-0000-000000000000",
  "%3Cscript%3E",
] as const;

/** A path segment: one of the valid ones, or anything. */
function segmentArb(valid: fc.Arbitrary<string>, validWeight = 4): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: validWeight, arbitrary: valid },
    { weight: 3, arbitrary: fc.constantFrom(...URL_SPECIALS) },
    { weight: 3, arbitrary: hostileString({ maxLong: 3_000 }).map(encode) },
    { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
  );
}

/** A query string: the route's keys with valid or hostile values, repeated keys, junk. */
function queryArb(keys: Record<string, fc.Arbitrary<string>>): fc.Arbitrary<string> {
  const pair = fc.oneof(
    ...Object.entries(keys).map(([key, valid]) => ({
      weight: 4,
      arbitrary: fc
        .oneof(
          { weight: 3, arbitrary: valid.map(encode) },
          { weight: 2, arbitrary: hostileString({ maxLong: 3_000 }).map(encode) },
          { weight: 2, arbitrary: fc.constantFrom(...URL_SPECIALS) },
        )
        .map((value) => `${key}=${value}`),
    })),
    {
      weight: 1,
      arbitrary: fc.constantFrom(...URL_SPECIALS, "=", "&", "a=1=2", "__proto__=x", "constructor=1"),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(hostileString({ maxLong: 100 }), hostileString({ maxLong: 100 }))
        .map(([k, v]) => `${encode(k)}=${encode(v)}`),
    },
  );
  return fc.array(pair, { maxLength: 4 }).map((pairs) => (pairs.length === 0 ? "" : `?${pairs.join("&")}`));
}

/** Authorization: the right bearer token mostly; else none, junk, another scheme, a token nobody has. */
type Auth = "token" | { header: string | undefined };
const authArb: fc.Arbitrary<Auth> = fc.oneof(
  { weight: 12, arbitrary: fc.constant<Auth>("token") },
  {
    weight: 2,
    arbitrary: fc
      .oneof(
        fc.constantFrom(
          undefined,
          "",
          "Bearer",
          "Bearer ",
          "bearer abcdefghijklmnopqrstuvwxyz",
          "Basic dXNlcjpwYXNz",
          `Bearer ${"a".repeat(43)}`,
          `Bearer ${"a".repeat(201)}`,
          "Bearer ../../../../etc/passwd",
          "Bearer %00%00%00%00%00%00%00%00%00%00%00",
        ),
        fc.string({ maxLength: 300 }).map((text) => `Bearer ${text}`),
      )
      .map((header): Auth => ({ header: header?.replace(/[^\x20-\x7e]/g, "") })),
  },
);

const uuid = fc.uuid();
const digitString = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: min, maxLength: max });
const procedureCode = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...CATALOG.map((definition) => definition.code)) },
  { weight: 1, arbitrary: fc.constantFrom("1.000000", "9.999999", "1.0011930", "1_001193") },
);
const communeCode = fc.oneof(
  { weight: 3, arbitrary: fc.constant(TEST_COMMUNE) },
  { weight: 1, arbitrary: fc.constantFrom("00001", "99999", "00004", "26734") },
  { weight: 1, arbitrary: digitString(5, 5) },
);
const provinceCode = fc.constantFrom("01", "79", "00", "99", "48");
const isoDate = fc.oneof(
  fc.constantFrom(
    "1990-05-12",
    "2000-02-29",
    "2024-02-30",
    "1900-01-01",
    "9999-12-31",
    "0000-00-00",
    "2023-13-45",
  ),
  fc.date({ noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)),
);
/** A Vietnamese mobile number as typed (made up here, so no test source holds it). */
const mobile = fc
  .tuple(fc.constantFrom("09", "03", "08", "+849", "849"), digitString(8, 8))
  .map(([prefix, rest]) => `${prefix}${rest}`);
const phoneArb = fc.oneof(mobile, digitString(8, 13), hostileString({ maxLong: 100 }));
const vietnameseText = fc.oneof(
  fc.constantFrom("Nguyễn Thị Lan", "Trần Văn Bình", "Số 5 ngõ 12 phố Huế", "Kinh", "Việt Nam", "Bạch Mai"),
  hostileString({ maxLong: 500 }),
);
const addressArb = shaped({ provinceCode, communeCode, detail: vietnameseText });
const fileRef = (file: () => UploadedFile) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constant(null).map(() => [file()]) },
    {
      weight: 1,
      arbitrary: shaped({
        fileId: uuid,
        name: vietnameseText,
        sizeBytes: hostileNumber,
        mimeType: vietnameseText,
      }).map((ref) => [ref]),
    },
    { weight: 1, arbitrary: fc.array(hostileJson, { maxLength: 30 }) },
  );

/** Birth-registration answers, each field sometimes wrong; or any record at all. */
function answersArb(file: () => UploadedFile): fc.Arbitrary<unknown> {
  const valid = khaiSinhAnswers(toVnLocalDate(new Date()), []);
  const person = shaped({
    fullName: vietnameseText,
    dateOfBirth: isoDate,
    sex: fc.constantFrom("nam", "nu", "khac"),
    ethnicity: vietnameseText,
    nationality: vietnameseText,
    cccd: digitString(9, 13),
    residence: addressArb,
  });
  return fc.oneof(
    {
      weight: 4,
      arbitrary: shaped({
        requester: person,
        phone: phoneArb,
        relationship: fc.constantFrom("me", "cha", "other", "x"),
        relationshipOther: vietnameseText,
        child: person,
        birthPlace: addressArb,
        birthProofFile: fileRef(file),
        fatherKnown: fc.oneof(fc.boolean(), fc.constantFrom("true", 1)),
        father: person,
        mother: person,
        copies: fc.oneof(fc.integer({ min: -5, max: 20 }), hostileNumber),
        declaration: fc.oneof(fc.boolean(), fc.constantFrom("true", 1, null)),
      }),
    },
    { weight: 1, arbitrary: fc.constant(valid).map((answers) => ({ ...answers, birthProofFile: [file()] })) },
    { weight: 2, arbitrary: fc.dictionary(hostileString({ maxLong: 200 }), hostileJson, { maxKeys: 12 }) },
  );
}

function stepIds(code: string): string[] {
  const definition = findProcedure(code);
  return definition?.online ? definition.form.steps.map((step) => step.id) : [];
}

// ---------------------------------------------------------------------------------------------------
// Routes
// ---------------------------------------------------------------------------------------------------

interface Case {
  method: string;
  path: string;
  auth: Auth;
  body?: Body;
  form?: FormData;
  headers?: Record<string, string>;
  /** Whose token "token" means: the route's citizen by default. */
  as?: SignedInCitizen;
  label: string;
}

/**
 * One route's fuzzing: `runs` cases from `arb` (values may be functions of the fixture, resolved when the
 * case is sent), sent `concurrency` at a time, each as `citizen(i)`.
 */
interface RouteFuzz {
  name: string;
  runs: number;
  concurrency: number;
  arb: fc.Arbitrary<(f: Fixture) => Case | Promise<Case>>;
  citizen?: (index: number) => Promise<SignedInCitizen>;
  after?: (c: Case, status: number, body: unknown) => Promise<void> | void;
}

/** A new citizen (with consent) every `every` cases: per-citizen limits and caps do not hide the checks. */
function rotating(every: number, setup?: (citizen: SignedInCitizen) => Promise<void>) {
  const made = new Map<number, Promise<SignedInCitizen>>();
  return (index: number) => {
    const slot = Math.floor(index / every);
    let citizen = made.get(slot);
    if (!citizen) {
      citizen = signedInCitizen(ctx.database.handle.db).then(async (made) => {
        await setup?.(made);
        return made;
      });
      made.set(slot, citizen);
    }
    return citizen;
  };
}

/** A new citizen for every case (routes that end a session or delete the account). */
const freshCitizen = () => signedInCitizen(ctx.database.handle.db);

const plain =
  (method: string, path: (f: Fixture) => string, auth: Auth, label: string) =>
  (f: Fixture): Case => ({ method, path: path(f), auth, label });

const withBody =
  (method: string, path: (f: Fixture) => string, auth: Auth, body: Body) =>
  (f: Fixture): Case => ({ method, path: path(f), auth, body, label: `${body.kind}` });

/** GET routes whose only input is the query string and the session. */
function listRoute(path: string, runs = 60): RouteFuzz {
  return {
    name: `GET ${path}`,
    runs,
    concurrency: 5,
    arb: fc
      .tuple(queryArb({ page: fc.constant("1"), q: vietnameseText }), authArb)
      .map(([query, auth]) => plain("GET", () => `${path}${query}`, auth, query.slice(0, 60))),
  };
}

const ownDrafts = new Map<string, Promise<string>>();
/** A new (incomplete) draft of this citizen's own, created once: uploads aim at it, submitting it fails. */
function ownDraft(citizen: SignedInCitizen): Promise<string> {
  let id = ownDrafts.get(citizen.citizenId);
  if (!id) {
    id = asCitizen(ctx.test.app, citizen)
      .post("/api/drafts", { id: randomUUID(), procedureCode: KHAI_SINH, communeCode: TEST_COMMUNE })
      .then((created) => draftSchema.parse(created.body).id);
    ownDrafts.set(citizen.citizenId, id);
  }
  return id;
}

const readyDrafts = new Map<string, Promise<string>>();
/** A complete birth registration of this citizen's own, created once: submitting it files a dossier. */
function readyDraft(citizen: SignedInCitizen): Promise<string> {
  let id = readyDrafts.get(citizen.citizenId);
  if (!id) {
    id = resetRateLimits()
      .then(() => readyKhaiSinhDraft(asCitizen(ctx.test.app, citizen)))
      .then((ready) => ready.draft.id);
    readyDrafts.set(citizen.citizenId, id);
  }
  return id;
}

const uploaded: { file: UploadedFile; owner: SignedInCitizen }[] = [];

const ROUTES: RouteFuzz[] = [
  {
    name: "GET /api/units/communes",
    runs: 300,
    concurrency: 5,
    arb: fc
      .tuple(
        queryArb({ q: vietnameseText, province: provinceCode }),
        fc.constantFrom<Auth>("token", { header: undefined }),
      )
      .map(([query, auth]) => plain("GET", () => `/api/units/communes${query}`, auth, query.slice(0, 80))),
  },
  {
    name: "GET /api/units/communes/:code",
    runs: 300,
    concurrency: 5,
    arb: fc
      .tuple(segmentArb(communeCode), queryArb({ q: vietnameseText }))
      .map(([code, query]) =>
        plain("GET", () => `/api/units/communes/${code}${query}`, "token", code.slice(0, 80)),
      ),
  },
  {
    name: "GET /api/procedures",
    runs: 300,
    concurrency: 5,
    arb: fc
      .tuple(
        queryArb({
          q: vietnameseText,
          sector: fc.constantFrom(...SECTORS),
          online: fc.constantFrom("true", "false", "1", ""),
        }),
      )
      .map(([query]) => plain("GET", () => `/api/procedures${query}`, "token", query.slice(0, 80))),
  },
  {
    name: "GET /api/procedures/:code",
    runs: 300,
    concurrency: 5,
    arb: fc
      .tuple(
        segmentArb(procedureCode),
        queryArb({ version: fc.constantFrom("1", "2", "0", "2147483647", "2147483648", "01") }),
      )
      .map(([code, query]) =>
        plain("GET", () => `/api/procedures/${code}${query}`, "token", `${code}${query}`.slice(0, 80)),
      ),
  },
  {
    name: "GET /healthz",
    runs: 30,
    concurrency: 5,
    arb: queryArb({ verbose: fc.constant("1") }).map((query) =>
      plain("GET", () => `/healthz${query}`, "token", query),
    ),
  },
  {
    name: "POST /api/auth/zalo",
    runs: 300,
    concurrency: 5,
    arb: fc
      .tuple(
        bodyArb(
          shaped({
            accessToken: fc.oneof(
              { weight: 2, arbitrary: fc.nat({ max: 39 }).map((i) => ({ token: i })) },
              { weight: 2, arbitrary: fc.string({ minLength: 1, maxLength: 64 }) },
              {
                weight: 1,
                arbitrary: fc.constantFrom(
                  " ",
                  "a".repeat(2048),
                  "a".repeat(2049),
                  "tok\r\nX-Evil: 1",
                  "tok en",
                ),
              },
            ),
          }),
        ),
        authArb,
      )
      .map(([body, auth]) => (f: Fixture): Case => {
        // A registered token stands in for `{token: i}` (the fake Graph API knows it).
        const text = body.text?.replace(/\{"token":(\d+)\}/g, (_all, i: string) =>
          JSON.stringify(f.accessTokens[Number(i)]),
        );
        return { method: "POST", path: "/api/auth/zalo", auth, body: { ...body, text }, label: body.kind };
      }),
  },
  listRoute("/api/auth/me", 100),
  {
    name: "DELETE /api/auth/session",
    runs: 40,
    concurrency: 5,
    citizen: freshCitizen,
    arb: fc
      .tuple(authArb, bodyArb(hostileJson))
      .map(([auth, body]) => withBody("DELETE", () => "/api/auth/session", auth, body)),
  },
  {
    name: "POST /api/consents",
    runs: 300,
    concurrency: 5,
    arb: fc
      .tuple(
        bodyArb(
          shaped({
            purposes: fc.oneof(
              fc.subarray([...CONSENT_PURPOSES], { minLength: 1 }),
              fc.array(fc.oneof(fc.constantFrom(...CONSENT_PURPOSES), hostileString({ maxLong: 100 })), {
                maxLength: 200,
              }),
            ),
            noticeVersion: fc.oneof(fc.constant(CONSENT_NOTICE_VERSION), fc.constantFrom("2025-01-v1", "")),
          }),
        ),
        authArb,
      )
      .map(([body, auth]) => withBody("POST", () => "/api/consents", auth, body)),
  },
  listRoute("/api/consents"),
  {
    name: "DELETE /api/consents",
    runs: 30,
    concurrency: 5,
    citizen: freshCitizen,
    arb: fc
      .tuple(authArb, bodyArb(hostileJson))
      .map(([auth, body]) => withBody("DELETE", () => "/api/consents", auth, body)),
  },
  listRoute("/api/profile"),
  {
    name: "PUT /api/profile",
    runs: 300,
    concurrency: 5,
    arb: fc
      .tuple(
        bodyArb(
          shaped({
            fullName: fc.oneof(vietnameseText, fc.constant(null)),
            dateOfBirth: fc.oneof(isoDate, fc.constant(null)),
            sex: fc.constantFrom("nam", "nu", null, "Nam"),
            ethnicity: vietnameseText,
            nationality: vietnameseText,
            cccd: fc.oneof(digitString(9, 13), fc.constant(null)),
            phone: fc.oneof(phoneArb, fc.constant(null)),
            email: fc.oneof(fc.emailAddress(), vietnameseText),
            address: fc.oneof(addressArb, fc.constant(null)),
            communeCode: fc.oneof(communeCode, fc.constant(null)),
          }),
        ),
        authArb,
      )
      .map(([body, auth]) => withBody("PUT", () => "/api/profile", auth, body)),
  },
  {
    name: "POST /api/profile/phone",
    runs: 150,
    concurrency: 5,
    // 5 per 15 minutes per citizen and per address: a new citizen every 5 cases (the address is new each time).
    citizen: rotating(5),
    arb: fc
      .tuple(
        bodyArb(
          shaped({
            phoneToken: fc.oneof(fc.string({ minLength: 1, maxLength: 64 }), fc.constant("a".repeat(2049))),
            accessToken: fc.oneof(
              fc.nat({ max: 39 }).map((i) => ({ token: i })),
              fc.string({ minLength: 1, maxLength: 64 }),
            ),
          }),
        ),
        authArb,
      )
      .map(([body, auth]) => (f: Fixture): Case => {
        const text = body.text?.replace(/\{"token":(\d+)\}/g, (_all, i: string) =>
          JSON.stringify(f.accessTokens[Number(i)]),
        );
        return {
          method: "POST",
          path: "/api/profile/phone",
          auth,
          body: { ...body, text },
          label: body.kind,
        };
      }),
  },
  listRoute("/api/profile/export"),
  {
    name: "DELETE /api/profile",
    runs: 30,
    concurrency: 5,
    citizen: freshCitizen,
    arb: fc
      .tuple(authArb, bodyArb(hostileJson), queryArb({ confirm: fc.constant("1") }))
      .map(([auth, body, query]) => withBody("DELETE", () => `/api/profile${query}`, auth, body)),
  },
  {
    name: "POST /api/drafts",
    runs: 300,
    concurrency: 5,
    // At most 20 open drafts each: a new citizen every 15 cases.
    citizen: rotating(15),
    arb: fc
      .tuple(bodyArb(shaped({ id: uuid, procedureCode, communeCode })), authArb)
      .map(([body, auth]) => withBody("POST", () => "/api/drafts", auth, body)),
  },
  listRoute("/api/drafts"),
  {
    name: "GET /api/drafts/:id",
    runs: 200,
    concurrency: 5,
    arb: fc
      .tuple(segmentArb(fc.constantFrom("draft", "DRAFT")), authArb)
      .map(([segment, auth]) =>
        plain(
          "GET",
          (f) =>
            `/api/drafts/${segment === "draft" ? f.draft.id : segment === "DRAFT" ? f.draft.id.toUpperCase() : segment}`,
          auth,
          segment.slice(0, 80),
        ),
      ),
  },
  {
    name: "PUT /api/drafts/:id",
    runs: 400,
    concurrency: 1,
    arb: fc
      .tuple(
        segmentArb(fc.constant("draft"), 24),
        fc.oneof(
          { weight: 4, arbitrary: fc.constant<"current">("current") },
          { weight: 1, arbitrary: wrongValue },
        ),
        fc.nat(),
        authArb,
      )
      .map(([segment, version, bodySeed, auth]) => (f: Fixture): Case => {
        const body = fc.sample(
          bodyArb(
            shaped({
              version: fc.constant(version === "current" ? f.draft.version : version),
              answers: answersArb(() => f.files[0] as UploadedFile),
              currentStepId: fc.oneof(
                fc.constantFrom(...stepIds(KHAI_SINH), null),
                hostileString({ maxLong: 100 }),
              ),
              communeCode: fc.oneof(communeCode, fc.constant(OMIT)),
            }),
          ),
          { seed: bodySeed, numRuns: 1 },
        )[0] as Body;
        const id = segment === "draft" ? f.draft.id : segment;
        return {
          method: "PUT",
          path: `/api/drafts/${id}`,
          auth,
          body,
          label: `${segment.slice(0, 40)} ${body.kind}`,
        };
      }),
    after: (c, status, body) => {
      // Follow the draft's version, so most saves are not simply stale.
      if (!c.path.endsWith(fixture.draft.id)) return;
      const saved = draftSchema.safeParse(
        status === 200 ? body : (body as { current?: unknown } | null)?.current,
      );
      if (saved.success && saved.data.id === fixture.draft.id) fixture.draft.version = saved.data.version;
    },
  },
  {
    name: "POST /api/drafts/:id/validate-step",
    runs: 300,
    concurrency: 5,
    arb: fc
      .tuple(
        segmentArb(fc.constant("draft"), 24),
        bodyArb(
          shaped({
            stepId: fc.oneof(fc.constantFrom(...stepIds(KHAI_SINH)), hostileString({ maxLong: 100 })),
          }),
        ),
        authArb,
      )
      .map(([segment, body, auth]) =>
        withBody(
          "POST",
          (f) => `/api/drafts/${segment === "draft" ? f.draft.id : segment}/validate-step`,
          auth,
          body,
        ),
      ),
  },
  {
    name: "DELETE /api/drafts/:id",
    runs: 150,
    concurrency: 5,
    arb: fc
      .tuple(segmentArb(fc.nat({ max: 3 }).map((i) => `spare-${i}`)), authArb)
      .map(([segment, auth]) =>
        plain(
          "DELETE",
          (f) =>
            `/api/drafts/${segment.startsWith("spare-") ? f.spareDrafts[Number(segment.slice(6))] : segment}`,
          auth,
          segment.slice(0, 80),
        ),
      ),
  },
  {
    name: "POST /api/files",
    runs: 150,
    concurrency: 1,
    // A new citizen (with a draft of their own) every 3 cases: the field's file count does not stop it early.
    citizen: rotating(3, async (citizen) => {
      await ownDraft(citizen);
    }),
    arb: fc
      .record({
        bytes: fc.oneof(
          fc.constantFrom(
            SAMPLE_BYTES.jpeg,
            SAMPLE_BYTES.png,
            SAMPLE_BYTES.pdf,
            SAMPLE_BYTES.exe,
            new Uint8Array(),
          ),
          fc.uint8Array({ maxLength: 2_000 }),
        ),
        name: fc.oneof(
          fc.constantFrom(
            "giấy chứng sinh.jpg",
            "scan.PDF",
            "../../etc/passwd.jpg",
            "a.exe",
            "",
            ".jpg",
            "x.jpg.exe",
            'a"b\r\n.jpg',
          ),
          hostileString({ maxLong: 2_000 }).map((name) => `${name}.jpg`),
          hostileString({ maxLong: 300 }),
        ),
        fieldId: fc.oneof(
          { weight: 4, arbitrary: fc.constant("birthProofFile") },
          { weight: 1, arbitrary: fc.constantFrom("requester", "BirthProofFile", "a".repeat(65)) },
          { weight: 1, arbitrary: hostileString({ maxLong: 200 }) },
          { weight: 1, arbitrary: fc.constant(undefined) },
        ),
        target: fc.constantFrom(
          "own-draft",
          "own-draft",
          "own-draft",
          "other-draft",
          "random",
          "hostile",
          "dossier",
          "both",
          "none",
        ),
        hostile: hostileString({ maxLong: 200 }),
        random: uuid,
        twice: fc.boolean(),
        fileAsText: fc.boolean(),
        auth: authArb,
        raw: fc.oneof(
          { weight: 8, arbitrary: fc.constant(undefined) },
          {
            weight: 1,
            arbitrary: fc.constantFrom(
              {
                text: '--x\r\nContent-Disposition: form-data; name="file"',
                contentType: "multipart/form-data; boundary=x",
              },
              { text: "no boundary", contentType: "multipart/form-data" },
              { text: '{"fieldId":"birthProofFile"}', contentType: "application/json" },
              { text: "fieldId=birthProofFile", contentType: "application/x-www-form-urlencoded" },
            ),
          },
        ),
      })
      .map((spec) => async (f: Fixture): Promise<Case> => {
        const label = `upload ${spec.target} field=${String(spec.fieldId).slice(0, 30)} name=${JSON.stringify(spec.name.slice(0, 30))}`;
        if (spec.raw) {
          return {
            method: "POST",
            path: "/api/files",
            auth: spec.auth,
            body: { text: spec.raw.text, contentType: spec.raw.contentType, kind: "raw" },
            label: `${label} raw`,
          };
        }
        const form = new FormData();
        const file = new File([new Uint8Array(spec.bytes)], spec.name);
        if (spec.fileAsText && spec.twice) form.append("file", "not a file");
        else form.append("file", file);
        if (spec.twice && !spec.fileAsText) form.append("file", file);
        if (spec.fieldId !== undefined) form.append("fieldId", spec.fieldId);
        if (spec.twice && spec.fieldId !== undefined) form.append("fieldId", spec.fieldId);
        const draftId = {
          "own-draft": "OWN",
          "other-draft": f.draft.id,
          random: spec.random,
          hostile: spec.hostile,
          dossier: undefined,
          both: f.draft.id,
          none: undefined,
        }[spec.target];
        if (draftId !== undefined) form.append("draftId", draftId);
        if (spec.target === "dossier" || spec.target === "both") form.append("dossierCode", f.dossierCode);
        return { method: "POST", path: "/api/files", auth: spec.auth, form, label };
      }),
    after: (c, status, body) => {
      const file = uploadedFileSchema.safeParse(body);
      if (status === 201 && file.success && c.as) uploaded.push({ file: file.data, owner: c.as });
    },
  },
  {
    name: "GET /api/files/:id",
    runs: 200,
    concurrency: 5,
    arb: fc
      .tuple(segmentArb(fc.nat({ max: 199 }).map((i) => `uploaded-${i}`)), authArb)
      .map(([segment, auth]) => (f: Fixture): Case => {
        // Files uploaded by the fuzzing above (their hostile names go back out in Content-Disposition).
        if (segment.startsWith("uploaded-")) {
          const all = [...uploaded, ...f.files.map((file) => ({ file, owner: f.main }))];
          const pick = all[Number(segment.slice(9)) % all.length];
          if (pick)
            return {
              method: "GET",
              path: `/api/files/${pick.file.fileId}`,
              auth,
              as: pick.owner,
              label: "uploaded",
            };
        }
        return { method: "GET", path: `/api/files/${segment}`, auth, label: segment.slice(0, 80) };
      }),
  },
  {
    name: "DELETE /api/files/:id",
    runs: 150,
    concurrency: 5,
    arb: fc
      .tuple(segmentArb(fc.constantFrom("spare-0", "spare-1", "spare-2", "filer")), authArb)
      .map(([segment, auth]) =>
        plain(
          "DELETE",
          (f) =>
            `/api/files/${
              segment === "filer"
                ? f.filerFile.fileId
                : segment.startsWith("spare-")
                  ? f.spareFiles[Number(segment.slice(6))]
                  : segment
            }`,
          auth,
          segment.slice(0, 80),
        ),
      ),
  },
  {
    name: "POST /api/dossiers",
    runs: 200,
    concurrency: 5,
    // 5 submissions per 15 minutes per citizen: a new citizen every 5 cases.
    citizen: rotating(5),
    arb: fc
      .tuple(
        bodyArb(shaped({ draftId: fc.oneof(fc.constant("OWN"), fc.constant("READY"), uuid) })),
        fc.oneof(
          { weight: 4, arbitrary: uuid },
          {
            weight: 2,
            arbitrary: fc.constantFrom(
              undefined,
              "",
              "short",
              "a".repeat(256),
              "a".repeat(255),
              "key with spaces",
              "khóa-tiếng-việt",
            ),
          },
          { weight: 1, arbitrary: fc.string({ maxLength: 300 }) },
        ),
        authArb,
      )
      .map(
        ([body, key, auth]) =>
          (): Case => ({
            method: "POST",
            path: "/api/dossiers",
            auth,
            body,
            headers: key === undefined ? {} : { "Idempotency-Key": key.replace(/[^\x20-\x7e]/g, "") },
            label: `${body.kind} key=${String(key).slice(0, 30)}`,
          }),
      ),
  },
  listRoute("/api/dossiers"),
  {
    name: "GET /api/dossiers/:code",
    runs: 200,
    concurrency: 5,
    citizen: async () => fixture.filer,
    arb: fc
      .tuple(segmentArb(fc.constantFrom("CODE", "code")), authArb)
      .map(([segment, auth]) =>
        plain(
          "GET",
          (f) =>
            `/api/dossiers/${segment === "CODE" ? f.dossierCode : segment === "code" ? f.dossierCode.toLowerCase() : segment}`,
          auth,
          segment.slice(0, 80),
        ),
      ),
  },
  {
    name: "POST /api/dossiers/:code/supplement",
    runs: 250,
    concurrency: 1,
    citizen: async () => fixture.filer,
    arb: fc
      .tuple(segmentArb(fc.constant("CODE"), 24), fc.nat(), authArb)
      .map(([segment, bodySeed, auth]) => (f: Fixture): Case => {
        const body = fc.sample(
          bodyArb(
            shaped({
              answers: fc.oneof(
                shaped({
                  phone: phoneArb,
                  birthProofFile: fileRef(() => f.filerFile),
                }),
                answersArb(() => f.filerFile),
              ),
            }),
          ),
          { seed: bodySeed, numRuns: 1 },
        )[0] as Body;
        const code = segment === "CODE" ? f.dossierCode : segment;
        return {
          method: "POST",
          path: `/api/dossiers/${code}/supplement`,
          auth,
          body,
          label: `${segment.slice(0, 40)} ${body.kind}`,
        };
      }),
    after: async (c, status) => {
      // Answered: ask again, so the next cases meet a dossier that awaits a supplement.
      if (status === 200 && c.path.includes(fixture.dossierCode)) await askForSupplement(fixture.dossierCode);
    },
  },
  {
    name: "unknown paths and methods",
    runs: 200,
    concurrency: 5,
    arb: fc
      .tuple(
        fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD"),
        fc.constantFrom(
          "/api/",
          "/api/drafts/",
          "/api/files/",
          "/api/units/",
          "/",
          "/webhooks/",
          "/api/dossiers/x/",
        ),
        segmentArb(fc.constantFrom("nothing", "admin", "drafts", "..")),
        bodyArb(hostileJson),
      )
      .map(([method, prefix, segment, body]) =>
        withBody(
          method,
          () => `${prefix}${segment}`,
          "token",
          method === "GET" || method === "HEAD" ? { ...body, text: undefined } : body,
        ),
      ),
  },
];

// ---------------------------------------------------------------------------------------------------
// Running
// ---------------------------------------------------------------------------------------------------

let addressCounter = 0;
/** A client address of its own per request: per-address limits never answer for the checks. */
function nextAddress(): string {
  addressCounter += 1;
  return `10.${(addressCounter >> 16) & 255}.${(addressCounter >> 8) & 255}.${addressCounter & 255}`;
}

async function send(
  c: Case,
  citizen: SignedInCitizen,
): Promise<{ status: number; text: string; json: unknown }> {
  const headers: Record<string, string> = { ...c.headers };
  const who = c.as ?? citizen;
  if (c.auth === "token") headers.Authorization = `Bearer ${who.token}`;
  else if (c.auth.header !== undefined) headers.Authorization = c.auth.header;
  let body: BodyInit | undefined;
  if (c.form) {
    body = c.form;
  } else if (c.body?.text !== undefined) {
    body = c.body.text;
    if (c.body.contentType !== undefined) headers["Content-Type"] = c.body.contentType;
  }
  const response = await ctx.test.app.request(
    c.path,
    {
      method: c.method,
      headers,
      ...(body !== undefined && c.method !== "GET" && c.method !== "HEAD" ? { body } : {}),
    },
    { incoming: { socket: { remoteAddress: nextAddress() } } },
  );
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, text, json };
}

async function fuzz(route: RouteFuzz, seed: number): Promise<{ serverErrors: string[]; problems: string[] }> {
  const makers = fc.sample(route.arb, { seed, numRuns: route.runs });
  const serverErrors: string[] = [];
  const problems: string[] = [];
  const citizenFor = route.citizen ?? (async () => fixture.main);
  const statuses = new Map<number, number>();
  await inChunks(
    makers,
    route.concurrency,
    async (make, index) => {
      const citizen = await citizenFor(index);
      let c = await make(fixture);
      if (c.form?.get("draftId") === "OWN") c.form.set("draftId", await ownDraft(citizen));
      if (c.body?.text?.includes('"OWN"')) {
        const own = await ownDraft(citizen);
        c = { ...c, body: { ...c.body, text: c.body.text.replaceAll('"OWN"', JSON.stringify(own)) } };
      }
      if (c.body?.text?.includes('"READY"')) {
        const ready = await readyDraft(citizen);
        c = { ...c, body: { ...c.body, text: c.body.text.replaceAll('"READY"', JSON.stringify(ready)) } };
      }
      c = { ...c, as: c.as ?? citizen };
      const answer = await send(c, citizen);
      totals.requests += 1;
      totals.byStatus.set(answer.status, (totals.byStatus.get(answer.status) ?? 0) + 1);
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
      const where = `case ${index} ${c.method} ${c.path.slice(0, 120)} [${c.label}] → ${answer.status} ${answer.text.slice(0, 300)}`;
      if (answer.status >= 500) serverErrors.push(where);
      else if (answer.status >= 400 && c.method !== "HEAD") {
        for (const problem of errorAnswerProblems(answer.status, answer.text))
          problems.push(`${problem}: ${where}`);
      }
      await route.after?.(c, answer.status, answer.json);
    },
    // Each chunk starts with fresh rate-limit counts: the limits would otherwise answer 429 for the checks.
    resetRateLimits,
  );
  console.info(`${route.name}: ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`);
  return { serverErrors, problems };
}

describe("every citizen API route under generated input", () => {
  ROUTES.forEach((route, position) => {
    it(`${route.name}: ${route.runs} cases, never 5xx, errors in Vietnamese (seed ${BASE_SEED + position})`, async () => {
      const { serverErrors, problems } = await fuzz(route, BASE_SEED + position);
      expect(serverErrors.slice(0, 10)).toEqual([]);
      expect(problems.slice(0, 10)).toEqual([]);
    }, 300_000);
  });

  it("sent every case, and the database refused nothing the boundary let through (no UNSTORABLE_VALUE)", () => {
    console.info(
      `api fuzz: ${totals.requests} requests, by status ${JSON.stringify(Object.fromEntries([...totals.byStatus].sort()))}`,
    );
    expect(totals.requests).toBe(ROUTES.reduce((sum, route) => sum + route.runs, 0));
    const refused = ctx.test.logs().filter((line) => line.msg === "database refused a value");
    expect(refused.map((line) => line.route)).toEqual([]);
  });
});

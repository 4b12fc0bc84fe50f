/**
 * The only door to zmp-sdk. Everything Zalo-specific goes through here so that:
 * - the app also runs as a plain web page (preview, tests): every call has an outside-Zalo path;
 * - SDK failures, which are plain `{code, message}` objects rather than Errors, become one typed
 *   `PlatformError` with a Vietnamese message;
 * - tests can replace a single module.
 * Promises only: with the callback style the SDK's returned promise never settles.
 */

type ZaloSdk = typeof import("zmp-sdk/apis");
let sdk: Promise<ZaloSdk> | undefined;

/**
 * zmp-sdk is loaded on first use, not with the first screen: it is about 30 kB gzip (a quarter of the
 * entry), the web preview never needs it, and on a slow line every kB delays Home. Inside Zalo,
 * main.tsx loads it before the first render (preparePlatform), because nativeStorage, which holds the
 * session, answers synchronously. A failed load is forgotten, so the next call tries again.
 */
export function loadZaloSdk(): Promise<ZaloSdk> {
  sdk ??= import("zmp-sdk/apis").catch((error: unknown) => {
    sdk = undefined;
    throw error;
  });
  return sdk;
}

/** Where Zalo serves Mini Apps: https://h5.zdn.vn/zapps/<appId>/ (the SDK's own check, appEnv/getEnv.js). */
const ZALO_HOST_SUFFIX = "h5.zdn.vn";
const ZALO_PATH_PREFIX = "/zapps";

/**
 * zmp-sdk/apis calls its own `login()` when first imported and never handles the result. Outside Zalo
 * (any host but localhost) that promise rejects with `{code: -2000, api: "login"}`, which would surface
 * as an uncaught error on every page load of the web preview. Only that one rejection is absorbed.
 */
function absorbSdkStartupLogin(event: PromiseRejectionEvent): void {
  const reason: unknown = event.reason;
  if (typeof reason === "object" && reason !== null && "api" in reason && reason.api === "login") {
    event.preventDefault();
  }
}
if (typeof window !== "undefined") window.addEventListener("unhandledrejection", absorbSdkStartupLogin);

/** True when running inside the Zalo app, false in a browser preview or a test. */
export function isInsideZalo(location: Pick<Location, "hostname" | "pathname"> = window.location): boolean {
  return location.hostname.endsWith(ZALO_HOST_SUFFIX) && location.pathname.startsWith(ZALO_PATH_PREFIX);
}

export type PlatformErrorKind =
  | "denied"
  | "unsupported"
  | "rate_limited"
  | "outside_zalo"
  | "cancelled"
  | "unknown";

const MESSAGES: Record<PlatformErrorKind, string> = {
  denied: "Bạn chưa cho phép thao tác này. Bạn có thể cấp quyền trong phần cài đặt của Zalo.",
  unsupported: "Phiên bản Zalo của bạn chưa hỗ trợ tính năng này. Vui lòng cập nhật Zalo rồi thử lại.",
  rate_limited: "Bạn thao tác hơi nhanh. Vui lòng đợi vài giây rồi thử lại.",
  outside_zalo: "Tính năng này chỉ dùng được khi mở ứng dụng trong Zalo.",
  cancelled: "Bạn chưa chọn ảnh nào.",
  unknown: "Zalo chưa thực hiện được yêu cầu. Vui lòng thử lại.",
};

/**
 * zmp-sdk error codes (apis/index.d.ts): -201 the user refused, -1401 denied, -1403 forbidden,
 * -1404 not supported, -1409 client-side rate limit (3 calls per second), -2000 unknown — which is
 * also what every call answers outside Zalo.
 */
const KIND_OF_CODE: Record<number, PlatformErrorKind> = {
  [-201]: "denied",
  [-1401]: "denied",
  [-1403]: "denied",
  [-1404]: "unsupported",
  [-1409]: "rate_limited",
};

export class PlatformError extends Error {
  override readonly name = "PlatformError";
  constructor(
    readonly kind: PlatformErrorKind,
    /** The SDK's numeric code when there was one, for logs. */
    readonly code: number | null = null,
    options?: { cause?: unknown },
  ) {
    super(MESSAGES[kind], options);
  }
}

/** Maps whatever an SDK call threw or rejected with to a PlatformError. */
export function toPlatformError(error: unknown, insideZalo: boolean = isInsideZalo()): PlatformError {
  if (error instanceof PlatformError) return error;
  const code = codeOf(error);
  const kind = code === null ? undefined : KIND_OF_CODE[code];
  if (kind) return new PlatformError(kind, code, { cause: error });
  return new PlatformError(insideZalo ? "unknown" : "outside_zalo", code, { cause: error });
}

function codeOf(error: unknown): number | null {
  if (typeof error !== "object" || error === null || !("code" in error)) return null;
  const { code } = error;
  return typeof code === "number" ? code : null;
}

/** The synchronous key/value API shared by nativeStorage, localStorage and the in-memory fallback. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Last resort (private browsing, storage disabled): remembers until the page is closed. */
export function memoryStorage(): KeyValueStorage {
  const values = new Map<string, string>();
  return {
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => {
      values.set(key, value);
    },
    removeItem: (key) => {
      values.delete(key);
    },
  };
}

/**
 * Tries each backend in order. A backend that throws once is dropped for the rest of the session, so a
 * value written to the fallback is not later shadowed by a stale one in the failed backend.
 */
export function fallbackStorage(backends: readonly KeyValueStorage[]): KeyValueStorage {
  let working = [...backends, memoryStorage()];
  function run<T>(operation: (backend: KeyValueStorage) => T): T {
    for (;;) {
      const [backend, ...rest] = working;
      if (!backend) throw new Error("unreachable: the memory backend never throws");
      try {
        return operation(backend);
      } catch {
        working = rest;
      }
    }
  }
  return {
    // nativeStorage answers "" for a missing key; nothing we store is empty.
    getItem: (key) => run((backend) => backend.getItem(key)) || null,
    setItem: (key, value) => run((backend) => backend.setItem(key, value)),
    removeItem: (key) => run((backend) => backend.removeItem(key)),
  };
}

/** Reads `window.localStorage` on each call: merely touching it throws where storage is blocked. */
const browserLocalStorage: KeyValueStorage = {
  getItem: (key) => window.localStorage.getItem(key),
  setItem: (key, value) => window.localStorage.setItem(key, value),
  removeItem: (key) => window.localStorage.removeItem(key),
};

/** Zalo's nativeStorage once the SDK has loaded (preparePlatform). */
let loadedNativeStorage: KeyValueStorage | null = null;

/** Throws until the SDK is loaded, so a read made too early falls back to localStorage, never crashes. */
const zaloNativeStorage: KeyValueStorage = {
  getItem: (key) => nativeStorageOrThrow().getItem(key),
  setItem: (key, value) => nativeStorageOrThrow().setItem(key, value),
  removeItem: (key) => nativeStorageOrThrow().removeItem(key),
};

function nativeStorageOrThrow(): KeyValueStorage {
  if (!loadedNativeStorage) throw new Error("zmp-sdk is not loaded: await preparePlatform() first");
  return loadedNativeStorage;
}

/**
 * Before the first render: inside Zalo, loads the SDK so `storage` reads nativeStorage (a failed load
 * leaves localStorage in its place); outside Zalo there is nothing to wait for.
 */
export async function preparePlatform(): Promise<void> {
  if (!isInsideZalo()) return;
  try {
    loadedNativeStorage = (await loadZaloSdk()).nativeStorage;
  } catch {
    loadedNativeStorage = null;
  }
}

/**
 * Small, persistent key/value storage. Inside Zalo: nativeStorage (kept by the Zalo app; it throws
 * synchronously when unsupported); outside: localStorage (which throws when disabled); then memory.
 */
export const storage: KeyValueStorage = fallbackStorage(
  isInsideZalo() ? [zaloNativeStorage, browserLocalStorage] : [browserLocalStorage],
);

/** One SDK call, promise style, outside Zalo refused up front (some calls would hang or mock there). */
async function zaloCall<T>(run: () => Promise<T>): Promise<T> {
  if (!isInsideZalo()) throw new PlatformError("outside_zalo");
  try {
    return await run();
  } catch (error) {
    throw toPlatformError(error);
  }
}

/** The Zalo access token the server verifies at sign-in (no permission prompt since SDK 2.35). */
export async function getZaloAccessToken(): Promise<string> {
  const token = await zaloCall(async () => (await loadZaloSdk()).getAccessToken());
  if (typeof token !== "string" || token === "") throw new PlatformError("unknown");
  return token;
}

/**
 * A one-time token for the citizen's Zalo phone number (valid 2 minutes, exchanged by the server).
 * Zalo shows its own permission prompt; a refusal becomes a "denied" PlatformError.
 */
export async function getZaloPhoneToken(): Promise<string> {
  const { token } = await zaloCall(async () => (await loadZaloSdk()).getPhoneNumber());
  if (typeof token !== "string" || token === "") throw new PlatformError("unknown");
  return token;
}

/** Follows the Official Account that sends dossier updates (Zalo asks the citizen to confirm). */
export async function followOfficialAccount(oaId: string): Promise<void> {
  await zaloCall(async () => (await loadZaloSdk()).followOA({ id: oaId }));
}

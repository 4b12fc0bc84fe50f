/**
 * Photos of papers: taken or picked inside Zalo (chooseImage), then made small on the phone before
 * upload — a 12-megapixel photo is 4–6 MB, which a weak 3G line takes minutes to send and the server
 * refuses above 5 MB. Around 1600 px on the long side and JPEG 0.8 keep a paper readable at ~300 kB.
 */
import { isInsideZalo, loadZaloSdk, PlatformError, toPlatformError } from "./zalo";

export const MAX_IMAGE_SIDE = 1600;
export const JPEG_QUALITY = 0.8;

/** After the page is shown again, how long the picker gets to hand over its files before we call it cancelled. */
const RETURN_GRACE_MS = 5000;
/** Whatever happens, a picker left open this long counts as cancelled. */
const PICKER_TIMEOUT_MS = 3 * 60_000;

export type ImageSource = "camera" | "album";

/**
 * Opens Zalo's camera or album. chooseImage never settles when the citizen cancels, so this settles
 * as "cancelled" a few seconds after the page comes back without files, or after a long timeout.
 */
export function chooseImagesInZalo(source: ImageSource, count: number): Promise<Blob[]> {
  if (!isInsideZalo()) return Promise.reject(new PlatformError("outside_zalo"));
  return new Promise<Blob[]>((resolve, reject) => {
    let settled = false;
    let graceTimer: ReturnType<typeof setTimeout> | undefined;
    const cleanup = () => {
      settled = true;
      clearTimeout(graceTimer);
      clearTimeout(hardTimer);
      window.removeEventListener("focus", onReturn);
      document.removeEventListener("visibilitychange", onReturn);
    };
    const cancel = () => {
      if (settled) return;
      cleanup();
      reject(new PlatformError("cancelled"));
    };
    function onReturn() {
      if (document.visibilityState === "hidden") return;
      clearTimeout(graceTimer);
      graceTimer = setTimeout(cancel, RETURN_GRACE_MS);
    }
    const hardTimer = setTimeout(cancel, PICKER_TIMEOUT_MS);
    window.addEventListener("focus", onReturn);
    document.addEventListener("visibilitychange", onReturn);
    loadZaloSdk()
      .then(({ chooseImage }) => chooseImage({ sourceType: [source], count, cameraType: "back" }))
      .then(async ({ filePaths }) => {
        if (settled) return;
        cleanup();
        if (filePaths.length === 0) throw new PlatformError("cancelled");
        resolve(await Promise.all(filePaths.map(readLocalFile)));
      })
      .catch((error: unknown) => {
        if (!settled) cleanup();
        reject(toPlatformError(error));
      });
  });
}

async function readLocalFile(path: string): Promise<Blob> {
  const response = await fetch(path);
  if (!response.ok) throw new PlatformError("unknown");
  return response.blob();
}

/** The size to draw at: the long side at most `maxSide`, never enlarged. */
export function fitWithin(width: number, height: number, maxSide: number): { width: number; height: number } {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

interface Drawable {
  source: CanvasImageSource;
  width: number;
  height: number;
  release: () => void;
}

/** Decodes with the photo's EXIF rotation applied (a portrait page must not arrive sideways). */
async function decode(blob: Blob): Promise<Drawable> {
  if (typeof createImageBitmap === "function") {
    try {
      const bitmap = await createImageBitmap(blob, { imageOrientation: "from-image" });
      return { source: bitmap, width: bitmap.width, height: bitmap.height, release: () => bitmap.close() };
    } catch {
      // Older WebViews: fall back to an <img>, which also applies EXIF rotation in current engines.
    }
  }
  const url = URL.createObjectURL(blob);
  const image = new Image();
  image.decoding = "async";
  image.src = url;
  try {
    await image.decode();
  } catch (error) {
    URL.revokeObjectURL(url);
    throw error;
  }
  return {
    source: image,
    width: image.naturalWidth,
    height: image.naturalHeight,
    release: () => URL.revokeObjectURL(url),
  };
}

/**
 * A JPEG at most `maxSide` px on its long side. The original is kept when it is already a small JPEG
 * that re-encoding would not shrink; a picture that cannot be decoded is sent as it is.
 */
export async function compressImage(
  blob: Blob,
  { maxSide = MAX_IMAGE_SIDE, quality = JPEG_QUALITY } = {},
): Promise<Blob> {
  let drawable: Drawable;
  try {
    drawable = await decode(blob);
  } catch {
    return blob;
  }
  try {
    const size = fitWithin(drawable.width, drawable.height, maxSide);
    const canvas = document.createElement("canvas");
    canvas.width = size.width;
    canvas.height = size.height;
    const context = canvas.getContext("2d");
    if (!context) return blob;
    // A transparent PNG (a screenshot) would turn black in JPEG: paper is white.
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, size.width, size.height);
    context.drawImage(drawable.source, 0, 0, size.width, size.height);
    const jpeg = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/jpeg", quality));
    if (!jpeg) return blob;
    const unchanged = size.width === drawable.width && size.height === drawable.height;
    return unchanged && blob.type === "image/jpeg" && blob.size <= jpeg.size ? blob : jpeg;
  } finally {
    drawable.release();
  }
}

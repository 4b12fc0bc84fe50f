import { useEffect, useState } from "react";
import { officerFile } from "../api/officer-http";

/**
 * The image a saved notice carries, read with the officer's session (GET /api/officer/notices/:id/image)
 * as an object URL, freed when the notice changes; null while loading, without one, or when it fails
 * (the screens then say "[Ảnh]").
 */
export function useSavedImageUrl(noticeId: string | null, hasImage: boolean, version = 0): string | null {
  const [url, setUrl] = useState<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` is a trigger: a new upload reads again.
  useEffect(() => {
    setUrl(null);
    if (noticeId === null || !hasImage || typeof URL.createObjectURL !== "function") return;
    const controller = new AbortController();
    let made: string | null = null;
    officerFile(`/api/officer/notices/${encodeURIComponent(noticeId)}/image`, controller.signal).then(
      (blob) => {
        if (controller.signal.aborted) return;
        made = URL.createObjectURL(blob);
        setUrl(made);
      },
      () => undefined,
    );
    return () => {
      controller.abort();
      if (made) URL.revokeObjectURL(made);
    };
  }, [noticeId, hasImage, version]);
  return url;
}

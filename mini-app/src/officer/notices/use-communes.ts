import type { CommuneDetail, CommuneSummary } from "@dvc/shared/api/units";
import { useEffect, useState } from "react";
import { getCommune, searchCommunes } from "../../api";
import { bareCommuneName } from "../../citizen/commune-names";

/** The province's communes (an admin picks one for a notice or a group); null while loading or failed. */
export function useCommunes(enabled: boolean): CommuneSummary[] | null {
  const [communes, setCommunes] = useState<CommuneSummary[] | null>(null);
  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    searchCommunes("", controller.signal).then(
      (list) => setCommunes(list),
      () => setCommunes(null),
    );
    return () => controller.abort();
  }, [enabled]);
  return communes;
}

/**
 * Who signs the notice (noticeSenderName takes the name without its type): the commune's, or null for
 * a province-wide notice. Until the name is known the preview says the code.
 */
export function useSenderCommune(code: string | null): { type: string; name: string } | null {
  const [detail, setDetail] = useState<CommuneDetail | null>(null);
  useEffect(() => {
    setDetail(null);
    if (code === null) return;
    const controller = new AbortController();
    getCommune(code, controller.signal).then(setDetail, () => undefined);
    return () => controller.abort();
  }, [code]);
  if (code === null) return null;
  if (detail === null || detail.code !== code) return { type: "xã/phường", name: `mã ${code}` };
  return { type: detail.type, name: bareCommuneName(detail.name, detail.type) };
}

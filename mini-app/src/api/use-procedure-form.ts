import type { FileableProcedure } from "@dvc/shared/procedures/definition";
import { useEffect, useState } from "react";
import { getProcedureDefinition } from "./procedure-definition";

export type ProcedureFormLoad =
  | { status: "loading" }
  | { status: "ready"; form: FileableProcedure }
  | { status: "error"; message: string };

/**
 * The form the dossier was filed on — its own version, not today's: labels and the questions a
 * supplement can name must be the ones the citizen answered. Kept on the device per version. Used by
 * the citizen's tracking page and the officer's dossier view alike.
 */
export function useProcedureForm(
  code: string | undefined,
  version: number | undefined,
  failedMessage = "Chưa tải được biểu mẫu của thủ tục.",
): ProcedureFormLoad {
  const [load, setLoad] = useState<ProcedureFormLoad>({ status: "loading" });
  useEffect(() => {
    if (code === undefined || version === undefined) return;
    const controller = new AbortController();
    getProcedureDefinition(code, version, controller.signal).then(
      (definition) =>
        setLoad(
          definition.online
            ? { status: "ready", form: definition }
            : { status: "error", message: "Thủ tục này không có biểu mẫu trực tuyến." },
        ),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setLoad({
          status: "error",
          message: error instanceof Error ? error.message : failedMessage,
        });
      },
    );
    return () => controller.abort();
  }, [code, version, failedMessage]);
  return load;
}

import type { FileableProcedure } from "@dvc/shared/procedures/definition";
import { useEffect, useState } from "react";
import { getProcedureDefinition } from "../../api/procedure-definition";

export type ProcedureFormLoad =
  | { status: "loading" }
  | { status: "ready"; form: FileableProcedure }
  | { status: "error"; message: string };

/**
 * The form the dossier was filed on — its own version, not today's: labels and the questions a
 * supplement can name must be the ones the citizen answered. Kept on the device per version.
 */
export function useProcedureForm(code: string | undefined, version: number | undefined): ProcedureFormLoad {
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
          message: error instanceof Error ? error.message : "Chưa tải được biểu mẫu của thủ tục.",
        });
      },
    );
    return () => controller.abort();
  }, [code, version]);
  return load;
}

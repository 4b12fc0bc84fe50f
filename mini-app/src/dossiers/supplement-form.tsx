import type { DossierDetail } from "@dvc/shared/api/dossiers";
import { validateDossier } from "@dvc/shared/forms/engine/index";
import type { FileableProcedure } from "@dvc/shared/procedures/definition";
import { useEffect, useState } from "react";
import { Button } from "zmp-ui";
import { submitSupplement } from "../api/dossiers";
import { getProcedureDefinition } from "../api/procedure-definition";
import { Loading, Notice } from "../ui/notice";
import { useToast } from "../ui/use-toast";
import { ErrorSummary, errorsByPath } from "../wizard/error-summary";
import type { FieldEnv } from "../wizard/fields/field-types";
import { FieldView } from "../wizard/fields/field-view";
import { todayInVietnam } from "../wizard/use-wizard-navigation";

type Supplement = NonNullable<DossierDetail["supplement"]>;

/**
 * Only the fields the officer flagged, prefilled with what was sent, checked like the original form, and
 * sent back in one go. Everything else in the dossier stays as it was.
 */
export function SupplementForm({
  dossier,
  supplement,
  onSent,
}: {
  dossier: DossierDetail;
  supplement: Supplement;
  onSent: () => void;
}) {
  const toast = useToast();
  const [form, setForm] = useState<FileableProcedure | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const flagged = [...new Set(supplement.fieldIds.map((path) => path.split(".")[0] ?? path))];
  const [answers, setAnswers] = useState<Record<string, unknown>>(() =>
    Object.fromEntries(flagged.map((id) => [id, dossier.answers[id]])),
  );
  const [shownAt, setShownAt] = useState(0);
  const [sending, setSending] = useState(false);

  useEffect(() => {
    getProcedureDefinition(dossier.procedureCode, dossier.procedureVersion).then(
      (definition) => (definition.online ? setForm(definition) : setProblem("Không mở được biểu mẫu.")),
      (error: unknown) => setProblem(error instanceof Error ? error.message : "Không mở được biểu mẫu."),
    );
  }, [dossier.procedureCode, dossier.procedureVersion]);

  if (problem) return <Notice tone="error" title={problem} />;
  if (!form) return <Loading text="Đang mở phần cần bổ sung…" />;

  const fields = form.form.steps.flatMap((step) => step.fields).filter((field) => flagged.includes(field.id));
  const check = validateDossier(form.form, { ...dossier.answers, ...answers }, { today: todayInVietnam() });
  const errors = check.ok
    ? []
    : check.errors.filter((error) => flagged.includes(error.path.split(".")[0] ?? ""));
  const shownErrors = shownAt > 0 ? errors : [];

  const env: FieldEnv = {
    uploadTarget: { dossierCode: dossier.code },
    errors: errorsByPath(shownErrors),
    saveNow: () => Promise.resolve(),
    prefilledBadge: () => null,
  };

  const send = async () => {
    if (errors.length > 0) {
      setShownAt(Date.now());
      return;
    }
    setSending(true);
    try {
      await submitSupplement(dossier.code, answers);
      toast("Đã gửi bổ sung. Cán bộ sẽ xem lại hồ sơ.");
      onSent();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : "Chưa gửi được. Vui lòng thử lại.");
    } finally {
      setSending(false);
    }
  };

  return (
    <form
      className="dvc-supplement__form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      <ErrorSummary errors={shownErrors} shownAt={shownAt} />
      {fields.map((field) => (
        <FieldView
          key={field.id}
          field={field}
          path={field.id}
          value={answers[field.id]}
          onChange={(value) => setAnswers((current) => ({ ...current, [field.id]: value }))}
          env={env}
        />
      ))}
      <Button htmlType="submit" size="large" fullWidth loading={sending}>
        Gửi bổ sung
      </Button>
    </form>
  );
}

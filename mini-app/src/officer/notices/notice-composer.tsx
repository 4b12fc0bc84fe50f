import {
  NOTICE_BODY_MAX,
  NOTICE_CATEGORIES,
  NOTICE_CATEGORY_LABELS,
  NOTICE_SUMMARY_MAX,
  NOTICE_TITLE_MAX,
  type NoticeCategory,
  type OfficerNotice,
} from "@dvc/shared/api/notices";
import { type FormEvent, useState } from "react";
import { useNow } from "../ui/use-now";
import { AudienceField } from "./audience-field";
import {
  type ComposerForm,
  checkForm,
  emptyForm,
  formOf,
  needsSummary,
  SUMMARY_REASON,
  textFacts,
} from "./composer-form";
import { FailureAlert } from "./failure-alert";
import { countText, Field } from "./field";
import { type ImageChoice, ImageField, usePreviewUrl } from "./image-field";
import { MessagePreviews } from "./message-previews";
import { ProcedureField } from "./procedure-field";
import { ScheduleField } from "./schedule-field";
import { useCommunes, useSenderCommune } from "./use-communes";
import { useNoticeSave } from "./use-notice-save";
import { useSavedImageUrl } from "./use-saved-image";

const FIX_MARKED = "Vui lòng sửa các mục được đánh dấu rồi bấm lại.";

/**
 * Writing a notice (new, or editing a draft or a returned one): what it says, who gets it, when; the
 * count per channel and how it will look in a group and in a chat, live. Nothing typed is lost by a
 * failed save: the form keeps it and the message says what to do.
 */
export function NoticeComposer({
  initial,
  officerCommune,
  admin,
  onDone,
  onReload,
}: {
  initial: OfficerNotice | null;
  /** The officer's commune (null: a province admin). */
  officerCommune: string | null;
  admin: boolean;
  onDone: (id: string) => void;
  onReload?: () => void;
}) {
  const now = useNow(60_000);
  const [form, setForm] = useState<ComposerForm>(() =>
    initial ? formOf(initial) : emptyForm(officerCommune, now),
  );
  const [image, setImage] = useState<ImageChoice>(initial?.hasImage ? { kind: "saved" } : { kind: "none" });
  const { state, save, refuse } = useNoticeSave(initial, setImage, onDone);
  const pickedUrl = usePreviewUrl(image.kind === "new" ? image.file : null);
  const savedUrl = useSavedImageUrl(initial?.id ?? null, initial?.hasImage === true);
  const previewUrl = image.kind === "saved" ? savedUrl : pickedUrl;
  const sender = useSenderCommune(form.communeCode);
  const change = (patch: Partial<ComposerForm>) => setForm((current) => ({ ...current, ...patch }));
  const failure = state.status === "failed" ? state.failure : null;
  const errors = failure?.fields ?? {};
  const summarised = needsSummary(form);

  const submit = (asSubmit: boolean) => (event?: FormEvent) => {
    event?.preventDefault();
    const checked = checkForm(form);
    if (!checked.ok) {
      refuse(FIX_MARKED, checked.fields);
      return;
    }
    void save(checked.input, image, asSubmit);
  };
  const saving = state.status === "saving";

  return (
    <form className="dvc-notice-composer" noValidate onSubmit={submit(false)} aria-label="Soạn thông báo">
      <div className="dvc-notice-composer__form">
        {admin ? <CommuneField form={form} onChange={change} /> : null}
        <Field id="notice-category" label="Loại thông báo" error={errors.category}>
          {(aria) => (
            <select
              {...aria}
              className="dvc-select"
              value={form.category}
              onChange={(event) => change({ category: event.target.value as NoticeCategory | "" })}
            >
              <option value="">Chọn loại thông báo</option>
              {NOTICE_CATEGORIES.map((category) => (
                <option key={category} value={category}>
                  {NOTICE_CATEGORY_LABELS[category]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id="notice-title"
          label="Tiêu đề"
          error={errors.title}
          extra={
            <p className="dvc-notice-counter">{countText(form.title.trim().length, NOTICE_TITLE_MAX)}</p>
          }
        >
          {(aria) => (
            <input
              {...aria}
              className="dvc-input"
              value={form.title}
              onChange={(event) => change({ title: event.target.value })}
            />
          )}
        </Field>
        <Field
          id="notice-body"
          label="Nội dung"
          error={errors.body}
          extra={
            <p className="dvc-notice-counter" aria-live="polite">
              {countText([...form.body.trim()].length, NOTICE_BODY_MAX)}
              {summarised ? " · dài hơn một tin nhắn Zalo" : ""}
            </p>
          }
        >
          {(aria) => (
            <textarea
              {...aria}
              className="dvc-input"
              rows={8}
              value={form.body}
              onChange={(event) => change({ body: event.target.value })}
            />
          )}
        </Field>
        {summarised ? (
          <Field
            id="notice-summary"
            label="Tóm tắt gửi qua Zalo"
            hint={SUMMARY_REASON}
            error={errors.summary}
            extra={
              <p className="dvc-notice-counter">
                {countText(form.summary.trim().length, NOTICE_SUMMARY_MAX)}
              </p>
            }
          >
            {(aria) => (
              <textarea
                {...aria}
                className="dvc-input"
                rows={4}
                value={form.summary}
                onChange={(event) => change({ summary: event.target.value })}
              />
            )}
          </Field>
        ) : null}
        <ImageField
          image={image}
          previewUrl={previewUrl}
          error={errors.file ?? errors.image}
          onChange={setImage}
        />
        <ProcedureField
          procedure={form.procedure}
          error={errors.procedureCode}
          onChange={(procedure) => change({ procedure })}
        />
        <AudienceField form={form} error={errors.groupIds ?? errors.toFollowers} onChange={change} />
        <ScheduleField form={form} errors={errors} now={now} onChange={change} />
        <FailureAlert failure={failure} {...(onReload ? { onReload } : {})} />
        <div className="dvc-notice-composer__actions">
          <button
            type="submit"
            className="dvc-officer-button dvc-officer-button--secondary"
            aria-disabled={saving}
          >
            {saving && !state.submit ? "Đang lưu…" : "Lưu nháp"}
          </button>
          <button
            type="button"
            className="dvc-officer-button dvc-officer-button--primary"
            aria-disabled={saving}
            onClick={() => submit(true)()}
          >
            {saving && state.submit ? "Đang gửi duyệt…" : "Gửi duyệt"}
          </button>
        </div>
      </div>
      <MessagePreviews
        facts={textFacts(form, initial?.id ?? null, sender)}
        image={image.kind === "saved" ? (savedUrl ?? "saved") : previewUrl}
      />
    </form>
  );
}

/** An admin sends for one commune or the whole province. */
function CommuneField({
  form,
  onChange,
}: {
  form: ComposerForm;
  onChange: (patch: Partial<ComposerForm>) => void;
}) {
  const communes = useCommunes(true);
  return (
    <Field
      id="notice-commune"
      label="Gửi cho"
      hint="Toàn tỉnh: mọi người quan tâm OA và các nhóm đã gán xã/phường."
    >
      {(aria) => (
        <select
          {...aria}
          className="dvc-select"
          value={form.communeCode ?? ""}
          onChange={(event) => onChange({ communeCode: event.target.value || null, groupIds: [] })}
        >
          <option value="">Toàn tỉnh</option>
          {(communes ?? []).map((commune) => (
            <option key={commune.code} value={commune.code}>
              {commune.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

import { AlertIcon } from "../../ui/icons";
import { type ComposerForm, isNight, sendTime } from "./composer-form";
import { Field } from "./field";

export const NIGHT_WARNING =
  "Tin vào nhóm lúc đêm sẽ làm phiền cư dân. Nên hẹn gửi sau 06:00 nếu không khẩn cấp.";
export const NIGHT_FOLLOWERS =
  "Tin nhắn tới người quan tâm OA tự chờ đến 06:00 sáng (giờ yên tĩnh 22:00–06:00).";

/**
 * When it leaves (as soon as approved, or at a time) and until when it is shown. Group posts go at any
 * hour (zalo-oa.md §5), so the officer is warned when groups would get it at night; follower messages
 * wait for 06:00 by themselves.
 */
export function ScheduleField({
  form,
  errors,
  now,
  onChange,
}: {
  form: ComposerForm;
  errors: Record<string, string>;
  now: Date;
  onChange: (patch: Partial<ComposerForm>) => void;
}) {
  const night = isNight(sendTime(form, now));
  return (
    <>
      <fieldset className="dvc-fieldset">
        <legend className="dvc-field__label">Thời gian gửi</legend>
        <label className="dvc-notice-check">
          <input
            type="radio"
            name="notice-when"
            checked={form.when === "now"}
            onChange={() => onChange({ when: "now" })}
          />
          <span>Gửi ngay khi được duyệt</span>
        </label>
        <label className="dvc-notice-check">
          <input
            type="radio"
            name="notice-when"
            checked={form.when === "later"}
            onChange={() => onChange({ when: "later" })}
          />
          <span>Hẹn giờ gửi</span>
        </label>
        {form.when === "later" ? (
          <Field id="notice-scheduled" label="Ngày giờ gửi (giờ Việt Nam)" error={errors.scheduledAt}>
            {(aria) => (
              <input
                {...aria}
                type="datetime-local"
                className="dvc-input dvc-input--short"
                value={form.scheduledAt}
                onChange={(event) => onChange({ scheduledAt: event.target.value })}
              />
            )}
          </Field>
        ) : null}
        {night ? (
          <div className="dvc-officer-note dvc-notice-night" role="note">
            <AlertIcon size={20} />
            <div>
              {form.groupIds.length > 0 ? <p>{NIGHT_WARNING}</p> : null}
              {form.toFollowers ? <p>{NIGHT_FOLLOWERS}</p> : null}
            </div>
          </div>
        ) : null}
      </fieldset>
      <Field
        id="notice-expires"
        label="Hiển thị đến hết ngày"
        hint="Sau ngày này thông báo không còn trong Mini App và trên bảng tin; tin chưa gửi được sẽ thôi gửi."
        error={errors.expiresAt}
      >
        {(aria) => (
          <input
            {...aria}
            type="date"
            className="dvc-input dvc-input--short"
            value={form.expiresOn}
            onChange={(event) => onChange({ expiresOn: event.target.value })}
          />
        )}
      </Field>
    </>
  );
}

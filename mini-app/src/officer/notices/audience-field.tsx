import type { NoticeAudience } from "@dvc/shared/api/notices";
import { useEffect, useState } from "react";
import { getNoticeAudience } from "../api/notice-api";
import type { ComposerForm } from "./composer-form";
import { useGroups } from "./use-groups";

const n = (value: number) => value.toLocaleString("vi-VN");

/** "2 nhóm · 120 nhận tin tư vấn · 30 nhận tin mẫu · 15 chưa liên lạc được qua Zalo (…)". */
export function audienceText(audience: NoticeAudience, toFollowers: boolean): string {
  const parts = [`${n(audience.groups)} nhóm`];
  if (toFollowers) {
    const { consultation, template, unreachable } = audience.followers;
    parts.push(`${n(consultation)} nhận tin tư vấn`, `${n(template)} nhận tin mẫu`);
    parts.push(`${n(unreachable)} chưa liên lạc được qua Zalo (vẫn xem được trong Mini App và bảng tin)`);
  }
  return parts.join(" · ");
}

/**
 * Who receives it: the commune's Zalo groups (ticked one by one) and the OA's followers of the commune,
 * with the server's count per channel, asked again whenever the choice changes.
 */
export function AudienceField({
  form,
  error,
  onChange,
}: {
  form: ComposerForm;
  error: string | undefined;
  onChange: (patch: Partial<ComposerForm>) => void;
}) {
  const groups = useGroups();
  const audience = useAudience(form);
  const commune = form.communeCode;
  const choosable =
    groups.status === "ready"
      ? groups.list.groups.filter(
          (group) =>
            group.status !== "gone" &&
            (commune === null ? group.communeCode !== null : group.communeCode === commune),
        )
      : [];
  const toggle = (groupId: string, on: boolean) =>
    onChange({
      groupIds: on ? [...form.groupIds, groupId] : form.groupIds.filter((id) => id !== groupId),
    });
  return (
    <fieldset className={`dvc-fieldset dvc-notice-audience${error ? " dvc-field--error" : ""}`}>
      <legend className="dvc-field__label">Gửi tới</legend>
      {error ? <p className="dvc-field__error">{error}</p> : null}
      {groups.status === "loading" ? <p className="dvc-field__hint">Đang tải các nhóm Zalo…</p> : null}
      {groups.status === "error" ? (
        <p className="dvc-field__hint">
          {groups.message}{" "}
          <button type="button" className="dvc-link-button" onClick={groups.reload}>
            Tải lại danh sách nhóm
          </button>
        </p>
      ) : null}
      {groups.status === "ready" && choosable.length === 0 ? (
        <p className="dvc-field__hint">
          Xã/phường chưa có nhóm Zalo nào của OA. Có thể tạo ở mục “Nhóm Zalo”.
        </p>
      ) : null}
      <ul className="dvc-notice-audience__list">
        {choosable.map((group) => (
          <li key={group.groupId}>
            <label className="dvc-notice-check">
              <input
                type="checkbox"
                checked={form.groupIds.includes(group.groupId)}
                onChange={(event) => toggle(group.groupId, event.target.checked)}
              />
              <span>Nhóm “{group.name}”</span>
            </label>
          </li>
        ))}
        <li>
          <label className="dvc-notice-check">
            <input
              type="checkbox"
              checked={form.toFollowers}
              onChange={(event) => onChange({ toFollowers: event.target.checked })}
            />
            <span>
              {form.communeCode === null
                ? "Người quan tâm OA trên toàn tỉnh"
                : "Người quan tâm OA của xã/phường"}
            </span>
          </label>
        </li>
      </ul>
      <p className="dvc-notice-audience__count" role="status" aria-live="polite">
        {audience.status === "ready" ? audienceText(audience.audience, form.toFollowers) : null}
        {audience.status === "loading" ? "Đang đếm người nhận…" : null}
        {audience.status === "error" ? audience.message : null}
      </p>
      <p className="dvc-field__hint">
        Thông báo luôn hiện trong mục “Thông báo” của Mini App và trên bảng tin của xã/phường.
      </p>
    </fieldset>
  );
}

type AudienceState =
  | { status: "loading" }
  | { status: "ready"; audience: NoticeAudience }
  | { status: "error"; message: string };

function useAudience(form: ComposerForm): AudienceState {
  const [state, setState] = useState<AudienceState>({ status: "loading" });
  const key = `${form.communeCode ?? ""}|${form.groupIds.join(",")}|${form.toFollowers}`;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` is the whole query.
  useEffect(() => {
    const controller = new AbortController();
    setState({ status: "loading" });
    getNoticeAudience(
      { communeCode: form.communeCode, groupIds: form.groupIds, toFollowers: form.toFollowers },
      controller.signal,
    ).then(
      (audience) => setState({ status: "ready", audience }),
      () => {
        if (!controller.signal.aborted)
          setState({ status: "error", message: "Chưa đếm được người nhận. Số liệu sẽ có khi kết nối lại." });
      },
    );
    return () => controller.abort();
  }, [key]);
  return state;
}

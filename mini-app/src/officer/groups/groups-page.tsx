import type { OaGroupView } from "@dvc/shared/api/notices";
import { useRef, useState } from "react";
import { formatDateTime } from "../../ui/format";
import { Loading, Notice } from "../../ui/notice";
import { assignGroupCommune, syncGroups } from "../api/group-api";
import { type Failure, failureOf } from "../notices/action-failure";
import { FailureAlert } from "../notices/failure-alert";
import { useCommunes } from "../notices/use-communes";
import { useGroups } from "../notices/use-groups";
import { useDocumentTitle } from "../ui/use-document-title";
import { GroupCreateForm } from "./group-create-form";

const STATUS_LABELS: Readonly<Record<string, string>> = {
  enabled: "Đang hoạt động",
  active: "Đang hoạt động",
  disabled: "Đã tắt trên Zalo",
  gone: "Không còn trên Zalo",
};

/**
 * /can-bo/nhom-zalo — the OA's Zalo groups (GMF) a notice can go to: the commune's for an officer,
 * all of them for an admin, who also assigns each to a commune and reads them again from Zalo. How many
 * groups the OA may still create comes from Zalo, never assumed.
 */
export function GroupsPage({ admin }: { admin: boolean }) {
  useDocumentTitle("Nhóm Zalo");
  const groups = useGroups();
  // Names for every officer (a group shows its commune), the select for an admin.
  const communes = useCommunes(true);
  const [done, setDone] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const changed = (message: string) => {
    setDone(message);
    groups.reload();
    heading.current?.focus();
  };
  const quota = groups.status === "ready" ? groups.list.groupQuota : null;
  return (
    <section className="dvc-officer-page" aria-labelledby="groups-title">
      <div className="dvc-notices__head">
        <h1 id="groups-title" className="dvc-page-title" tabIndex={-1} ref={heading}>
          Nhóm Zalo
        </h1>
        {admin ? <SyncButton onDone={changed} /> : null}
      </div>
      <div role="status">{done ? <p className="dvc-officer-done">{done}</p> : null}</div>
      {groups.status === "loading" ? <Loading text="Đang tải các nhóm…" /> : null}
      {groups.status === "error" ? (
        <Notice tone="error" title={groups.message} action={{ label: "Thử lại", onClick: groups.reload }} />
      ) : null}
      {groups.status === "ready" ? (
        <>
          <p className="dvc-groups__quota">
            {quota === null
              ? "Chưa đọc được số lượt tạo nhóm từ Zalo."
              : `Còn ${quota.toLocaleString("vi-VN")} lượt tạo nhóm`}
          </p>
          {groups.list.groups.length === 0 ? (
            <Notice tone="empty" title="Chưa có nhóm Zalo nào của OA." />
          ) : (
            <ul className="dvc-groups__list">
              {groups.list.groups.map((group) => (
                <GroupRow
                  key={group.groupId}
                  group={group}
                  admin={admin}
                  communeOptions={communes}
                  onAssigned={changed}
                />
              ))}
            </ul>
          )}
          <GroupCreateForm quota={quota} admin={admin} communes={communes} onCreated={changed} />
        </>
      ) : null}
    </section>
  );
}

function GroupRow({
  group,
  admin,
  communeOptions,
  onAssigned,
}: {
  group: OaGroupView;
  admin: boolean;
  communeOptions: ReturnType<typeof useCommunes>;
  onAssigned: (message: string) => void;
}) {
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  const communeName = (code: string | null) =>
    code === null
      ? "Chưa gán xã/phường"
      : (communeOptions?.find((c) => c.code === code)?.name ?? `Mã ${code}`);
  const assign = async (code: string) => {
    setBusy(true);
    setFailure(null);
    try {
      await assignGroupCommune(group.groupId, code === "" ? null : code);
      onAssigned(`Đã gán nhóm “${group.name}” cho ${communeName(code === "" ? null : code)}.`);
    } catch (error) {
      setFailure(failureOf(error));
    } finally {
      setBusy(false);
    }
  };
  const selectId = `group-commune-${group.groupId}`;
  return (
    <li className="dvc-officer-card dvc-groups__item">
      <h2 className="dvc-groups__name">{group.name}</h2>
      {group.description ? <p className="dvc-text">{group.description}</p> : null}
      <p className="dvc-groups__meta">
        <span>{STATUS_LABELS[group.status] ?? group.status}</span>
        <span>{communeName(group.communeCode)}</span>
        {group.syncedAt ? <span>Đồng bộ {formatDateTime(group.syncedAt)}</span> : null}
      </p>
      {group.groupLink ? (
        <a className="dvc-groups__link" href={group.groupLink} target="_blank" rel="noreferrer">
          Mở nhóm trên Zalo
        </a>
      ) : null}
      {admin ? (
        <div className="dvc-groups__assign">
          <label className="dvc-field__label" htmlFor={selectId}>
            Xã/phường của nhóm “{group.name}”
          </label>
          <select
            id={selectId}
            className="dvc-select"
            value={group.communeCode ?? ""}
            disabled={busy || communeOptions === null}
            onChange={(event) => void assign(event.target.value)}
          >
            <option value="">Chưa gán</option>
            {(communeOptions ?? []).map((commune) => (
              <option key={commune.code} value={commune.code}>
                {commune.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <FailureAlert failure={failure} kept={false} />
    </li>
  );
}

function SyncButton({ onDone }: { onDone: (message: string) => void }) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const sync = async () => {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    try {
      await syncGroups();
      onDone("Đã đồng bộ danh sách nhóm từ Zalo.");
    } catch (error) {
      setFailure(failureOf(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div>
      <button
        type="button"
        className="dvc-officer-button dvc-officer-button--secondary"
        aria-disabled={busy}
        onClick={() => void sync()}
      >
        {busy ? "Đang đồng bộ…" : "Đồng bộ từ Zalo"}
      </button>
      <FailureAlert failure={failure} kept={false} />
    </div>
  );
}

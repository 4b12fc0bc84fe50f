import type { CommuneSummary } from "@dvc/shared/api/units";
import { vietnameseIssueMessage } from "@dvc/shared/api/zod-vietnamese";
import { type FormEvent, useState } from "react";
import { createGroup, oaGroupCreateInputSchema } from "../api/group-api";
import { type Failure, failureOf } from "../notices/action-failure";
import { FailureAlert } from "../notices/failure-alert";
import { Field } from "../notices/field";

const FIX_MARKED = "Vui lòng sửa các mục được đánh dấu rồi bấm lại.";
const NO_QUOTA = "OA đã hết lượt tạo nhóm trên Zalo. Vui lòng liên hệ quản trị OA để mua thêm gói nhóm.";

/** The ids typed one per line (or separated by commas or spaces). */
export function memberIdsOf(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).filter(Boolean))];
}

/**
 * A new Zalo group owned by the OA (GMF, zalo-oa.md §0): name, description, the first members by their
 * OA user id (1–99). An admin names the commune; an officer creates for their own.
 */
export function GroupCreateForm({
  quota,
  admin,
  communes,
  onCreated,
}: {
  quota: number | null;
  admin: boolean;
  communes: CommuneSummary[] | null;
  onCreated: (message: string) => void;
}) {
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [members, setMembers] = useState("");
  const [communeCode, setCommuneCode] = useState("");
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const errors = failure?.fields ?? {};

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const parsed = oaGroupCreateInputSchema.safeParse(
      {
        name,
        description: description.trim() === "" ? null : description,
        memberUserIds: memberIdsOf(members),
        communeCode: admin && communeCode !== "" ? communeCode : null,
      },
      { error: vietnameseIssueMessage },
    );
    if (!parsed.success) {
      const fields: Record<string, string> = {};
      for (const issue of parsed.error.issues) fields[String(issue.path[0])] ??= issue.message;
      setFailure({ message: FIX_MARKED, fields, retryable: false, conflict: false });
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      await createGroup(parsed.data);
      setName("");
      setDescription("");
      setMembers("");
      onCreated(`Đã tạo nhóm “${parsed.data.name}”.`);
    } catch (error) {
      setFailure(failureOf(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="dvc-officer-card dvc-groups__create"
      noValidate
      onSubmit={(event) => void submit(event)}
      aria-labelledby="group-create-title"
    >
      <h2 id="group-create-title" className="dvc-notice-section-title">
        Tạo nhóm Zalo mới
      </h2>
      {quota === 0 ? <p className="dvc-officer-note">{NO_QUOTA}</p> : null}
      <Field id="group-name" label="Tên nhóm" error={errors.name}>
        {(aria) => (
          <input {...aria} className="dvc-input" value={name} onChange={(e) => setName(e.target.value)} />
        )}
      </Field>
      <Field id="group-description" label="Mô tả (không bắt buộc)" error={errors.description}>
        {(aria) => (
          <textarea
            {...aria}
            className="dvc-input"
            rows={2}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        )}
      </Field>
      <Field
        id="group-members"
        label="Thành viên ban đầu: mã người dùng Zalo của OA"
        hint="Mỗi dòng một mã (dãy số), tối đa 99 người. Người dùng phải đang quan tâm OA."
        error={errors.memberUserIds}
      >
        {(aria) => (
          <textarea
            {...aria}
            className="dvc-input"
            rows={4}
            value={members}
            onChange={(e) => setMembers(e.target.value)}
          />
        )}
      </Field>
      {admin ? (
        <Field id="group-commune" label="Xã/phường của nhóm" error={errors.communeCode}>
          {(aria) => (
            <select
              {...aria}
              className="dvc-select"
              value={communeCode}
              onChange={(e) => setCommuneCode(e.target.value)}
            >
              <option value="">Chưa gán</option>
              {(communes ?? []).map((commune) => (
                <option key={commune.code} value={commune.code}>
                  {commune.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      <FailureAlert failure={failure} kept={name !== "" || members !== ""} />
      <button type="submit" className="dvc-officer-button dvc-officer-button--primary" aria-disabled={busy}>
        {busy ? "Đang tạo nhóm…" : "Tạo nhóm"}
      </button>
    </form>
  );
}

import type { CitizenProfile, ProfileUpdate } from "@dvc/shared/api/citizen-profile";
import type { AddressAnswer } from "@dvc/shared/forms/answers";
import { validateCccd } from "@dvc/shared/identity/cccd";
import { normalisePhone } from "@dvc/shared/identity/phone";
import { type FormEvent, useState } from "react";
import { Button } from "zmp-ui";
import { ApiError } from "../api";
import { updateProfile } from "../api/profile";
import { RadioGroup } from "../ui/choices";
import { toIsoDate } from "../ui/date-text";
import { TextInput } from "../ui/text-input";
import { AddressInput } from "../wizard/fields/address-field";
import { DateInput } from "../wizard/fields/date-input";
import { phoneText } from "./profile-view";

type Draft = Record<
  "fullName" | "dateOfBirth" | "ethnicity" | "nationality" | "cccd" | "phone" | "email",
  string
> & {
  sex: "nam" | "nu" | null;
  address: unknown;
};

function toDraft(profile: CitizenProfile): Draft {
  return {
    fullName: profile.fullName ?? "",
    dateOfBirth: profile.dateOfBirth ?? "",
    sex: profile.sex,
    ethnicity: profile.ethnicity ?? "",
    nationality: profile.nationality ?? "",
    cccd: profile.cccd ?? "",
    phone: profile.phone ? phoneText(profile.phone) : "",
    email: profile.email ?? "",
    address: profile.address,
  };
}

const orNull = (text: string) => (text.trim() === "" ? null : text.trim());

function asAddress(value: unknown): AddressAnswer | null {
  if (typeof value !== "object" || value === null) return null;
  const { provinceCode, communeCode, detail } = value as Record<string, unknown>;
  if (typeof communeCode !== "string" || !/^\d{5}$/.test(communeCode)) return null;
  return {
    provinceCode: typeof provinceCode === "string" ? provinceCode : "01",
    communeCode,
    detail: typeof detail === "string" ? detail.trim() : "",
  };
}

/** Checks what the server would refuse, so the message is beside the field; returns the update or errors. */
function toUpdate(draft: Draft): { update: ProfileUpdate } | { errors: Map<string, string> } {
  const errors = new Map<string, string>();
  const dateOfBirth = draft.dateOfBirth.trim() === "" ? null : toIsoDate(draft.dateOfBirth);
  if (draft.dateOfBirth.trim() !== "" && dateOfBirth === null) {
    errors.set("dateOfBirth", "Ngày sinh: ghi theo dạng ngày/tháng/năm, ví dụ 05/09/1990");
  }
  let phone: string | null = null;
  if (draft.phone.trim() !== "") {
    const checked = normalisePhone(draft.phone);
    if (checked.ok) phone = checked.value;
    else errors.set("phone", `Số điện thoại: ${checked.message}`);
  }
  let cccd: string | null = null;
  if (draft.cccd.trim() !== "") {
    const checked = validateCccd(draft.cccd, { currentYear: new Date().getFullYear() });
    if (checked.ok) cccd = checked.value;
    else errors.set("cccd", `Số CCCD: ${checked.message}`);
  }
  if (errors.size > 0) return { errors };
  return {
    update: {
      fullName: orNull(draft.fullName),
      dateOfBirth,
      sex: draft.sex,
      ethnicity: orNull(draft.ethnicity),
      nationality: orNull(draft.nationality),
      cccd,
      phone,
      email: orNull(draft.email),
      address: asAddress(draft.address),
    },
  };
}

export function ProfileForm({
  profile,
  onSaved,
  onCancel,
}: {
  profile: CitizenProfile;
  onSaved: (profile: CitizenProfile) => void;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState(() => toDraft(profile));
  const [errors, setErrors] = useState<Map<string, string>>(new Map());
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof Draft) => (value: unknown) => setDraft((current) => ({ ...current, [key]: value }));

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const result = toUpdate(draft);
    if ("errors" in result) {
      setErrors(result.errors);
      return;
    }
    setErrors(new Map());
    setBusy(true);
    setProblem(null);
    try {
      onSaved(await updateProfile(result.update));
    } catch (error) {
      const fields =
        error instanceof ApiError ? (error.body as { fields?: Record<string, string> } | null)?.fields : null;
      if (fields) setErrors(new Map(Object.entries(fields)));
      setProblem(error instanceof Error ? error.message : "Chưa lưu được. Vui lòng thử lại.");
    } finally {
      setBusy(false);
    }
  };

  const text = (key: Exclude<keyof Draft, "sex" | "address">, label: string, extra = {}) => (
    <TextInput
      id={`p-${key}`}
      label={label}
      value={draft[key]}
      onChange={set(key)}
      error={errors.get(key)}
      {...extra}
    />
  );

  return (
    <form className="dvc-section" onSubmit={save} noValidate aria-labelledby="p-title">
      {/* The screen's one h1 while editing: the view's "Thông tin của bạn" is not shown. */}
      <h1 id="p-title" className="dvc-page-title">
        Sửa thông tin của bạn
      </h1>
      {problem ? (
        <p className="dvc-inline-alert" role="alert">
          {problem}
        </p>
      ) : null}
      {text("fullName", "Họ và tên", { autoComplete: "name" })}
      <DateInput
        id="p-dateOfBirth"
        label="Ngày sinh"
        value={draft.dateOfBirth}
        onChange={set("dateOfBirth")}
        error={errors.get("dateOfBirth")}
      />
      <RadioGroup
        id="p-sex"
        legend="Giới tính"
        options={[
          { value: "nam", label: "Nam" },
          { value: "nu", label: "Nữ" },
        ]}
        value={draft.sex}
        onChange={set("sex")}
        inline
      />
      {text("ethnicity", "Dân tộc")}
      {text("nationality", "Quốc tịch")}
      {text("cccd", "Số CCCD", { inputMode: "numeric", maxLength: 16 })}
      {text("phone", "Số điện thoại", { type: "tel", inputMode: "tel" })}
      {text("email", "Email", { type: "email", inputMode: "email" })}
      <AddressInput
        path="address"
        label="Địa chỉ thường trú"
        value={draft.address}
        onChange={set("address")}
        env={{ uploadTarget: null, errors, saveNow: () => Promise.resolve(), prefilledBadge: () => null }}
        detailRequired={false}
      />
      <div className="dvc-actions">
        <Button htmlType="submit" size="large" fullWidth loading={busy}>
          Lưu thay đổi
        </Button>
        <Button variant="tertiary" size="large" fullWidth onClick={onCancel}>
          Huỷ
        </Button>
      </div>
    </form>
  );
}

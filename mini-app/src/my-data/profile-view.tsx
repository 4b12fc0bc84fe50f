import type { CitizenProfile } from "@dvc/shared/api/citizen-profile";
import type { ReactNode } from "react";
import { useCommuneName } from "../citizen/commune-names";
import { formatDateVi } from "../ui/date-text";

/** "84912345678" → "0912 345 678". */
export function phoneText(phone: string): string {
  const national = /^84\d{9}$/.test(phone) ? `0${phone.slice(2)}` : phone;
  return /^0\d{9}$/.test(national)
    ? `${national.slice(0, 4)} ${national.slice(4, 7)} ${national.slice(7)}`
    : phone;
}

/** The profile as the citizen reads it; empty entries say so instead of hiding. */
export function ProfileView({ profile }: { profile: CitizenProfile }) {
  const addressCommune = useCommuneName(profile.address?.communeCode);
  const chosenCommune = useCommuneName(profile.communeCode);
  const none = <span className="dvc-muted">Chưa có</span>;
  const rows: [string, ReactNode][] = [
    ["Họ và tên", profile.fullName ?? none],
    ["Ngày sinh", profile.dateOfBirth ? formatDateVi(profile.dateOfBirth) : none],
    ["Giới tính", profile.sex === "nam" ? "Nam" : profile.sex === "nu" ? "Nữ" : none],
    ["Dân tộc", profile.ethnicity ?? none],
    ["Quốc tịch", profile.nationality ?? none],
    ["Số CCCD", profile.cccd ?? none],
    ["Số điện thoại", profile.phone ? phoneText(profile.phone) : none],
    ["Email", profile.email ?? none],
    [
      "Địa chỉ",
      profile.address
        ? [profile.address.detail, addressCommune ?? `Mã ${profile.address.communeCode}`, "Thành phố Hà Nội"]
            .filter(Boolean)
            .join(", ")
        : none,
    ],
    ["Xã/phường nộp hồ sơ", profile.communeCode ? (chosenCommune ?? `Mã ${profile.communeCode}`) : none],
  ];
  return (
    <dl className="dvc-facts">
      {rows.map(([label, value]) => (
        <div key={label} className="dvc-facts__row">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

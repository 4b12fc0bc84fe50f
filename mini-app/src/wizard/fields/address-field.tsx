import { HANOI_PROVINCE_CODE } from "@dvc/shared/api/units";
import { PROVINCES } from "@dvc/shared/procedures/provinces";
import { type ReactNode, useState } from "react";
import { rememberCommuneName, useCommuneName } from "../../citizen/commune-names";
import { CommuneSearchPanel } from "../../citizen/commune-search-panel";
import { ChevronLeftIcon, ChevronRightIcon, MapPinIcon } from "../../ui/icons";
import { describedBy, FieldError, FieldHint, TextInput } from "../../ui/text-input";
import { asRecord, asText, type FieldEnv, type FieldPath, inputId, wrapperId } from "./field-types";

/**
 * The two-tier address since 1/7/2025: the province chosen from the 34 (Hà Nội, where the service runs,
 * until another is chosen), the commune picked with the same search as Home within that province (old
 * names work), then the street detail typed — or what `detailLabel` asks (a place of birth's facility).
 */
export function AddressInput({
  path,
  label,
  help,
  value,
  onChange,
  env,
  detailRequired = true,
  detailLabel = "Số nhà, đường, thôn/tổ dân phố",
  badge,
}: {
  path: FieldPath;
  label: string;
  help?: string;
  value: unknown;
  onChange: (value: unknown) => void;
  env: FieldEnv;
  detailRequired?: boolean;
  detailLabel?: string;
  badge?: ReactNode;
}) {
  const [picking, setPicking] = useState(false);
  const address = asRecord(value);
  const communeCode = asText(address.communeCode);
  const name = useCommuneName(communeCode || null);
  const error = env.errors.get(path);
  const communeError = env.errors.get(`${path}.communeCode`);
  const provinceError = env.errors.get(`${path}.provinceCode`);
  const id = inputId(path);
  const communeId = inputId(`${path}.communeCode`);
  const provinceId = inputId(`${path}.provinceCode`);
  const provinceCode = asText(address.provinceCode) || HANOI_PROVINCE_CODE;

  const change = (part: Record<string, string>) =>
    onChange({ provinceCode, communeCode: "", detail: "", ...address, ...part });

  return (
    <fieldset
      id={wrapperId(path)}
      className={`dvc-field dvc-fieldset dvc-address${error ? " dvc-field--error" : ""}`}
      aria-describedby={describedBy(id, help, error)}
    >
      <legend className="dvc-field__label">
        {label}
        {badge}
      </legend>
      {help ? <FieldHint id={id}>{help}</FieldHint> : null}
      <FieldError id={id} message={error} />
      <div className={`dvc-field dvc-field--nested${provinceError ? " dvc-field--error" : ""}`}>
        <label className="dvc-field__label dvc-field__label--small" htmlFor={provinceId}>
          Tỉnh/thành phố
        </label>
        <FieldError id={provinceId} message={provinceError} />
        <select
          id={provinceId}
          className={`dvc-input dvc-select${provinceError ? " dvc-input--error" : ""}`}
          value={provinceCode}
          aria-describedby={provinceError ? `${provinceId}-error` : undefined}
          aria-invalid={provinceError ? true : undefined}
          // Another province's communes are other communes: the one picked no longer applies.
          onChange={(event) => {
            if (event.target.value !== provinceCode)
              change({ provinceCode: event.target.value, communeCode: "" });
          }}
        >
          {PROVINCES.map((province) => (
            <option key={province.code} value={province.code}>
              {province.name}
            </option>
          ))}
        </select>
      </div>
      <div className={`dvc-field dvc-field--nested${communeError ? " dvc-field--error" : ""}`}>
        <span className="dvc-field__label dvc-field__label--small" id={`${communeId}-label`}>
          Xã/phường
        </span>
        <FieldError id={communeId} message={communeError} />
        <button
          type="button"
          id={communeId}
          className={`dvc-picker-button${communeError ? " dvc-input--error" : ""}`}
          aria-labelledby={`${communeId}-label ${communeId}-value`}
          aria-describedby={communeError ? `${communeId}-error` : undefined}
          aria-invalid={communeError ? true : undefined}
          onClick={() => setPicking(true)}
        >
          <MapPinIcon size={20} className="dvc-picker-button__icon" />
          <span id={`${communeId}-value`} className="dvc-picker-button__text">
            {communeCode ? (name ?? `Mã ${communeCode}`) : "Chọn xã/phường"}
          </span>
          <ChevronRightIcon size={20} />
        </button>
      </div>
      <TextInput
        id={inputId(`${path}.detail`)}
        label={detailRequired ? detailLabel : `${detailLabel} (nếu có)`}
        error={env.errors.get(`${path}.detail`)}
        value={asText(address.detail)}
        onChange={(detail) => change({ detail })}
        autoComplete="street-address"
        maxLength={200}
      />
      {picking ? (
        <div className="dvc-overlay" role="dialog" aria-modal="true" aria-label="Chọn xã/phường">
          <div className="dvc-overlay__bar">
            <button type="button" className="dvc-overlay__close" onClick={() => setPicking(false)}>
              <ChevronLeftIcon label="Đóng" />
            </button>
            <span className="dvc-overlay__title">Chọn xã/phường</span>
          </div>
          <div className="dvc-overlay__body">
            <CommuneSearchPanel
              province={provinceCode}
              chosenCode={communeCode || null}
              onPick={(commune) => {
                rememberCommuneName(commune.code, commune.name);
                change({ communeCode: commune.code, provinceCode: commune.provinceCode });
                setPicking(false);
              }}
            />
          </div>
        </div>
      ) : null}
    </fieldset>
  );
}

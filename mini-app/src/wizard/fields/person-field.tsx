import { SEXES } from "@dvc/shared/forms/answers";
import type { PersonPart } from "@dvc/shared/forms/definition";
import { NAME_MAX_LENGTH, PERSON_PART_LABELS } from "@dvc/shared/forms/engine/index";
import { sexFromCccd } from "@dvc/shared/identity/cccd";
import { ETHNIC_GROUPS } from "@dvc/shared/procedures/options";
import { RadioGroup } from "../../ui/choices";
import { describedBy, FieldError, FieldHint, TextInput } from "../../ui/text-input";
import { AddressInput } from "./address-field";
import { DateInput } from "./date-input";
import { asRecord, asText, inputId, type LeafProps, wrapperId } from "./field-types";
import { LengthNote } from "./length-note";

const ETHNICITY_NAMES: readonly string[] = ETHNIC_GROUPS.map((group) => group.name);

/**
 * The reusable person block (the citizen, a child, a parent…): only the parts the form asks for, each
 * its own control, so errors point at the exact part.
 */
export function PersonField({ field, path, value, onChange, env }: LeafProps<"person">) {
  const person = asRecord(value);
  const id = inputId(path);
  const error = env.errors.get(path);
  const set = (part: PersonPart, partValue: unknown) => onChange({ ...person, [part]: partValue });
  // Digit 4 of the CCCD encodes the sex: asked beside it, the sex follows the number (until chosen otherwise).
  const derivedSex = sexFromCccd(person.cccd);
  const setCccd = (cccd: string) => {
    const follows = person.sex === undefined || person.sex === derivedSex;
    const next = sexFromCccd(cccd);
    const sex = field.parts.includes("sex") && follows && next !== undefined ? { sex: next } : {};
    onChange({ ...person, cccd, ...sex });
  };

  const render = (part: PersonPart) => {
    const partPath = `${path}.${part}`;
    const partId = inputId(partPath);
    const label = PERSON_PART_LABELS[part];
    const partError = env.errors.get(partPath);
    const current = person[part];
    switch (part) {
      case "dateOfBirth":
        return (
          <DateInput
            key={part}
            id={partId}
            label={label}
            error={partError}
            value={current}
            onChange={(next) => set(part, next)}
          />
        );
      case "sex":
        return (
          <RadioGroup
            key={part}
            id={partId}
            wrapperId={wrapperId(partPath)}
            legend={label}
            error={partError}
            options={SEXES}
            value={current}
            onChange={(next) => set(part, next)}
            hint={
              field.parts.includes("cccd") && derivedSex !== undefined && current === derivedSex
                ? "Theo chữ số thứ 4 của số CCCD"
                : undefined
            }
            inline
          />
        );
      case "ethnicity":
        return (
          <EthnicitySelect key={part} id={partId} label={label} error={partError} value={current} set={set} />
        );
      case "residence":
        return (
          <AddressInput
            key={part}
            path={partPath}
            label={label}
            value={current}
            onChange={(next) => set(part, next)}
            env={env}
          />
        );
      default:
        return (
          <TextInput
            key={part}
            id={partId}
            label={label}
            error={partError}
            value={asText(current)}
            onChange={(next) => (part === "cccd" ? setCccd(next) : set(part, next))}
            inputMode={part === "cccd" ? "numeric" : undefined}
            // A name is never cut as typed: the counter says when it is too long.
            maxLength={part === "cccd" ? 16 : undefined}
            after={
              part === "fullName" ? (
                <LengthNote id={partId} value={asText(current)} max={NAME_MAX_LENGTH} error={partError} />
              ) : undefined
            }
            placeholder={part === "cccd" ? "12 chữ số" : part === "nationality" ? "Việt Nam" : undefined}
            autoComplete={part === "fullName" ? "name" : "off"}
          />
        );
    }
  };

  return (
    <fieldset
      id={wrapperId(path)}
      className={`dvc-field dvc-fieldset dvc-person${error ? " dvc-field--error" : ""}`}
      aria-describedby={describedBy(id, field.help, error)}
    >
      <legend className="dvc-field__label dvc-field__label--block">
        {field.label}
        {env.prefilledBadge(field.id)}
      </legend>
      {field.help ? <FieldHint id={id}>{field.help}</FieldHint> : null}
      <FieldError id={id} message={error} />
      <div className="dvc-person__parts">{field.parts.map(render)}</div>
    </fieldset>
  );
}

function EthnicitySelect({
  id,
  label,
  error,
  value,
  set,
}: {
  id: string;
  label: string;
  error: string | undefined;
  value: unknown;
  set: (part: PersonPart, value: unknown) => void;
}) {
  const current = asText(value);
  // A value typed elsewhere (the profile) that is not on the list still shows.
  const names =
    current && !ETHNICITY_NAMES.includes(current) ? [current, ...ETHNICITY_NAMES] : ETHNICITY_NAMES;
  return (
    <div className={`dvc-field${error ? " dvc-field--error" : ""}`}>
      <label className="dvc-field__label" htmlFor={id}>
        {label}
      </label>
      <FieldError id={id} message={error} />
      <select
        id={id}
        className={`dvc-input dvc-select${error ? " dvc-input--error" : ""}`}
        value={current}
        aria-describedby={error ? `${id}-error` : undefined}
        aria-invalid={error ? true : undefined}
        onChange={(event) => set("ethnicity", event.target.value || undefined)}
      >
        <option value="">— Chọn dân tộc —</option>
        {names.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
    </div>
  );
}

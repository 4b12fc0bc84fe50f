/** Fields with one control: text, numbers, dates, choices, yes/no, the declaration tick. */
import { Checkbox, RadioGroup } from "../../ui/choices";
import { describedBy, FieldError, FieldHint, TextInput } from "../../ui/text-input";
import { DateInput } from "./date-input";
import { asText, inputId, type LeafProps, wrapperId } from "./field-types";
import { LengthNote } from "./length-note";

type TextLike = "text" | "long_text" | "number" | "email" | "cccd";

export function TextLikeField({ field, path, value, onChange, env }: LeafProps<TextLike>) {
  const id = inputId(path);
  const common = {
    id,
    label: field.label,
    hint: field.help,
    error: env.errors.get(path),
    value: asText(value),
    onChange,
    badge: env.prefilledBadge(field.id),
  };
  switch (field.type) {
    case "long_text":
      return (
        <TextInput
          {...common}
          multiline
          after={<LengthNote id={id} value={common.value} max={field.maxLength} error={common.error} />}
        />
      );
    case "number":
      return (
        <TextInput
          {...common}
          inputMode={field.integer ? "numeric" : "decimal"}
          width="short"
          after={field.unit ? <span className="dvc-field__unit">{field.unit}</span> : null}
        />
      );
    case "email":
      return <TextInput {...common} type="email" inputMode="email" autoComplete="email" />;
    case "cccd":
      return <TextInput {...common} inputMode="numeric" maxLength={16} placeholder="12 chữ số" />;
    default:
      return (
        <TextInput
          {...common}
          placeholder={field.placeholder}
          after={<LengthNote id={id} value={common.value} max={field.maxLength} error={common.error} />}
        />
      );
  }
}

export function DateField({ field, path, value, onChange, env }: LeafProps<"date">) {
  return (
    <DateInput
      id={inputId(path)}
      label={field.label}
      hint={field.help}
      error={env.errors.get(path)}
      value={value}
      onChange={onChange}
      badge={env.prefilledBadge(field.id)}
    />
  );
}

export function SelectField({ field, path, value, onChange, env }: LeafProps<"select">) {
  const id = inputId(path);
  const error = env.errors.get(path);
  return (
    <div className={`dvc-field${error ? " dvc-field--error" : ""}`}>
      <label className="dvc-field__label" htmlFor={id}>
        {field.label}
        {env.prefilledBadge(field.id)}
      </label>
      {field.help ? <FieldHint id={id}>{field.help}</FieldHint> : null}
      <FieldError id={id} message={error} />
      <select
        id={id}
        className={`dvc-input dvc-select${error ? " dvc-input--error" : ""}`}
        value={asText(value)}
        aria-describedby={describedBy(id, field.help, error)}
        aria-invalid={error ? true : undefined}
        onChange={(event) => onChange(event.target.value === "" ? undefined : event.target.value)}
      >
        <option value="">— Chọn —</option>
        {field.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function RadioField({ field, path, value, onChange, env }: LeafProps<"radio">) {
  return (
    <RadioGroup
      id={inputId(path)}
      wrapperId={wrapperId(path)}
      legend={field.label}
      hint={field.help}
      error={env.errors.get(path)}
      options={field.options}
      value={value}
      onChange={onChange}
      badge={env.prefilledBadge(field.id)}
    />
  );
}

const YES_NO = [
  { value: true, label: "Có" },
  { value: false, label: "Không" },
] as const;

export function YesNoField({ field, path, value, onChange, env }: LeafProps<"yes_no">) {
  return (
    <RadioGroup
      id={inputId(path)}
      wrapperId={wrapperId(path)}
      legend={field.label}
      hint={field.help}
      error={env.errors.get(path)}
      options={YES_NO}
      value={value}
      onChange={onChange}
      inline
    />
  );
}

export function DeclarationField({ field, path, value, onChange, env }: LeafProps<"declaration">) {
  const id = inputId(path);
  const error = env.errors.get(path);
  return (
    <fieldset
      id={wrapperId(path)}
      className={`dvc-field dvc-fieldset${error ? " dvc-field--error" : ""}`}
      aria-describedby={describedBy(id, field.help, error)}
    >
      <legend className="dvc-field__label">{field.label}</legend>
      {field.help ? <FieldHint id={id}>{field.help}</FieldHint> : null}
      <FieldError id={id} message={error} />
      <p className="dvc-declaration">{field.statement}</p>
      <Checkbox id={id} checked={value === true} onChange={(checked) => onChange(checked)}>
        Tôi đã đọc và cam đoan như trên
      </Checkbox>
    </fieldset>
  );
}

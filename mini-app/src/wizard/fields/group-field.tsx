import type { GroupField as GroupDefinition } from "@dvc/shared/forms/definition";
import { minimumItems, visibleItemFields } from "@dvc/shared/forms/engine/index";
import { Button } from "zmp-ui";
import { PlusIcon, TrashIcon } from "../../ui/icons";
import { describedBy, FieldError, FieldHint } from "../../ui/text-input";
import { asRecord, type FieldProps, inputId, wrapperId } from "./field-types";
import { LeafView } from "./leaf-view";

/** A repeatable group (household members…): one block per item, add and remove. */
export function GroupField({ field, path, value, onChange, env }: FieldProps<GroupDefinition>) {
  const stored = Array.isArray(value) ? value.map(asRecord) : [];
  const least = minimumItems(field);
  // A group that needs an item shows the first one empty, ready to fill, without storing it yet.
  const items = stored.length === 0 && least > 0 ? [{}] : stored;
  const id = inputId(path);
  const error = env.errors.get(path);
  const nestedEnv = { ...env, prefilledBadge: () => null };
  const itemName = field.itemLabel.charAt(0).toLocaleLowerCase("vi") + field.itemLabel.slice(1);

  const setItem = (index: number, item: Record<string, unknown>) =>
    onChange(items.map((existing, i) => (i === index ? item : existing)));

  return (
    <fieldset
      id={wrapperId(path)}
      className={`dvc-field dvc-fieldset dvc-group${error ? " dvc-field--error" : ""}`}
      aria-describedby={describedBy(id, field.help, error)}
    >
      <legend className="dvc-field__label dvc-field__label--block">{field.label}</legend>
      {field.help ? <FieldHint id={id}>{field.help}</FieldHint> : null}
      <FieldError id={id} message={error} />
      {items.map((item, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: items have no id; their place is their identity.
        <section key={index} className="dvc-group__item" aria-label={`${field.itemLabel} ${index + 1}`}>
          <div className="dvc-group__head">
            <h3 className="dvc-group__title">
              {field.itemLabel} {index + 1}
            </h3>
            {items.length > least ? (
              <button
                type="button"
                className="dvc-link-button dvc-link-button--danger"
                onClick={() => onChange(items.filter((_, i) => i !== index))}
              >
                <TrashIcon size={18} />
                Xoá
              </button>
            ) : null}
          </div>
          {visibleItemFields(field, item).map((nested) => (
            <LeafView
              key={nested.id}
              field={nested}
              path={`${path}.${index}.${nested.id}`}
              value={item[nested.id]}
              onChange={(next) => setItem(index, { ...item, [nested.id]: next })}
              env={nestedEnv}
            />
          ))}
        </section>
      ))}
      {items.length < field.maxItems ? (
        <Button
          id={items.length === 0 ? id : undefined}
          variant="secondary"
          size="large"
          fullWidth
          prefixIcon={<PlusIcon size={20} />}
          onClick={() => onChange([...items, {}])}
        >
          Thêm {itemName}
        </Button>
      ) : null}
    </fieldset>
  );
}

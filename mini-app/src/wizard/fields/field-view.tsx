import type { Field } from "@dvc/shared/forms/definition";
import type { FieldProps } from "./field-types";
import { GroupField } from "./group-field";
import { LeafView } from "./leaf-view";

/** One field of a step, whatever its type. */
export function FieldView(props: FieldProps<Field>) {
  const { field } = props;
  if (field.type === "group") return <GroupField {...props} field={field} />;
  return <LeafView {...props} field={field} />;
}

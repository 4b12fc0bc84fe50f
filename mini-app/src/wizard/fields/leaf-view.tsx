import type { LeafField } from "@dvc/shared/forms/definition";
import { AddressInput } from "./address-field";
import { AttachmentField } from "./attachment-field";
import type { FieldProps } from "./field-types";
import { PersonField } from "./person-field";
import { PhoneField } from "./phone-field";
import {
  DateField,
  DeclarationField,
  RadioField,
  SelectField,
  TextLikeField,
  YesNoField,
} from "./simple-fields";

/** Renders one leaf field of a definition by its type. */
export function LeafView(props: FieldProps<LeafField>) {
  const { field } = props;
  switch (field.type) {
    case "text":
    case "long_text":
    case "number":
    case "email":
    case "cccd":
      return <TextLikeField {...props} field={field} />;
    case "date":
      return <DateField {...props} field={field} />;
    case "select":
      return <SelectField {...props} field={field} />;
    case "radio":
      return <RadioField {...props} field={field} />;
    case "yes_no":
      return <YesNoField {...props} field={field} />;
    case "declaration":
      return <DeclarationField {...props} field={field} />;
    case "phone":
      return <PhoneField {...props} field={field} />;
    case "person":
      return <PersonField {...props} field={field} />;
    case "attachment":
      return <AttachmentField {...props} field={field} />;
    case "address":
      return (
        <AddressInput
          path={props.path}
          label={field.label}
          help={field.help}
          value={props.value}
          onChange={props.onChange}
          env={props.env}
          detailRequired={field.detailRequired}
          detailLabel={field.detailLabel}
          badge={props.env.prefilledBadge(field.id)}
        />
      );
  }
}

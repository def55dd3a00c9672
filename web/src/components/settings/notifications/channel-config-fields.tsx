// The inputs of one channel kind's config, for adding a channel and for editing one (secrets then show "…abcd").
import { useId } from "react";
import type { NotificationChannel } from "../../../api/api-types";
import { TextField } from "../../text-field";
import { type ChannelKind, type ConfigField, type FieldValues, isSecret } from "./channel-kinds";

type ChannelConfigFieldsProps = {
  kind: ChannelKind;
  values: FieldValues;
  onChange: (name: string, value: string) => void;
  errors: Record<string, string>;
  /** Set when editing: its secrets become placeholders and may be left empty. */
  channel?: NotificationChannel;
};

export function ChannelConfigFields({ kind, values, onChange, errors, channel }: ChannelConfigFieldsProps) {
  return (
    <>
      {kind.fields.map((field) =>
        field.type === "select" ? (
          <SelectField
            key={field.name}
            field={field}
            value={values[field.name] ?? ""}
            error={errors[field.name]}
            onChange={(value) => onChange(field.name, value)}
          />
        ) : (
          <TextField
            key={field.name}
            label={field.label}
            name={field.name}
            type={isSecret(field, channel) ? "password" : field.type === "url" ? "url" : "text"}
            inputMode={field.type === "url" ? "url" : undefined}
            autoComplete={isSecret(field, channel) ? "new-password" : "off"}
            spellCheck={false}
            required={field.required && !(channel && isSecret(field, channel))}
            maxLength={2000}
            placeholder={channel && isSecret(field, channel) ? channel.secrets[field.name] : field.placeholder}
            hint={channel && isSecret(field, channel) && channel.secrets[field.name] ? "Leave empty to keep the current one." : field.hint}
            error={errors[field.name]}
            value={values[field.name] ?? ""}
            onChange={(event) => onChange(field.name, event.target.value)}
          />
        ),
      )}
    </>
  );
}

function SelectField({ field, value, error, onChange }: { field: ConfigField; value: string; error?: string; onChange: (value: string) => void }) {
  const id = useId();
  return (
    <label htmlFor={id}>
      {field.label}
      <select
        id={id}
        name={field.name}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => onChange(event.target.value)}
      >
        {field.choices?.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
      {error ? (
        <small id={`${id}-error`} className="field-error">
          {error}
        </small>
      ) : null}
    </label>
  );
}

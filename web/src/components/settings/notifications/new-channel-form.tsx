// Adding a channel: pick a service, fill in its fields, choose the events.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import type { CreatedNotificationChannel, NotificationEventKind } from "../../../api/api-types";
import { createNotificationChannel } from "../../../api/notifications.api";
import { queryKeys } from "../../../api/query-keys";
import { fieldErrors } from "../../field-errors";
import { FormAlert } from "../../form-alert";
import { TextField } from "../../text-field";
import { ChannelConfigFields } from "./channel-config-fields";
import { CHANNEL_KINDS, type ChannelKind, configToSend, initialValues } from "./channel-kinds";
import { DEFAULT_EVENTS } from "./event-labels";
import { EventRoutingFields } from "./event-routing-fields";
import { nestedFieldErrors, wholeObjectError } from "./nested-field-errors";

type NewChannelFormProps = { offeredKinds: string[]; onCreated: (created: CreatedNotificationChannel) => void };

export function NewChannelForm({ offeredKinds, onCreated }: NewChannelFormProps) {
  const kinds = CHANNEL_KINDS.filter((entry) => offeredKinds.includes(entry.kind));
  const first = kinds[0];
  if (!first) return null;
  return <NewChannelFormFor kinds={kinds} first={first} onCreated={onCreated} />;
}

function NewChannelFormFor({ kinds, first, onCreated }: { kinds: ChannelKind[]; first: ChannelKind; onCreated: NewChannelFormProps["onCreated"] }) {
  const queryClient = useQueryClient();
  const hintId = useId();
  const [kind, setKind] = useState(first);
  const [name, setName] = useState("");
  const [values, setValues] = useState(() => initialValues(first));
  const [events, setEvents] = useState<NotificationEventKind[]>(DEFAULT_EVENTS);
  const mutation = useMutation({
    mutationFn: createNotificationChannel,
    onSuccess: async (created) => {
      setName("");
      setValues(initialValues(kind));
      setEvents(DEFAULT_EVENTS);
      onCreated(created);
      await queryClient.invalidateQueries({ queryKey: queryKeys.notifications.channels });
    },
  });
  const errors = fieldErrors(mutation.error);
  const configErrors = nestedFieldErrors(mutation.error, "config");
  const configProblem = wholeObjectError(mutation.error, "config");

  const chooseKind = (next: string) => {
    const entry = kinds.find((candidate) => candidate.kind === next);
    if (!entry) return;
    setKind(entry);
    setValues(initialValues(entry));
    mutation.reset();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate({ kind: kind.kind, name: name.trim(), events, config: configToSend(kind, values) });
  };

  return (
    <form onSubmit={submit} aria-labelledby="new-channel-heading">
      <h3 id="new-channel-heading">Add a channel</h3>
      <label htmlFor={`${hintId}-kind`}>Service</label>
      <select id={`${hintId}-kind`} name="kind" value={kind.kind} aria-describedby={hintId} onChange={(event) => chooseKind(event.target.value)}>
        {kinds.map((entry) => (
          <option key={entry.kind} value={entry.kind}>
            {entry.label}
          </option>
        ))}
      </select>
      <small id={hintId}>{kind.hint}</small>
      <TextField
        label="Name"
        name="name"
        required
        maxLength={80}
        placeholder={`My ${kind.label}`}
        error={errors.name}
        value={name}
        onChange={(event) => setName(event.target.value)}
      />
      <ChannelConfigFields
        kind={kind}
        values={values}
        errors={configErrors}
        onChange={(field, value) => setValues((current) => ({ ...current, [field]: value }))}
      />
      {configProblem ? (
        <p className="field-error" role="alert">
          {configProblem}
        </p>
      ) : null}
      <EventRoutingFields selected={events} onChange={setEvents} error={errors.events} />
      <FormAlert error={Object.keys(errors).length || Object.keys(configErrors).length ? null : mutation.error} />
      <div className="button-row">
        <button type="submit" aria-busy={mutation.isPending || undefined} disabled={mutation.isPending}>
          Add channel
        </button>
        <span role="status">{mutation.data ? `Added “${mutation.data.channel.name}”. Send a test to check it.` : ""}</span>
      </div>
    </form>
  );
}

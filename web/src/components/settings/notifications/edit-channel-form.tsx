// Editing a channel: its name, its events and its config. Only what changed is sent; an empty secret keeps its value.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import type { NotificationChannel, NotificationChannelChange, NotificationEventKind } from "../../../api/api-types";
import { updateNotificationChannel } from "../../../api/notifications.api";
import { queryKeys } from "../../../api/query-keys";
import { fieldErrors } from "../../field-errors";
import { FormAlert } from "../../form-alert";
import { TextField } from "../../text-field";
import { ChannelConfigFields } from "./channel-config-fields";
import { channelKind, configToSend, initialValues } from "./channel-kinds";
import { EventRoutingFields } from "./event-routing-fields";
import { nestedFieldErrors, wholeObjectError } from "./nested-field-errors";
import { replaceChannel } from "./replace-channel";

const sameEvents = (a: NotificationEventKind[], b: NotificationEventKind[]) => a.length === b.length && a.every((event) => b.includes(event));

type EditChannelFormProps = { channel: NotificationChannel; id: string; onDone: (saved: boolean) => void };

export function EditChannelForm({ channel, id, onDone }: EditChannelFormProps) {
  const queryClient = useQueryClient();
  const kind = channelKind(channel.kind);
  const [loaded] = useState(() => ({ channel, values: kind ? initialValues(kind, channel) : {} }));
  const [name, setName] = useState(channel.name);
  const [events, setEvents] = useState(channel.events);
  const [values, setValues] = useState(loaded.values);
  const mutation = useMutation({
    mutationFn: (change: NotificationChannelChange) => updateNotificationChannel(channel.id, change),
    onSuccess: async (saved) => {
      replaceChannel(queryClient, saved);
      onDone(true);
      await queryClient.invalidateQueries({ queryKey: queryKeys.notifications.channels });
    },
  });
  const errors = fieldErrors(mutation.error);
  const configErrors = nestedFieldErrors(mutation.error, "config");
  const configProblem = wholeObjectError(mutation.error, "config");

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const change: NotificationChannelChange = {};
    if (name.trim() !== channel.name) change.name = name.trim();
    if (!sameEvents(events, channel.events)) change.events = events;
    const config = kind ? configToSend(kind, values, loaded) : {};
    if (Object.keys(config).length) change.config = config;
    if (Object.keys(change).length === 0) onDone(false);
    else mutation.mutate(change);
  };

  return (
    <form id={id} onSubmit={submit} aria-label={`Edit ${channel.name}`} className="channel-edit">
      <TextField label="Name" name="name" required maxLength={80} error={errors.name} value={name} onChange={(event) => setName(event.target.value)} />
      {kind ? (
        <ChannelConfigFields
          kind={kind}
          channel={channel}
          values={values}
          errors={configErrors}
          onChange={(field, value) => setValues((current) => ({ ...current, [field]: value }))}
        />
      ) : null}
      {configProblem ? (
        <p className="field-error" role="alert">
          {configProblem}
        </p>
      ) : null}
      <EventRoutingFields selected={events} onChange={setEvents} error={errors.events} />
      <FormAlert error={Object.keys(errors).length || Object.keys(configErrors).length ? null : mutation.error} />
      <div className="button-row">
        <button type="submit" aria-busy={mutation.isPending || undefined} disabled={mutation.isPending}>
          Save changes
        </button>
        <button type="button" className="secondary outline" onClick={() => onDone(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

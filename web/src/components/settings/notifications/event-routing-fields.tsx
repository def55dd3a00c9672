// Which events a channel receives: one checkbox per event.
import type { NotificationEventKind } from "../../../api/api-types";
import { ALL_EVENTS, EVENT_LABELS } from "./event-labels";

type EventRoutingFieldsProps = {
  selected: NotificationEventKind[];
  onChange: (events: NotificationEventKind[]) => void;
  error?: string;
};

export function EventRoutingFields({ selected, onChange, error }: EventRoutingFieldsProps) {
  const toggle = (event: NotificationEventKind, on: boolean) =>
    onChange(on ? ALL_EVENTS.filter((kind) => kind === event || selected.includes(kind)) : selected.filter((kind) => kind !== event));
  return (
    <fieldset>
      <legend>Send me</legend>
      {ALL_EVENTS.map((event) => (
        <label key={event}>
          <input type="checkbox" name="events" value={event} checked={selected.includes(event)} onChange={(change) => toggle(event, change.target.checked)} />
          {EVENT_LABELS[event]}
        </label>
      ))}
      {error ? <small className="field-error">{error}</small> : null}
    </fieldset>
  );
}

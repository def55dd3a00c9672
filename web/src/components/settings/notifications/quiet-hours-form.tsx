// Quiet hours: what is held back overnight arrives as one digest when they end.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useMemo, useState } from "react";
import type { NotificationSettings, QuietHours } from "../../../api/api-types";
import { notificationSettingsQuery, saveNotificationSettings } from "../../../api/notifications.api";
import { queryKeys } from "../../../api/query-keys";
import { FormAlert } from "../../form-alert";
import { QueryView } from "../../query-view";
import { SkeletonList } from "../../skeleton";
import { TextField } from "../../text-field";
import { nestedFieldErrors } from "./nested-field-errors";

function deviceTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

function knownTimeZones(): string[] {
  const withList = Intl as typeof Intl & { supportedValuesOf?: (key: "timeZone") => string[] };
  return withList.supportedValuesOf?.("timeZone") ?? [];
}

function QuietHoursEditor({ initial, canChange }: { initial: NotificationSettings; canChange: boolean }) {
  const queryClient = useQueryClient();
  const zonesId = useId();
  const zones = useMemo(knownTimeZones, []);
  const [quietHours, setQuietHours] = useState(initial.quietHours);
  const mutation = useMutation({
    mutationFn: saveNotificationSettings,
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKeys.notifications.settings, saved);
      setQuietHours(saved.quietHours);
    },
  });
  const errors = nestedFieldErrors(mutation.error, "quietHours");
  const update = <K extends keyof QuietHours>(key: K, value: QuietHours[K]) => setQuietHours((current) => ({ ...current, [key]: value }));
  const here = deviceTimeZone();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate({ quietHours: { ...quietHours, timeZone: quietHours.timeZone.trim() } });
  };

  return (
    <form onSubmit={submit} aria-labelledby="quiet-hours-heading">
      <fieldset disabled={!canChange}>
        <label>
          <input type="checkbox" checked={quietHours.enabled} onChange={(event) => update("enabled", event.target.checked)} />
          Hold notifications back during quiet hours
        </label>
        <div className="grid">
          <TextField
            label="From"
            type="time"
            name="start"
            required
            error={errors.start}
            value={quietHours.start}
            onChange={(event) => update("start", event.target.value)}
          />
          <TextField
            label="Until"
            type="time"
            name="end"
            required
            error={errors.end}
            value={quietHours.end}
            onChange={(event) => update("end", event.target.value)}
          />
        </div>
        <TextField
          label="Time zone"
          name="timeZone"
          required
          maxLength={64}
          list={zones.length ? zonesId : undefined}
          autoComplete="off"
          spellCheck={false}
          hint={`An IANA time zone; this device is in ${here}.`}
          error={errors.timeZone}
          value={quietHours.timeZone}
          onChange={(event) => update("timeZone", event.target.value)}
        />
        {zones.length ? (
          <datalist id={zonesId}>
            {zones.map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
        ) : null}
        {quietHours.timeZone !== here ? (
          <button type="button" className="secondary outline compact" onClick={() => update("timeZone", here)}>
            Use this device's time zone ({here})
          </button>
        ) : null}
        <label>
          <input type="checkbox" checked={quietHours.letCriticalThrough} onChange={(event) => update("letCriticalThrough", event.target.checked)} />
          Let critical events through (an app down, gave up after every attempt)
        </label>
      </fieldset>
      <FormAlert error={Object.keys(errors).length ? null : mutation.error} />
      {canChange ? (
        <div className="button-row">
          <button type="submit" aria-busy={mutation.isPending || undefined} disabled={mutation.isPending}>
            Save quiet hours
          </button>
          <span role="status">{mutation.isSuccess ? "Saved" : ""}</span>
        </div>
      ) : (
        <p>Only the household's owner can change quiet hours.</p>
      )}
    </form>
  );
}

export function QuietHoursSection({ canChange }: { canChange: boolean }) {
  const query = useQuery(notificationSettingsQuery());
  return (
    <section aria-labelledby="quiet-hours-heading">
      <h3 id="quiet-hours-heading">Quiet hours</h3>
      <p>What arrives during quiet hours is held back and sent as one digest when they end.</p>
      <QueryView query={query} loading={<SkeletonList rows={3} rowHeight={48} label="Loading quiet hours" />}>
        {(settings) => <QuietHoursEditor initial={settings} canChange={canChange} />}
      </QueryView>
    </section>
  );
}

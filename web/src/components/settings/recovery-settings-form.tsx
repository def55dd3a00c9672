import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import type { RecoveryMode, RecoverySettings } from "../../api/api-types";
import { queryKeys } from "../../api/query-keys";
import { recoverySettingsQuery, saveRecoverySettings } from "../../api/settings.api";
import { fieldErrors } from "../field-errors";
import { FormAlert } from "../form-alert";
import { QueryView } from "../query-view";
import { SkeletonList } from "../skeleton";
import { TextField } from "../text-field";

const MODES: { value: RecoveryMode; label: string }[] = [
  { value: "auto", label: "Fix automatically" },
  { value: "approval", label: "Ask me first" },
  { value: "dry-run", label: "Only report what it would do" },
];

function RecoveryForm({ initial }: { initial: RecoverySettings }) {
  const queryClient = useQueryClient();
  const [settings, setSettings] = useState(initial);
  const mutation = useMutation({
    mutationFn: saveRecoverySettings,
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKeys.settings.recovery, saved);
      setSettings(saved);
    },
  });
  const errors = fieldErrors(mutation.error);
  const update = <K extends keyof RecoverySettings>(key: K, value: RecoverySettings[K]) => setSettings((current) => ({ ...current, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate({ ...settings, webhookUrl: settings.webhookUrl?.trim() || null });
  };

  return (
    <form onSubmit={submit}>
      <label>
        <input type="checkbox" role="switch" checked={settings.enabled} onChange={(event) => update("enabled", event.target.checked)} />
        Recover failed downloads
      </label>
      <fieldset>
        <legend>When a download fails</legend>
        {MODES.map((mode) => (
          <label key={mode.value}>
            <input type="radio" name="mode" value={mode.value} checked={settings.mode === mode.value} onChange={() => update("mode", mode.value)} />
            {mode.label}
          </label>
        ))}
      </fieldset>
      <TextField
        label="Attempts before giving up"
        type="number"
        name="maxAttempts"
        min={1}
        max={10}
        required
        error={errors.maxAttempts}
        value={settings.maxAttempts}
        onChange={(event) => update("maxAttempts", Number(event.target.value))}
      />
      <TextField
        label="Checks without progress before a download counts as stalled"
        type="number"
        name="stallChecks"
        min={2}
        max={30}
        required
        error={errors.stallChecks}
        value={settings.stallChecks}
        onChange={(event) => update("stallChecks", Number(event.target.value))}
      />
      <label>
        <input type="checkbox" checked={settings.allowLowerQuality} onChange={(event) => update("allowLowerQuality", event.target.checked)} />
        When that many releases of an episode or movie failed at one quality, move it to a lower quality profile and search again
      </label>
      <TextField
        label="Webhook URL"
        type="url"
        name="webhookUrl"
        inputMode="url"
        placeholder="https://example.com/hooks/autoarr"
        hint="Optional, a public https address. AutoArr posts each detection and recovery here."
        error={errors.webhookUrl}
        value={settings.webhookUrl ?? ""}
        onChange={(event) => update("webhookUrl", event.target.value)}
      />
      <label>
        Webhook format
        <select
          name="webhookFormat"
          value={settings.webhookFormat}
          onChange={(event) => update("webhookFormat", event.target.value as RecoverySettings["webhookFormat"])}
        >
          <option value="json">JSON</option>
          <option value="discord">Discord</option>
        </select>
      </label>
      <FormAlert error={Object.keys(errors).length ? null : mutation.error} />
      <div className="button-row">
        <button type="submit" aria-busy={mutation.isPending || undefined} disabled={mutation.isPending}>
          Save recovery settings
        </button>
        <span role="status">{mutation.isSuccess ? "Saved" : ""}</span>
      </div>
    </form>
  );
}

export function RecoverySettingsSection() {
  const query = useQuery(recoverySettingsQuery());
  return (
    <section aria-labelledby="recovery-heading">
      <h2 id="recovery-heading">Recovery</h2>
      <QueryView query={query} loading={<SkeletonList rows={4} rowHeight={48} label="Loading recovery settings" />}>
        {(settings) => <RecoveryForm initial={settings} />}
      </QueryView>
    </section>
  );
}

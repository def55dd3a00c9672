import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import {
  type HuntApp,
  type HuntingAppState,
  type HuntingOverview,
  type HuntingSettings,
  type HuntingSettingsPatch,
  type HuntRun,
  huntingQuery,
  saveHuntingSettings,
  setHuntingPaused,
} from "../../api/hunting.api";
import { queryKeys } from "../../api/query-keys";
import { serviceLabel } from "../../api/service-labels";
import { fieldErrors } from "../field-errors";
import { FormAlert } from "../form-alert";
import { QueryView } from "../query-view";
import { RelativeTime } from "../relative-time";
import { SkeletonList } from "../skeleton";
import { TextField } from "../text-field";

const APPS: HuntApp[] = ["sonarr", "radarr"];
const LISTS: { value: HuntingSettings["lists"][number]; label: string }[] = [
  { value: "missing", label: "Missing" },
  { value: "cutoff", label: "Below the quality cutoff" },
];
const STATUS_LABELS: Record<HuntRun["status"], string> = {
  searched: "searched",
  "dry-run": "dry run",
  nothing: "nothing due",
  held: "held back",
  failed: "failed",
};

/** Puts one app's new state into the cached overview, so both forms and the runs stay as they are. */
function useAppStateUpdate() {
  const queryClient = useQueryClient();
  return (app: HuntApp, state: HuntingAppState) =>
    queryClient.setQueryData<HuntingOverview>(queryKeys.hunting, (current) => (current ? { ...current, apps: { ...current.apps, [app]: state } } : current));
}

function nextHunt(state: HuntingAppState): string {
  if (!state.settings.enabled) return "Off";
  if (state.settings.paused) return "Paused";
  return state.nextRunAt ? "Next hunt" : "Waiting for its first hunt";
}

function AppHuntingForm({ app, state }: { app: HuntApp; state: HuntingAppState }) {
  const updateCache = useAppStateUpdate();
  const [settings, setSettings] = useState(state.settings);
  const save = useMutation({
    mutationFn: (next: HuntingSettingsPatch) => saveHuntingSettings(app, next),
    onSuccess: (saved) => {
      updateCache(app, saved);
      setSettings(saved.settings);
    },
  });
  const pause = useMutation({
    mutationFn: (paused: boolean) => setHuntingPaused(app, paused),
    onSuccess: (saved) => {
      updateCache(app, saved);
      setSettings((current) => ({ ...current, paused: saved.settings.paused }));
    },
  });
  const errors = fieldErrors(save.error);
  const update = <K extends keyof HuntingSettings>(key: K, value: HuntingSettings[K]) => setSettings((current) => ({ ...current, [key]: value }));
  const toggleList = (list: HuntingSettings["lists"][number], on: boolean) =>
    update(
      "lists",
      LISTS.map((l) => l.value).filter((l) => (l === list ? on : settings.lists.includes(l))),
    );
  const name = serviceLabel(app);
  const headingId = `hunting-${app}-heading`;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // The pause switch saves on its own: the form leaves it as it is.
    const { paused: _paused, ...changes } = settings;
    save.mutate(changes);
  };

  return (
    <form onSubmit={submit} aria-labelledby={headingId}>
      <h3 id={headingId}>{name}</h3>
      <p>
        <small>
          {nextHunt(state)}
          {state.settings.enabled && !state.settings.paused && state.nextRunAt ? (
            <>
              {" "}
              <RelativeTime iso={state.nextRunAt} />
            </>
          ) : null}
          {` · ${state.searchedLastHour} searched in the last hour`}
        </small>
      </p>
      <label>
        <input
          type="checkbox"
          role="switch"
          aria-checked={settings.enabled}
          checked={settings.enabled}
          onChange={(event) => update("enabled", event.target.checked)}
        />
        Hunt in {name}
      </label>
      <TextField
        label="Searches per hour at most"
        type="number"
        name="perHour"
        min={1}
        max={50}
        required
        hint="Never more than your indexers' own limits in Prowlarr allow."
        error={errors.perHour}
        value={settings.perHour}
        onChange={(event) => update("perHour", Number(event.target.value))}
      />
      <fieldset>
        <legend>What to look for</legend>
        {LISTS.map((list) => (
          <label key={list.value}>
            <input type="checkbox" checked={settings.lists.includes(list.value)} onChange={(event) => toggleList(list.value, event.target.checked)} />
            {list.label}
          </label>
        ))}
        {errors.lists ? <small className="field-error">{errors.lists}</small> : null}
      </fieldset>
      <TextField
        label="Skip items searched within (hours)"
        type="number"
        name="skipSearchedWithinHours"
        min={1}
        max={720}
        required
        error={errors.skipSearchedWithinHours}
        value={settings.skipSearchedWithinHours}
        onChange={(event) => update("skipSearchedWithinHours", Number(event.target.value))}
      />
      <label>
        <input type="checkbox" checked={settings.dryRun} onChange={(event) => update("dryRun", event.target.checked)} />
        Dry run: only record what it would search
      </label>
      <FormAlert error={Object.keys(errors).length ? null : (save.error ?? pause.error)} />
      <div className="button-row">
        <button type="submit" aria-busy={save.isPending || undefined} disabled={save.isPending}>
          Save {name} hunting
        </button>
        <button
          type="button"
          className="secondary"
          aria-pressed={state.settings.paused}
          aria-busy={pause.isPending || undefined}
          disabled={pause.isPending || !state.settings.enabled}
          onClick={() => pause.mutate(!state.settings.paused)}
        >
          {state.settings.paused ? `Resume ${name}` : `Pause ${name}`}
        </button>
        <span role="status">{save.isSuccess ? "Saved" : ""}</span>
      </div>
    </form>
  );
}

function RecentHunts({ runs }: { runs: HuntRun[] }) {
  if (runs.length === 0) return <p>No hunts yet.</p>;
  return (
    <ul aria-label="Recent hunts">
      {runs.map((run) => (
        <li key={run.id} data-status={run.status}>
          <span className="tag">{STATUS_LABELS[run.status]}</span> {run.message} <RelativeTime iso={run.at} />
        </li>
      ))}
    </ul>
  );
}

export function HuntingSection() {
  const query = useQuery(huntingQuery());
  return (
    <section aria-labelledby="hunting-heading">
      <h2 id="hunting-heading">Hunting</h2>
      <p>
        Every hour AutoArr asks Sonarr and Radarr to search a few missing or below-cutoff items, oldest-searched first, so your indexers are never hammered.
      </p>
      <QueryView query={query} loading={<SkeletonList rows={4} rowHeight={48} label="Loading hunting settings" />}>
        {(overview) => (
          <>
            {APPS.map((app) => (
              <AppHuntingForm key={app} app={app} state={overview.apps[app]} />
            ))}
            <h3>Recent hunts</h3>
            <RecentHunts runs={overview.recentRuns} />
          </>
        )}
      </QueryView>
    </section>
  );
}

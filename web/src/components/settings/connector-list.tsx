import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { Connector } from "../../api/api-types";
import { connectorsQuery, deleteConnector } from "../../api/connectors.api";
import { queryKeys } from "../../api/query-keys";
import { ConfirmDialog } from "../confirm-dialog";
import { EmptyState } from "../empty-state";
import { FormAlert } from "../form-alert";
import { QueryView } from "../query-view";
import { RelativeTime } from "../relative-time";
import { SkeletonList } from "../skeleton";

function reachability(connector: Connector): { label: string; tone: string } {
  if (connector.lastSeenAt === null) return { label: "Waiting for pairing", tone: "idle" };
  if (connector.reachable === false) return { label: "Unreachable", tone: "bad" };
  if (connector.reachable === true) return { label: "Connected", tone: "good" };
  return { label: "Paired", tone: "idle" };
}

function ConnectorRow({ connector, onRemove }: { connector: Connector; onRemove: () => void }) {
  const status = reachability(connector);
  return (
    <li className="connector-row">
      <span className="connector-row__name">{connector.name}</span>
      <span className={`pill pill--${status.tone}`}>{status.label}</span>
      <span className="connector-row__detail">
        {connector.url} · last seen {connector.lastSeenAt ? <RelativeTime iso={connector.lastSeenAt} /> : "never"}
        {connector.lastError ? ` · ${connector.lastError}` : ""}
      </span>
      <button type="button" className="secondary outline compact" onClick={onRemove} aria-label={`Remove ${connector.name}`}>
        Remove
      </button>
    </li>
  );
}

export function ConnectorList() {
  const queryClient = useQueryClient();
  const query = useQuery(connectorsQuery());
  const [removing, setRemoving] = useState<Connector | null>(null);
  const removal = useMutation({
    mutationFn: (connector: Connector) => deleteConnector(connector.id),
    onSuccess: async () => {
      setRemoving(null);
      await queryClient.invalidateQueries({ queryKey: queryKeys.connectors });
    },
  });

  return (
    <>
      <QueryView
        query={query}
        loading={<SkeletonList rows={1} rowHeight={64} label="Loading connectors" />}
        isEmpty={(data) => data.connectors.length === 0}
        empty={<EmptyState title="No connectors yet">Create one to link AutoArr to your apps.</EmptyState>}
      >
        {(data) => (
          <ul className="plain-list">
            {data.connectors.map((connector) => (
              <ConnectorRow key={connector.id} connector={connector} onRemove={() => setRemoving(connector)} />
            ))}
          </ul>
        )}
      </QueryView>
      <ConfirmDialog
        open={removing !== null}
        title="Remove connector?"
        confirmLabel="Remove"
        busy={removal.isPending}
        onCancel={() => {
          setRemoving(null);
          removal.reset();
        }}
        onConfirm={() => removing && removal.mutate(removing)}
      >
        <p>AutoArr will stop reaching your apps through “{removing?.name}”. You can pair a new one any time.</p>
        <FormAlert error={removal.error} />
      </ConfirmDialog>
    </>
  );
}

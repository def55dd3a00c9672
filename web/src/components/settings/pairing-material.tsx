// The pairing code, shown exactly once right after a connector is created.
import type { CreatedConnector } from "../../api/api-types";
import { CopyButton } from "../copy-button";

export function PairingMaterial({ created, onDone }: { created: CreatedConnector; onDone: () => void }) {
  const command = `autoarr-connector pair ${created.pairingCode}`;
  return (
    <article className="pairing" aria-labelledby="pairing-heading">
      <h3 id="pairing-heading">Pair “{created.connector.name}”</h3>
      <p>
        Run this on the machine next to your apps. <strong>This code is shown only once</strong> — copy it now.
      </p>
      <pre className="pairing__code" tabIndex={0} aria-label="Pairing command">
        <code>{command}</code>
      </pre>
      <div className="button-row">
        <CopyButton text={command} label="Copy command" />
        <button type="button" className="outline" onClick={onDone}>
          I've copied it
        </button>
      </div>
    </article>
  );
}

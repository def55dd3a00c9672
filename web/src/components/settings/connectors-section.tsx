import { useState } from "react";
import type { CreatedConnector } from "../../api/api-types";
import { ConnectorList } from "./connector-list";
import { NewConnectorForm } from "./new-connector-form";
import { PairingMaterial } from "./pairing-material";

export function ConnectorsSection() {
  const [justCreated, setJustCreated] = useState<CreatedConnector | null>(null);
  return (
    <section aria-labelledby="connectors-heading">
      <h2 id="connectors-heading">Connectors</h2>
      <ConnectorList />
      {justCreated ? <PairingMaterial created={justCreated} onDone={() => setJustCreated(null)} /> : <NewConnectorForm onCreated={setJustCreated} />}
    </section>
  );
}

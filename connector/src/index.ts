// Public programmatic API of the connector package.
export { startConnector, type RunningConnector } from "./server.js";
export { loadConfig, type ConnectorConfig, type AppsConfig } from "./config.js";
export { createPairingCode, parsePairingCode, type PairingMaterial } from "./pairing.js";
export { toolCatalog, TOOL_NAMES } from "./tools/catalog.js";
export { STATUS_TOOLS } from "./mcp.js";
export { startSimulators, DEMO_PORTS, DEMO_KEYS, type RunningSimulators } from "./simulators/index.js";

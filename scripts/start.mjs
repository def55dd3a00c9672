// `npm start`: AutoArr on this machine with embedded defaults and demo data.
import { startStack } from "./lib/stack.mjs";

const stack = await startStack();

console.log(`
  AutoArr is running at ${stack.url}

  Demo account:  ${stack.demo.email}  /  ${stack.demo.password}
  ${stack.connectorUrl ? `Demo connector: ${stack.connectorUrl} (paired; simulated SABnzbd, Sonarr, Radarr and Plex behind it)` : "Demo connector: not available in this build"}

  Health:        ${stack.url}/health
  API:           ${stack.url}/api/v1   (OpenAPI: ${stack.url}/api/v1/openapi.json)
  Run the cron:  curl "${stack.url}/__scheduled?cron=*/2+*+*+*+*"

  Press Ctrl+C to stop.
`);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    await stack.stop();
    process.exit(0);
  });
}

// `npm start`: AutoArr on this machine with embedded defaults and demo data; with SABNZBD_URL/SABNZBD_API_KEY (and
// likewise SONARR_, RADARR_, PROWLARR_, PLEX_URL/PLEX_TOKEN) set, the connector is paired with those real apps instead.
import { startStack } from "./lib/stack.mjs";

const REAL_APPS = { sabnzbd: "API_KEY", sonarr: "API_KEY", radarr: "API_KEY", plex: "TOKEN", prowlarr: "API_KEY" };
const realApps = Object.fromEntries(
  Object.entries(REAL_APPS)
    .map(([app, secret]) => [app, process.env[`${app.toUpperCase()}_URL`], process.env[`${app.toUpperCase()}_${secret}`]])
    .filter(([, url]) => url)
    .map(([app, url, key]) => [app, { url, [app === "plex" ? "token" : "apiKey"]: key ?? "" }]),
);
const paired = Object.keys(realApps);

const stack = await startStack({ fireCron: true, ...(paired.length > 0 ? { connector: { apps: realApps } } : {}) });

console.log(`
  AutoArr is running at ${stack.url}

  Demo account:  ${stack.demo.email}  /  ${stack.demo.password}
  ${!stack.connectorUrl ? "Demo connector: not available in this build" : paired.length > 0 ? `Connector:     ${stack.connectorUrl} (paired with your ${paired.join(", ")})` : `Demo connector: ${stack.connectorUrl} (paired; simulated SABnzbd, Sonarr, Radarr, Plex and Prowlarr behind it)`}

  Health:        ${stack.url}/health
  API:           ${stack.url}/api/v1   (OpenAPI: ${stack.url}/api/v1/openapi.json)
  Check now:     curl -X POST -H "Authorization: Bearer <access token>" ${stack.url}/api/v1/recovery/check
                 (each tenant's hub also checks on its own every two minutes)

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

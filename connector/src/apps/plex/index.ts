// Plex in the connector: configured with an X-Plex-Token, reached through PlexApi.
import type { AppModule } from "../app-module.js";
import { createPlexApi, type PlexApi } from "./plex.api.js";
import { plexTools } from "./plex.tools.js";

export const plex: AppModule<"plex", PlexApi, "token"> = {
  id: "plex",
  secret: {
    field: "token",
    env: "PLEX_TOKEN",
    label: "token",
    copyFrom: "Plex Web → any item → Get Info → View XML, the X-Plex-Token in the address (support.plex.tv/articles/204059436)",
  },
  urlEnv: "PLEX_URL",
  defaultPort: 32400,
  statusPath: "identity",
  // /identity needs no token: a MediaContainer with the server's machineIdentifier.
  keylessProbe: { path: "identity", recognises: (text) => /<MediaContainer\b[^>]*machineIdentifier=/.test(text) },
  createClient: createPlexApi,
  tools: plexTools,
};

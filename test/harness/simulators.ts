// Starts the bundled simulators of SABnzbd, Sonarr, Radarr, Plex and Prowlarr (from the built connector package).
import { randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export type AppName = "sabnzbd" | "sonarr" | "radarr" | "plex" | "prowlarr";

export interface SimulatorStack {
  urls: Record<AppName, string>;
  keys: Record<AppName, string>;
  close(): Promise<void>;
}

/** Fresh API keys per stack (not the fixed demo keys), so a connector log or Worker answer that carries one is caught. */
function canaryKeys(): Record<AppName, string> {
  const hex = () => randomBytes(16).toString("hex");
  return { sabnzbd: hex(), sonarr: hex(), radarr: hex(), plex: randomBytes(15).toString("base64url"), prowlarr: hex() };
}

export async function startSimulatorStack(profile: "demo" | "well-configured"): Promise<SimulatorStack> {
  const module = (await import(pathToFileURL(path.join(ROOT, "connector/dist/simulators/index.js")).href)) as {
    startSimulators(options: { profile: string; host?: string; keys?: Record<AppName, string> }): Promise<SimulatorStack>;
  };
  return module.startSimulators({ profile, host: "127.0.0.1", keys: canaryKeys() });
}

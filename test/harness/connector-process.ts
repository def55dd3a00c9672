// A real connector process (the CLI users run), configured with a stack's simulators and a pairing code.
import { type ChildProcess, spawn } from "node:child_process";
import { tmpdir } from "node:os";
import path from "node:path";
import { createLeakDetector, type Finding, type LeakDetector } from "../canary/detector.ts";
import { freePort } from "../../scripts/lib/free-port.mjs";
import { ROOT, type SimulatorStack } from "./simulators.ts";

export class ConnectorProcess {
  private child: ChildProcess | undefined;
  private output = "";
  private pairingCode = "";
  private readonly found: Finding[] = [];
  /** For the current run: its detector, and how much of its output was already scanned (logs grow to megabytes). */
  private detector: LeakDetector | undefined;
  private scanned = 0;

  private constructor(
    readonly port: number,
    private readonly simulators: SimulatorStack,
    private readonly timeoutMs: number,
  ) {}

  static async prepare(simulators: SimulatorStack, options: { timeoutMs: number }): Promise<ConnectorProcess> {
    return new ConnectorProcess(await freePort(), simulators, options.timeoutMs);
  }

  /** Everything the process wrote to stdout and stderr since it started. */
  get logs(): string {
    return this.output;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** What the process must never log: its pairing code and secret, and the apps' API keys. */
  private secrets(): Record<string, string> {
    const { keys } = this.simulators;
    const named: Record<string, string> = {
      "SABnzbd API key": keys.sabnzbd,
      "Sonarr API key": keys.sonarr,
      "Radarr API key": keys.radarr,
      "Plex token": keys.plex,
      "Prowlarr API key": keys.prowlarr,
    };
    if (this.pairingCode) {
      named["pairing code"] = this.pairingCode;
      try {
        const { secret } = JSON.parse(Buffer.from(this.pairingCode.slice("aac1.".length), "base64url").toString("utf8")) as { secret: string };
        named["pairing secret"] = secret;
        named["pairing secret (hex)"] = Buffer.from(secret, "base64url").toString("hex");
      } catch {
        // Not a pairing code the harness can read: the code itself is still looked for.
      }
    }
    return named;
  }

  /** Secrets this process has written to its logs, over every run (the output of the current one included). */
  leaks(): Finding[] {
    this.detector ??= createLeakDetector(this.secrets());
    // Back a little, for a secret split across what was and was not scanned yet.
    const unscanned = this.output.slice(Math.max(0, this.scanned - 512));
    this.scanned = this.output.length;
    for (const finding of this.detector.scan(unscanned)) {
      if (!this.found.some((f) => f.secret === finding.secret && f.form === finding.form)) this.found.push(finding);
    }
    return [...this.found];
  }

  async start(pairingCode: string): Promise<void> {
    await this.stop();
    const { urls, keys } = this.simulators;
    this.pairingCode = pairingCode;
    this.detector = undefined;
    this.scanned = 0;
    this.output = "";
    const child = spawn(process.execPath, [path.join(ROOT, "connector/bin/autoarr-connector.mjs"), "start", "--port", String(this.port)], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        AUTOARR_PAIRING: pairingCode,
        // Never pick up a developer's own paired config file.
        XDG_CONFIG_HOME: path.join(tmpdir(), "autoarr-test-harness"),
        CONNECTOR_TIMEOUT_MS: String(this.timeoutMs),
        SABNZBD_URL: urls.sabnzbd,
        SABNZBD_API_KEY: keys.sabnzbd,
        SONARR_URL: urls.sonarr,
        SONARR_API_KEY: keys.sonarr,
        RADARR_URL: urls.radarr,
        RADARR_API_KEY: keys.radarr,
        PLEX_URL: urls.plex,
        PLEX_TOKEN: keys.plex,
        PROWLARR_URL: urls.prowlarr,
        PROWLARR_API_KEY: keys.prowlarr,
      },
    });
    child.stdout?.on("data", (d) => (this.output += d));
    child.stderr?.on("data", (d) => (this.output += d));
    this.child = child;
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`connector exited early:\n${this.output}`);
      try {
        if ((await fetch(`${this.url}/healthz`)).ok) return;
      } catch {}
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`connector did not start:\n${this.output}`);
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 3_000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
    }
    // Before a restart clears the output: what this run logged, its last lines included, is checked now.
    this.leaks();
  }
}

// `node connector/dist/simulators/cli.js [--profile demo|well-configured] [--host H]`: serves every app's simulator on the demo ports.
import { parseArgs } from "node:util";
import { APP_IDS } from "@autoarr/contract";
import { DEMO_KEYS, DEMO_PORTS, startSimulators } from "./index.js";

export async function runSimulatorsCli(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { profile: { type: "string", default: "demo" }, host: { type: "string", default: "127.0.0.1" } },
    allowPositionals: false,
  });
  const profile = values.profile === "well-configured" ? "well-configured" : "demo";
  const sims = await startSimulators({ profile, host: values.host, ports: DEMO_PORTS });
  console.log(`AutoArr simulators (${profile} profile):`);
  for (const app of APP_IDS) console.log(`  ${app.padEnd(8)} ${sims.urls[app]}  key ${DEMO_KEYS[app]}`);
  console.log("Fault injection: POST <url>/__sim/faults, GET <url>/__sim/requests, POST <url>/__sim/reset, POST <url>/__sim/tick");
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await sims.close();
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runSimulatorsCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}

// Where a tenant's connector may be: the public-URL rule, plus this machine while developing locally.
import { type Env, envVars } from "../platform/env";
import { AppError } from "../platform/errors";
import { isLoopbackUrl, publicUrlProblem } from "../platform/public-url";

/** `npm start` and the tests set AUTOARR_ALLOW_LOOPBACK_CONNECTORS=true; a deployed Worker never does. */
export function loopbackConnectorsAllowed(env: Pick<Env, "AUTOARR_ALLOW_LOOPBACK_CONNECTORS">): boolean {
  return envVars(env).AUTOARR_ALLOW_LOOPBACK_CONNECTORS;
}

export function connectorUrlProblem(url: string, allowLoopback: boolean): string | null {
  if (!allowLoopback && isLoopbackUrl(url)) {
    return "connectors on this machine (127.0.0.1, localhost, [::1]) are accepted only in local development; use an https URL such as your Cloudflare Tunnel hostname";
  }
  return publicUrlProblem(url, { allowLoopback });
}

export function assertConnectorUrlAllowed(url: string, env: Pick<Env, "AUTOARR_ALLOW_LOOPBACK_CONNECTORS">): void {
  const problem = connectorUrlProblem(url, loopbackConnectorsAllowed(env));
  if (problem) throw new AppError("invalid_request", `This connector URL is refused: ${problem}`);
}

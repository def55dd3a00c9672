import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { api } from "../helpers";
import { pairedTenant } from "../stacks";

interface Rec {
  id: string;
  ruleId: string;
  app: string;
  setting: string;
  priority: string;
  why: string;
  fix: string;
  recommendedValue: unknown;
}
interface AuditBody {
  path: string;
  pathReason?: string;
  apps: Record<string, { recommendations: Rec[] }>;
}
const all = (audit: AuditBody) => Object.values(audit.apps).flatMap((a) => a.recommendations);

let token = "";
let tenantId = "";

async function script(respond: unknown) {
  const response = await fetch(`${env.ANTHROPIC_BASE_URL}/__fake/script`, { method: "POST", body: JSON.stringify({ match: tenantId, respond }) });
  expect(response.status).toBe(201);
}

async function audit(): Promise<AuditBody> {
  const response = await api("/api/v1/config/audit", { method: "POST", token, json: { apps: ["sabnzbd", "sonarr"] } });
  expect(response.status).toBe(201);
  return response.json();
}

const logLevel = {
  ruleId: "sonarr.general.log-level",
  app: "sonarr",
  setting: "sonarr.host.logLevel",
  recommendedValue: "info",
  priority: "high",
  title: "Log level",
  why: "Trace logging on your Sonarr fills the disk within days.",
};

describe("Claude's review of an audit (fake Messages API)", () => {
  beforeAll(async () => {
    const { owner } = await pairedTenant("audit-llm", { profile: "demo" });
    token = owner.accessToken;
    tenantId = owner.tenant.id;
  });

  it("uses a valid review: re-ranked, explained, with an added recommendation tied to a concrete setting", async () => {
    await script({
      input: {
        recommendations: [
          logLevel,
          {
            app: "sabnzbd",
            setting: "sabnzbd.config.misc.receive_threads",
            recommendedValue: 4,
            priority: "low",
            title: "More receive threads",
            why: "Your connection can use more parallel article fetches.",
          },
        ],
      },
    });
    const body = await audit();
    expect(body.path).toBe("llm");
    const sonarr = body.apps.sonarr!.recommendations;
    expect(sonarr.find((r) => r.ruleId === logLevel.ruleId)).toMatchObject({ priority: "high", why: logLevel.why, fix: "apply" });
    expect(body.apps.sabnzbd!.recommendations.find((r) => r.setting === "sabnzbd.config.misc.receive_threads")).toMatchObject({
      fix: "manual",
      recommendedValue: 4,
    });
    // Nothing the rules found is dropped.
    expect(all(body).filter((r) => !r.ruleId.endsWith(".ai-review")).length).toBeGreaterThan(15);
  });

  it("falls back to the rules on a malformed answer", async () => {
    await script({ malformed: true });
    const body = await audit();
    expect(body.path).toBe("rules");
    expect(body.pathReason).toMatch(/Claude's review was not used/);
  });

  it("rejects a recommendation for an app outside the catalogue", async () => {
    await script({
      input: {
        recommendations: [
          logLevel,
          {
            app: "lidarr",
            setting: "lidarr.host.logLevel",
            recommendedValue: "info",
            priority: "low",
            title: "Lidarr logs",
            why: "Lidarr should log less to save disk space.",
          },
        ],
      },
    });
    const body = await audit();
    expect(body.path).toBe("rules");
    expect(body.pathReason).toMatch(/rejected.*lidarr/);
    expect(all(body).find((r) => r.ruleId === logLevel.ruleId)?.why).not.toBe(logLevel.why);
  });

  it("rejects an answer that turns authentication off", async () => {
    await script({
      input: {
        recommendations: [
          {
            ruleId: "sonarr.security.authentication-method",
            app: "sonarr",
            setting: "sonarr.host.authenticationMethod",
            recommendedValue: "none",
            priority: "low",
            title: "Simplify login",
            why: "Logging in is tedious on a home network; turn it off.",
          },
        ],
      },
    });
    const first = await audit();
    expect(first.path).toBe("rules");
    expect(first.pathReason).toMatch(/rejected/);

    await script({
      input: {
        recommendations: [
          {
            app: "sonarr",
            setting: "sonarr.host.authenticationRequired",
            recommendedValue: "disabledForLocalAddresses",
            priority: "low",
            title: "Skip login locally",
            why: "Nobody else is on your LAN, so skip the login there.",
          },
        ],
      },
    });
    const second = await audit();
    expect(second.path).toBe("rules");
    expect(second.pathReason).toMatch(/security/);
  });
});

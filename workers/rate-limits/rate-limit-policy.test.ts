// Limits by operation name: a route and the MCP tool doing the same work count against one budget.
import { describe, expect, it } from "vitest";
import { operationOf, operationRules, tenantRules } from "./rate-limit-policy";

describe("rate-limit policy", () => {
  it("names the audit and apply routes' operations and gives them their own limits before the API's", () => {
    expect(operationOf("POST", "/api/v1/config/audit")).toBe("runConfigAudit");
    expect(operationOf("GET", "/api/v1/config/audit")).toBeUndefined();
    expect(tenantRules("POST", "/api/v1/config/audit").map((r) => r.name)).toEqual(["config-audit", "api"]);
    expect(tenantRules("POST", "/api/v1/config/apply").map((r) => r.name)).toEqual(["config-apply", "api"]);
    expect(tenantRules("GET", "/api/v1/me").map((r) => r.name)).toEqual(["api"]);
  });

  it("gives an MCP tool the same budget as its route, asked for by the tool's name", () => {
    expect(operationRules("audit_configuration")).toEqual(operationRules("runConfigAudit"));
    expect(operationRules("audit_configuration")).toEqual([{ name: "config-audit", limit: 10, windowSeconds: 3600 }]);
    expect(operationRules("apply_recommendation")).toEqual([{ name: "config-apply", limit: 20, windowSeconds: 3600 }]);
    expect(operationRules("get_queue")).toEqual([]);
  });
});

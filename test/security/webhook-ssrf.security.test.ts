// A webhook URL is fetched by AutoArr itself, so one pointing inside a private network is refused (400).
import { describe, expect, it } from "vitest";
import { api, errorOf, signUp } from "../helpers";

const PRIVATE_TARGETS = [
  "https://10.0.0.5/hook",
  "https://192.168.1.10/hook",
  "https://172.16.0.1/hook",
  "https://127.0.0.1/hook",
  "https://localhost/hook",
  "https://169.254.169.254/latest/meta-data",
  "https://[::1]/hook",
  "https://[::ffff:7f00:1]/hook",
  "http://example.com/hook",
];

describe("webhook URLs", () => {
  it.each(PRIVATE_TARGETS)("refuses %s with 400", async (webhookUrl) => {
    const owner = await signUp("sec-webhook");
    const response = await api("/api/v1/settings/recovery", { method: "PUT", token: owner.accessToken, json: { enabled: true, mode: "auto", webhookUrl } });
    expect(response.status).toBe(400);
    expect((await errorOf(response)).code).toBe("invalid_request");
  });

  it("accepts a public https URL", async () => {
    const owner = await signUp("sec-webhook-ok");
    const response = await api("/api/v1/settings/recovery", { method: "PUT", token: owner.accessToken, json: { enabled: true, mode: "auto", webhookUrl: "https://hooks.example.com/autoarr" } });
    expect(response.status).toBe(200);
  });
});

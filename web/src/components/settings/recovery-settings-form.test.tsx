import { fireEvent, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { mockApi } from "../../test/mock-api";
import { renderWithProviders } from "../../test/render";
import { signInForTest } from "../../test/signed-in";
import { RecoverySettingsSection } from "./recovery-settings-form";

const defaults = { enabled: true, mode: "auto", maxAttempts: 3, allowLowerQuality: false, stallChecks: 3, webhookUrl: null, webhookFormat: "json" };

describe("Recovery settings", () => {
  it("sends every field the API keeps, including stall checks and the webhook format", async () => {
    signInForTest();
    const { calls } = mockApi({
      "GET /api/v1/settings/recovery": { body: defaults },
      "PUT /api/v1/settings/recovery": ({ body }) => ({ body }),
    });
    renderWithProviders(<RecoverySettingsSection />);
    fireEvent.click(await screen.findByLabelText("Ask me first"));
    fireEvent.change(screen.getByLabelText(/counts as stalled/), { target: { value: "5" } });
    fireEvent.change(screen.getByLabelText(/^Webhook URL/), { target: { value: " https://hooks.example.com/x " } });
    fireEvent.change(screen.getByLabelText("Webhook format"), { target: { value: "discord" } });
    fireEvent.click(screen.getByRole("button", { name: "Save recovery settings" }));
    expect(await screen.findByText("Saved")).toBeTruthy();
    expect(calls.find((call) => call.method === "PUT")?.body).toEqual({
      ...defaults,
      mode: "approval",
      stallChecks: 5,
      webhookUrl: "https://hooks.example.com/x",
      webhookFormat: "discord",
    });
  });

  it("shows the API's field error next to the webhook URL", async () => {
    signInForTest();
    mockApi({
      "GET /api/v1/settings/recovery": { body: defaults },
      "PUT /api/v1/settings/recovery": {
        status: 400,
        body: { error: { code: "invalid_request", message: "Invalid request", details: [{ path: ["webhookUrl"], message: "Use a public https URL" }] } },
      },
    });
    renderWithProviders(<RecoverySettingsSection />);
    fireEvent.change(await screen.findByLabelText(/^Webhook URL/), { target: { value: "http://localhost/x" } });
    fireEvent.click(screen.getByRole("button", { name: "Save recovery settings" }));
    expect(await screen.findByText("Use a public https URL")).toBeTruthy();
  });
});

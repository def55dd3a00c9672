import { fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { seriousAxeViolations } from "../../test/axe";
import { mockApi } from "../../test/mock-api";
import { renderWithProviders } from "../../test/render";
import { signInForTest } from "../../test/signed-in";
import { ConnectorsSection } from "./connectors-section";

const nas = { id: "c1", name: "NAS", url: "https://nas.example.com", createdAt: "2026-01-01T00:00:00Z", lastSeenAt: null, reachable: null };

describe("Connectors", () => {
  it("shows an empty state, then the pairing command exactly once after creating a connector", async () => {
    signInForTest();
    let connectors: (typeof nas)[] = [];
    const { calls } = mockApi({
      "GET /api/v1/connectors": () => ({ body: { connectors } }),
      "POST /api/v1/connectors": () => {
        connectors = [nas];
        return { status: 201, body: { connector: nas, pairingCode: "PAIR-1234-ABCD" } };
      },
    });
    const { container } = renderWithProviders(<ConnectorsSection />, { path: "/settings" });
    expect(await screen.findByText("No connectors yet")).toBeTruthy();

    fireEvent.change(screen.getByLabelText("Name"), { target: { value: "NAS" } });
    fireEvent.change(screen.getByLabelText(/Connector URL/), { target: { value: "https://nas.example.com" } });
    fireEvent.click(screen.getByRole("button", { name: "Create connector" }));

    const command = await screen.findByLabelText("Pairing command");
    expect(command.textContent).toBe("autoarr-connector pair PAIR-1234-ABCD");
    expect(calls.find((call) => call.method === "POST")?.body).toEqual({ name: "NAS", url: "https://nas.example.com" });
    expect(await seriousAxeViolations(container)).toEqual([]);

    fireEvent.click(screen.getByRole("button", { name: "I've copied it" }));
    expect(screen.queryByText(/PAIR-1234-ABCD/)).toBeNull();
    const row = (await screen.findByText("NAS")).closest("li")!;
    expect(within(row).getByText("Waiting for pairing")).toBeTruthy();
  });

  it("shows an error state with a retry when connectors can't load", async () => {
    signInForTest();
    mockApi({ "GET /api/v1/connectors": { status: 500, body: { error: { code: "internal", message: "Internal error" } } } });
    renderWithProviders(<ConnectorsSection />, { path: "/settings" });
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toMatch(/Something went wrong/);
    expect(within(alert).getByRole("button", { name: "Try again" })).toBeTruthy();
  });
});

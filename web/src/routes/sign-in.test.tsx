import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { tokenStore } from "../api/token-store";
import { seriousAxeViolations } from "../test/axe";
import { mockApi, session } from "../test/mock-api";
import { renderWithProviders } from "../test/render";
import SignInScreen from "./sign-in";

function fillAndSubmit(email: string, password: string) {
  fireEvent.change(screen.getByLabelText("Email"), { target: { value: email } });
  fireEvent.change(screen.getByLabelText("Password"), { target: { value: password } });
  fireEvent.click(screen.getByRole("button", { name: "Sign in" }));
}

describe("Sign in", () => {
  it("has labelled fields and no serious accessibility violations", async () => {
    const { container } = renderWithProviders(<SignInScreen />, { path: "/sign-in" });
    expect(screen.getByRole("heading", { level: 1, name: "Sign in" })).toBeTruthy();
    expect(await seriousAxeViolations(container)).toEqual([]);
  });

  it("says so when the email and password don't match", async () => {
    mockApi({ "POST /api/v1/auth/login": { status: 401, body: { error: { code: "unauthorized", message: "Invalid credentials" } } } });
    renderWithProviders(<SignInScreen />, { path: "/sign-in" });
    fillAndSubmit("sam@example.com", "wrong-password");
    expect((await screen.findByRole("alert")).textContent).toMatch(/don't match/);
    expect(tokenStore.isSignedIn()).toBe(false);
  });

  it("stores the session and goes home on success", async () => {
    const { calls } = mockApi({ "POST /api/v1/auth/login": { body: session() } });
    const { location } = renderWithProviders(<SignInScreen />, { path: "/sign-in" });
    fillAndSubmit("sam@example.com", "correct horse");
    await waitFor(() => expect(location.history?.at(-1)).toBe("/"));
    expect(calls[0]?.body).toEqual({ email: "sam@example.com", password: "correct horse" });
    expect(calls[0]?.headers.get("X-AutoArr-Session")).toBe("cookie");
    expect(tokenStore.isSignedIn()).toBe(true);
    expect(tokenStore.usableAccessToken()).toBe("access-1");
  });

  it("tells once of failed sign-in attempts before going home", async () => {
    const since = new Date(Date.now() - 3 * 3_600_000).toISOString();
    mockApi({ "POST /api/v1/auth/login": { body: { ...session(), notice: { failedSignIns: 6, since } } } });
    const { location } = renderWithProviders(<SignInScreen />, { path: "/sign-in" });
    fillAndSubmit("sam@example.com", "correct horse");
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toMatch(/6 failed sign-in attempts/);
    expect(alert.textContent).toMatch(/3 hours ago/);
    expect(tokenStore.usableAccessToken()).toBe("access-1");
    expect(location.history?.at(-1)).not.toBe("/");
    fireEvent.click(screen.getByRole("button", { name: "Continue" }));
    await waitFor(() => expect(location.history?.at(-1)).toBe("/"));
  });
});

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
    expect(tokenStore.refreshToken()).toBe("refresh-1");
    expect(tokenStore.usableAccessToken()).toBe("access-1");
  });
});

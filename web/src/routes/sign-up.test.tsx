import { fireEvent, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { mockApi } from "../test/mock-api";
import { renderWithProviders } from "../test/render";
import SignUpScreen from "./sign-up";

describe("Sign up", () => {
  it("shows the server's field errors next to the fields they belong to", async () => {
    mockApi({
      "POST /api/v1/auth/register": {
        status: 400,
        body: { error: { code: "invalid_request", message: "Invalid request", details: [{ path: ["password"], message: "Use at least 8 characters" }] } },
      },
    });
    renderWithProviders(<SignUpScreen />, { path: "/sign-up" });
    fireEvent.change(screen.getByLabelText(/Household name/), { target: { value: "Home" } });
    fireEvent.change(screen.getByLabelText("Email"), { target: { value: "sam@example.com" } });
    fireEvent.change(screen.getByLabelText(/Password/), { target: { value: "short" } });
    fireEvent.submit(screen.getByRole("button", { name: "Create account" }).closest("form")!);
    const password = screen.getByLabelText(/Password/);
    expect(await screen.findByText("Use at least 8 characters")).toBeTruthy();
    expect(password.getAttribute("aria-invalid")).toBe("true");
  });
});

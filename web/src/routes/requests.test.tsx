import { fireEvent, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { mockApi } from "../test/mock-api";
import { renderWithProviders } from "../test/render";
import { signInForTest } from "../test/signed-in";
import RequestsScreen from "./requests";

const needsChoice = {
  id: "q1",
  query: "dune",
  parse: { type: "movie", title: "Dune", year: null, seasons: null, episode: null, quality: null, source: "rules" },
  status: "needs_choice",
  options: [
    { optionId: "o1", title: "Dune", year: 1984, type: "movie", overview: "Lynch", posterUrl: "https://img.example/dune-1984.jpg" },
    { optionId: "o2", title: "Dune", year: 2021, type: "movie", overview: "Villeneuve", posterUrl: null },
  ],
  createdAt: new Date().toISOString(),
  updatedAt: new Date().toISOString(),
};

describe("Requests", () => {
  it("shows candidates with posters and follows the chosen one", async () => {
    signInForTest();
    const { calls } = mockApi({
      "GET /api/v1/requests": { body: { items: [needsChoice], nextCursor: null } },
      "POST /api/v1/requests/q1/choose": { body: { ...needsChoice, status: "searching", options: undefined, parse: { ...needsChoice.parse, year: 2021 } } },
    });
    renderWithProviders(<RequestsScreen />, { path: "/requests" });
    expect(await screen.findByRole("img", { name: "Poster for Dune (1984)" })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Choose Dune (2021)" }));
    expect(await screen.findByText("Searching")).toBeTruthy();
    expect(screen.getByText("Dune (2021)")).toBeTruthy();
    expect(calls.at(-1)?.body).toEqual({ optionId: "o2" });
  });

  it("shows an error state while the requests API is not available", async () => {
    signInForTest();
    mockApi({});
    renderWithProviders(<RequestsScreen />, { path: "/requests" });
    expect((await screen.findByRole("alert")).textContent).toMatch(/Not available yet/);
  });
});

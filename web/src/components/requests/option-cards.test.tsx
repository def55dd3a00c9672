import { fireEvent, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { MediaRequest } from "../../api/api-types";
import { renderWithProviders } from "../../test/render";
import { OptionCards } from "./option-cards";

const option = (optionId: string, title: string, posterUrl: string | null) => ({
  optionId,
  title,
  year: 2019,
  type: "tv" as const,
  overview: null,
  posterUrl,
  inLibrary: false,
});

const request: MediaRequest = {
  id: "req-1",
  query: "the show",
  parse: null,
  status: "needs_choice",
  options: [option("a", "The Show", "https://image.tmdb.org/t/p/w342/show.jpg"), option("b", "The Other Show", null)],
  createdAt: new Date().toISOString(),
  updatedAt: new Date().toISOString(),
  user: null,
};

describe("Candidate cards", () => {
  it("show the title on a placeholder when a poster cannot load or there is none, never a broken image", () => {
    renderWithProviders(<OptionCards request={request} />);
    const poster = screen.getByRole("img", { name: "Poster for The Show (2019)" });
    fireEvent.error(poster);
    expect(screen.queryByRole("img", { name: "Poster for The Show (2019)" })).toBeNull();
    for (const title of ["The Show", "The Other Show"]) {
      const placeholder = screen.getByRole("img", { name: title });
      expect(placeholder.className).toBe("poster-placeholder");
      expect(placeholder.textContent).toBe(title);
    }
    expect(document.querySelectorAll("img")).toHaveLength(0);
  });
});

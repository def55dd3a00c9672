import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Recommendation } from "../../api/api-types";
import { RecommendationCard } from "./recommendation-card";

const base: Recommendation = {
  id: "r1",
  ruleId: "sabnzbd.security.unwanted-extensions",
  app: "sabnzbd",
  setting: "sabnzbd.config.misc.action_on_unwanted_extensions",
  title: "Executable files in downloads are blocked",
  priority: "high",
  currentValue: 0,
  recommendedValue: 2,
  why: "Executables in a download are almost always malware.",
  source: { name: "SABnzbd Wiki", url: null },
  status: "open",
  fix: "apply",
};
const noop = () => {};

describe("Recommendation card", () => {
  it("shows every setting a fix writes, not only its first", () => {
    render(
      <RecommendationCard
        recommendation={{
          ...base,
          writes: [
            { setting: "sabnzbd.config.misc.action_on_unwanted_extensions", before: 0, after: 2 },
            { setting: "sabnzbd.config.misc.unwanted_extensions", before: [], after: ["exe", "com"] },
          ],
        }}
        onApply={noop}
        onDismiss={noop}
        dismissing={false}
      />,
    );
    expect(screen.getByText("sabnzbd.config.misc.action_on_unwanted_extensions")).toBeTruthy();
    expect(screen.getByText("sabnzbd.config.misc.unwanted_extensions")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Apply…" })).toBeTruthy();
  });

  it("shows what the app reports about itself with nothing to apply and no setting diff", () => {
    render(
      <RecommendationCard
        recommendation={{
          ...base,
          fix: "none",
          title: "SABnzbd reports: Failed login for server news.example",
          setting: "sabnzbd.warnings[0]",
          currentValue: "Failed login",
          recommendedValue: null,
        }}
        onApply={noop}
        onDismiss={noop}
        dismissing={false}
      />,
    );
    expect(screen.queryByRole("button", { name: "Apply…" })).toBeNull();
    expect(screen.getByRole("button", { name: "Dismiss" })).toBeTruthy();
    expect(screen.queryByText("sabnzbd.warnings[0]")).toBeNull();
  });
});

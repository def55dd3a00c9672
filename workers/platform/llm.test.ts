import { describe, expect, it } from "vitest";
import { asData, linkedText } from "./llm";

describe("asData", () => {
  it("fences the text so that nothing inside can close the fence, however it is spelled", () => {
    const fenced = asData("settings", "a</settings>b</SETTINGS>c< / settings >d");
    expect(fenced).toBe("<settings>\na<\\/settings>b<\\/settings>c<\\/settings>d\n</settings>");
    expect(fenced.match(/<\/settings>/g)).toHaveLength(1);
  });
});

describe("linkedText", () => {
  it("finds a URL or markup anywhere in an answer and says where", () => {
    expect(linkedText({ strategy: "alert", why: "see https://evil.example" })).toBe("why");
    expect(linkedText({ items: [{ why: "fine" }, { why: "go to www.evil.example" }] })).toBe("items.1.why");
    expect(linkedText({ title: "Fargo <img src=x>" })).toBe("title");
    expect(linkedText("javascript://x")).toBe("(answer)");
  });

  it("passes plain text, numbers and the paths the caller vets itself", () => {
    expect(linkedText({ why: "Cache < 1 GB is too small; 4 threads", n: 4, ok: true, none: null })).toBeUndefined();
    const review = { recommendations: [{ why: "Faster unpacking.", source: { name: "SABnzbd wiki", url: "https://sabnzbd.org/wiki" } }] };
    expect(linkedText(review, ["recommendations.*.source.url"])).toBeUndefined();
    expect(linkedText(review)).toBe("recommendations.0.source.url");
    expect(linkedText({ recommendations: [{ source: { name: "https://evil.example", url: "https://sabnzbd.org" } }] }, ["recommendations.*.source.url"])).toBe(
      "recommendations.0.source.name",
    );
  });
});

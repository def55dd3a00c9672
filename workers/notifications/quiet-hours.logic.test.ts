import { describe, expect, it } from "vitest";
import { isQuiet, quietEndsAt } from "./quiet-hours.logic";

const quiet = (start: string, end: string, timeZone = "UTC") => ({ enabled: true, start, end, timeZone, letCriticalThrough: true });

describe("quiet hours", () => {
  it("spans midnight: 22:00–07:00 holds 23:30 and 06:59, not 07:00 or 21:59", () => {
    const hours = quiet("22:00", "07:00");
    expect(isQuiet(hours, new Date("2026-12-01T23:30:00Z"))).toBe(true);
    expect(isQuiet(hours, new Date("2026-12-02T06:59:00Z"))).toBe(true);
    expect(isQuiet(hours, new Date("2026-12-02T07:00:00Z"))).toBe(false);
    expect(isQuiet(hours, new Date("2026-12-01T21:59:00Z"))).toBe(false);
  });

  it("reads the clock of the household's time zone", () => {
    // 21:30 UTC is 08:30 in Sydney (UTC+11 in December): not quiet there; 12:30 UTC is 23:30 there.
    const sydney = quiet("22:00", "07:00", "Australia/Sydney");
    expect(isQuiet(sydney, new Date("2026-12-01T21:30:00Z"))).toBe(false);
    expect(isQuiet(sydney, new Date("2026-12-01T12:30:00Z"))).toBe(true);
  });

  it("is never quiet when turned off or when start equals end", () => {
    expect(isQuiet({ ...quiet("00:00", "23:59"), enabled: false }, new Date("2026-12-01T12:00:00Z"))).toBe(false);
    expect(isQuiet(quiet("08:00", "08:00"), new Date("2026-12-01T08:00:00Z"))).toBe(false);
  });

  it("ends at the next local end time", () => {
    expect(quietEndsAt(quiet("22:00", "07:00"), new Date("2026-12-01T23:30:20Z")).toISOString()).toBe("2026-12-02T07:00:00.000Z");
    expect(quietEndsAt(quiet("22:00", "07:00", "Europe/Berlin"), new Date("2026-12-01T23:30:00Z")).toISOString()).toBe("2026-12-02T06:00:00.000Z");
  });
});

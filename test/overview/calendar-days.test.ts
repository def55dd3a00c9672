// Calendar days in a time zone: where each day starts as a UTC instant, across daylight-saving changes.
import { describe, expect, it } from "vitest";
import { calendarDays, dayIndex, isTimeZone, localDate } from "../../workers/overview/calendar-days.logic";

const at = (iso: string) => Date.parse(iso);
const HOUR = 3_600_000;

describe("calendar days in a zone", () => {
  it("gives Berlin's 25-hour day when summer time ends (2026-10-25) and its 23-hour day when it starts (2026-03-29)", () => {
    const autumn = calendarDays(at("2026-10-26T10:00:00Z"), 3, "Europe/Berlin");
    expect(autumn.map((d) => d.date)).toEqual(["2026-10-24", "2026-10-25", "2026-10-26"]);
    expect(autumn[0]!.start).toBe(at("2026-10-23T22:00:00Z"));
    expect(autumn[1]!.start).toBe(at("2026-10-24T22:00:00Z"));
    expect(autumn[2]!.start).toBe(at("2026-10-25T23:00:00Z"));
    expect(autumn[1]!.end - autumn[1]!.start).toBe(25 * HOUR);
    expect(autumn[2]!.end).toBe(at("2026-10-26T23:00:00Z"));

    const [spring] = calendarDays(at("2026-03-29T12:00:00Z"), 1, "Europe/Berlin");
    expect(spring).toEqual({ date: "2026-03-29", start: at("2026-03-28T23:00:00Z"), end: at("2026-03-29T22:00:00Z") });
  });

  it("gives Auckland's 23-hour day when daylight time starts (2026-09-27) and its 25-hour day when it ends (2026-04-05)", () => {
    const [september] = calendarDays(at("2026-09-27T05:00:00Z"), 1, "Pacific/Auckland");
    expect(september).toEqual({ date: "2026-09-27", start: at("2026-09-26T12:00:00Z"), end: at("2026-09-27T11:00:00Z") });
    const [april] = calendarDays(at("2026-04-05T05:00:00Z"), 1, "Pacific/Auckland");
    expect(april).toEqual({ date: "2026-04-05", start: at("2026-04-04T11:00:00Z"), end: at("2026-04-05T12:00:00Z") });
  });

  it("names the local date of an instant: 23:30 UTC is already tomorrow in Auckland and still today in New York", () => {
    expect(localDate(at("2026-12-01T23:30:00Z"), "UTC")).toBe("2026-12-01");
    expect(localDate(at("2026-12-01T23:30:00Z"), "Pacific/Auckland")).toBe("2026-12-02");
    expect(localDate(at("2026-12-02T03:30:00Z"), "America/New_York")).toBe("2026-12-01");
    expect(localDate(at("2026-12-01T18:29:00Z"), "Asia/Kolkata")).toBe("2026-12-01");
    expect(localDate(at("2026-12-01T18:30:00Z"), "Asia/Kolkata")).toBe("2026-12-02");
  });

  it("lays days end to end, each starting at the first instant of its date, the last holding now", () => {
    for (const zone of ["UTC", "Europe/Berlin", "Pacific/Auckland", "America/Santiago", "Asia/Kathmandu", "Australia/Lord_Howe", "America/St_Johns"]) {
      for (const now of [at("2026-04-05T13:00:00Z"), at("2026-09-07T03:00:00Z"), at("2026-10-25T01:30:00Z"), at("2026-12-02T01:00:00Z")]) {
        const days = calendarDays(now, 31, zone);
        expect(days, zone).toHaveLength(31);
        expect(dayIndex(days, now), zone).toBe(30);
        days.forEach((day, i) => {
          expect(localDate(day.start, zone), `${zone} ${day.date}`).toBe(day.date);
          expect(localDate(day.start - 1, zone), `${zone} ${day.date}`).not.toBe(day.date);
          if (i > 0) expect(day.start, `${zone} ${day.date}`).toBe(days[i - 1]!.end);
        });
      }
    }
  });

  it("knows an IANA zone name from anything else", () => {
    expect(isTimeZone("Europe/Berlin")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(isTimeZone("")).toBe(false);
  });
});

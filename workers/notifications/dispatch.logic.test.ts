import { describe, expect, it } from "vitest";
import { digest, GROUP_ABOVE, plan, retryDelayMs } from "./dispatch.logic";
import type { NotificationMessage } from "./notification-message";

const message = (kind: NotificationMessage["kind"], severity: NotificationMessage["severity"] = "warning", title: string = kind): NotificationMessage => ({
  kind,
  severity,
  title,
  body: `${title} body`,
  at: "2026-12-01T12:00:00.000Z",
});

const everything = { events: ["failure_detected", "recovered", "gave_up", "app_down"] as const };
const awake = { now: false, letCriticalThrough: true };

describe("what a channel is sent", () => {
  it("only the events it is routed to", () => {
    const { send } = plan({ events: ["gave_up"] }, [message("failure_detected"), message("gave_up", "critical")], awake);
    expect(send.map((m) => m.kind)).toEqual(["gave_up"]);
  });

  it("always a test", () => {
    expect(plan({ events: [] }, [message("test", "info")], awake).send).toHaveLength(1);
  });

  it(`one grouped message for more than ${GROUP_ABOVE} at once, with each item and the worst severity`, () => {
    const batch = [
      message("failure_detected", "warning", "A"),
      message("failure_detected", "warning", "B"),
      message("recovered", "info", "C"),
      message("gave_up", "critical", "D"),
    ];
    const { send } = plan(everything, batch, awake);
    expect(send).toHaveLength(1);
    expect(send[0]).toMatchObject({ kind: "grouped", severity: "critical", title: "4 things need a look" });
    expect(send[0]!.items!.map((item) => item.title)).toEqual(["A", "B", "C", "D"]);
  });

  it(`each on its own for ${GROUP_ABOVE} or fewer`, () => {
    expect(plan(everything, [message("failure_detected"), message("recovered", "info"), message("gave_up", "critical")], awake).send).toHaveLength(3);
  });

  it("holds everything in quiet hours but critical events, when those may pass", () => {
    const batch = [message("failure_detected"), message("app_down", "critical")];
    expect(plan(everything, batch, { now: true, letCriticalThrough: true })).toMatchObject({
      send: [{ kind: "app_down" }],
      hold: [{ kind: "failure_detected" }],
    });
    expect(plan(everything, batch, { now: true, letCriticalThrough: false }).send).toEqual([]);
  });

  it("folds held messages into one digest", () => {
    const folded = digest([message("failure_detected", "warning", "A"), message("recovered", "info", "B")], new Date("2026-12-02T07:00:00Z"));
    expect(folded).toMatchObject({ kind: "digest", title: "While it was quiet: 2 events", severity: "warning", at: "2026-12-02T07:00:00.000Z" });
    expect(folded.body).toBe("1 download failed, 1 recovered");
    expect(folded.items).toEqual([
      { title: "A", body: "A body" },
      { title: "B", body: "B body" },
    ]);
  });
});

describe("retry delays", () => {
  it("back off, take a longer Retry-After, and never exceed an hour", () => {
    expect([1, 2, 3, 4, 5].map((attempt) => retryDelayMs(attempt))).toEqual([30_000, 120_000, 600_000, 1_800_000, 1_800_000]);
    expect(retryDelayMs(1, 90_000)).toBe(90_000);
    expect(retryDelayMs(1, 5_000)).toBe(30_000);
    expect(retryDelayMs(1, 86_400_000)).toBe(3_600_000);
  });
});

// Quiet hours on the household's own clock: whether a moment falls inside them, and when they end.
import type { NotificationSettings } from "./notifications.schema";

type QuietHours = NotificationSettings["quietHours"];

const MINUTE_MS = 60_000;
const DAY_MINUTES = 24 * 60;

function minutesOf(clock: string): number {
  const [hours, minutes] = clock.split(":").map(Number);
  return hours! * 60 + minutes!;
}

/** The minute of the day at `at` in `timeZone` (0–1439). */
function localMinute(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(at);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return part("hour") * 60 + part("minute");
}

/** Whether `at` falls in the quiet hours (start inclusive, end exclusive; a window may run past midnight). */
export function isQuiet(quiet: QuietHours, at: Date): boolean {
  if (!quiet.enabled) return false;
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return false;
  const now = localMinute(at, quiet.timeZone);
  return start < end ? now >= start && now < end : now >= start || now < end;
}

/**
 * When the quiet hours around `at` end: the next time the local clock shows `end`. Counted in minutes from now, so
 * on the night the clocks change it can be an hour off; the digest then goes an hour early or late.
 */
export function quietEndsAt(quiet: QuietHours, at: Date): Date {
  const waitMinutes = (minutesOf(quiet.end) - localMinute(at, quiet.timeZone) + DAY_MINUTES) % DAY_MINUTES || DAY_MINUTES;
  const startOfMinute = Math.floor(at.getTime() / MINUTE_MS) * MINUTE_MS;
  return new Date(startOfMinute + waitMinutes * MINUTE_MS);
}

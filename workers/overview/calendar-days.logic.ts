// Calendar days in a time zone as UTC instants: a day starts at the first instant whose local date is that day, so a
// day across a daylight-saving change lasts 23 or 25 hours.

export interface CalendarDay {
  /** YYYY-MM-DD in the zone. */
  date: string;
  /** First instant of the day, epoch ms. */
  start: number;
  /** First instant of the next day, epoch ms (exclusive). */
  end: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, format);
  }
  return format;
}

export function isTimeZone(name: string): boolean {
  try {
    formatter(name);
    return true;
  } catch {
    return false;
  }
}

/** The zone's wall clock at an instant, read as if it were UTC (epoch ms). */
function wallClock(at: number, timeZone: string): number {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(new Date(at))
      .map((p) => [p.type, p.value]),
  );
  return Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
}

/** The local date (YYYY-MM-DD) of an instant in the zone. */
export function localDate(at: number, timeZone: string): string {
  return new Date(wallClock(at, timeZone)).toISOString().slice(0, 10);
}

const MINUTE = 60_000;

/** The first instant whose local date is `date` (midnight, or later where a clock change skips midnight). */
function startOf(date: string, timeZone: string): number {
  const midnight = Date.parse(`${date}T00:00:00Z`);
  // The offset at the guess, then at the corrected guess: right unless a change falls within hours of midnight.
  let at = midnight - (wallClock(midnight, timeZone) - midnight);
  at = midnight - (wallClock(at, timeZone) - at);
  // Walk to the exact boundary, a minute at a time (no zone's offset is finer than a minute).
  while (localDate(at, timeZone) < date) at += MINUTE;
  while (localDate(at - MINUTE, timeZone) >= date) at -= MINUTE;
  return at;
}

const nextDate = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The last `count` calendar days in the zone, oldest first, the last one the day `now` falls on. */
export function calendarDays(now: number, count: number, timeZone: string): CalendarDay[] {
  const today = localDate(now, timeZone);
  const dates = [today];
  for (let i = 1; i < count; i++) dates.unshift(new Date(Date.parse(`${dates[0]}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10));
  return dates.map((date) => ({ date, start: startOf(date, timeZone), end: startOf(nextDate(date), timeZone) }));
}

/** The index of the day an instant falls in, or -1 outside them. */
export function dayIndex(days: CalendarDay[], at: number): number {
  return days.findIndex((day) => at >= day.start && at < day.end);
}

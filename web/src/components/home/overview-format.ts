// Wording and number formats shared by Home's summary, week-at-a-glance and queue chart.

/** "1 approval", "3 approvals". */
export const countOf = (count: number, singular: string, plural = `${singular}s`): string => `${count} ${count === 1 ? singular : plural}`;

/** A time from failure to fix: "45 s", "4 min", "2 h 5 min", "1 d 3 h". */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? `${days} d` : `${days} d ${hours % 24} h`;
}

// The overview's dates are calendar days already ("2026-12-01"); read at noon UTC they name the same day everywhere.
const calendarDay = (date: string) => new Date(`${date}T12:00:00Z`);
const weekday = new Intl.DateTimeFormat(undefined, { weekday: "short", timeZone: "UTC" });
const fullDay = new Intl.DateTimeFormat(undefined, { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" });

/** "Mon": short enough for seven bars on a phone. */
export const dayLabel = (date: string): string => weekday.format(calendarDay(date));
/** "Mon, Dec 1" (in the browser's language), for the table a screen reader reads. */
export const fullDayLabel = (date: string): string => fullDay.format(calendarDay(date));

const clock = new Intl.DateTimeFormat(undefined, { hour: "numeric", minute: "2-digit" });
export const formatClock = (ms: number): string => clock.format(ms);

const MEBIBYTE = 1024 ** 2;
const GIBIBYTE = 1024 ** 3;
/** Speeds in MB/s and sizes in GB, in the same 1024-based units as the queue rows. */
export const toMegabytesPerSecond = (bytesPerSecond: number): number => bytesPerSecond / MEBIBYTE;
export const toGigabytes = (bytes: number): number => bytes / GIBIBYTE;
/** Whole numbers from 10 up, one decimal below: "12", "3.2", "0". */
export const formatAmount = (value: number): string => (value >= 10 || value === 0 ? value.toFixed(0) : value.toFixed(1));

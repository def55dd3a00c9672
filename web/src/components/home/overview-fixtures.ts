// A known week for Home's tests: seven days ending on Tuesday 1 December 2026.
import type { Overview } from "../../api/api-types";

const none = { fixed: 0, failed: 0, gaveUp: 0, handledByApp: 0, other: 0 };
const dates = ["2026-11-25", "2026-11-26", "2026-11-27", "2026-11-28", "2026-11-29", "2026-11-30", "2026-12-01"];

export const quietOverview = (): Overview => ({
  generatedAt: "2026-12-01T18:00:00.000Z",
  timeZone: "UTC",
  today: { detected: 0, fixed: 0, gaveUp: 0, requestsCompleted: 0, downloadsCompleted: 0 },
  attention: { approvalsWaiting: 0, requestsNeedingChoice: 0, gaveUp: [], highPriorityFindings: [] },
  days: dates.map((date) => ({ date, detected: 0, recoveries: { ...none }, requestsCompleted: 0, downloadsCompleted: 0 })),
  fixTime: { medianSeconds: null, p90Seconds: null, fixes: 0 },
});

export const busyOverview = (): Overview => {
  const overview = quietOverview();
  const recoveries = [
    { fixed: 2, failed: 0, gaveUp: 0, handledByApp: 0, other: 0 },
    { ...none },
    { fixed: 1, failed: 1, gaveUp: 0, handledByApp: 1, other: 0 },
    { ...none },
    { fixed: 3, failed: 0, gaveUp: 1, handledByApp: 0, other: 0 },
    { fixed: 1, failed: 1, gaveUp: 0, handledByApp: 0, other: 0 },
    { fixed: 2, failed: 0, gaveUp: 0, handledByApp: 0, other: 0 },
  ];
  overview.days = overview.days.map((day, index) => ({
    ...day,
    detected: 3,
    recoveries: recoveries[index] ?? { ...none },
    requestsCompleted: index % 2,
    downloadsCompleted: index + 1,
  }));
  overview.today = { detected: 3, fixed: 2, gaveUp: 0, requestsCompleted: 0, downloadsCompleted: 7 };
  overview.fixTime = { medianSeconds: 240, p90Seconds: 900, fixes: 9 };
  return overview;
};

// Every test fails if, while it ran, a canary secret appeared in an answer, a WebSocket message or a log line.
import { afterAll, afterEach } from "vitest";
import { describeLeaks, installWatch, takeLeaks } from "../canary/watch";

installWatch();

async function failOnLeaks() {
  const leaks = await takeLeaks();
  if (leaks.length > 0) throw new Error(describeLeaks(leaks));
}

afterEach(failOnLeaks);
// Logs written after the last test (a Durable Object's alarm, a waitUntil) still count, for the whole file.
afterAll(failOnLeaks);

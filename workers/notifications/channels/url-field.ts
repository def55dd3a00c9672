// The URL fields of channel configs. The zod shape only checks that a URL parses and is http(s); whether it is
// public (or a loopback fake in local runs) is channelConfigProblem's call (index.ts), which knows allowLoopback.
import { z } from "zod";

export const MAX_URL_LENGTH = 500;

export const httpUrl = z
  .string()
  .max(MAX_URL_LENGTH)
  .refine(
    (value) => {
      try {
        return ["http:", "https:"].includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    { message: "must be an http(s) URL" },
  );

/** The URL without a trailing slash, so "https://host/" and "https://host" both lead to "https://host/path". */
export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, "")}${path}`;
}

/** The URL's path, or null for text that is not a URL (zod runs a refinement even after an earlier check failed). */
export function pathOf(value: string): string | null {
  try {
    return new URL(value).pathname;
  } catch {
    return null;
  }
}

// Finds secret values in text: raw, URL-encoded (once or twice), hex, base64 and base64url, whole or any piece of
// 23+ characters (so also their first 16+), at any offset inside a longer encoded text. Imports nothing: the
// workerd suite and the Node test harness both use it.

export interface Finding {
  /** The secret's name, never its value. */
  secret: string;
  form: string;
}

interface Needle extends Finding {
  text: string;
  caseSensitive: boolean;
}

const WINDOW = 16;
const STRIDE = 8;

/** Pieces of 16 characters every 8: any 23 consecutive characters of the value contain one whole. */
function windows(value: string): string[] {
  if (value.length <= WINDOW) return [value];
  const pieces = new Set<string>();
  for (let start = 0; start + WINDOW <= value.length; start += STRIDE) pieces.add(value.slice(start, start + WINDOW));
  pieces.add(value.slice(-WINDOW));
  return [...pieces];
}

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));

/**
 * Base64 of `bytes` as it appears inside the base64 of a longer text, for each of the three offsets the bytes can
 * sit at: the characters that depend only on these bytes (not on what comes before or after).
 */
function base64Cores(bytes: Uint8Array): string[] {
  return [0, 1, 2].map((shift) => {
    const padded = new Uint8Array(shift + bytes.length);
    padded.set(bytes, shift);
    return toBase64(padded).slice(Math.ceil((8 * shift) / 6), Math.floor((8 * (shift + bytes.length)) / 6));
  });
}

function needlesOf(secret: string, value: string): Needle[] {
  const needles: Needle[] = [];
  const add = (form: string, text: string, caseSensitive = false) => {
    const needle = caseSensitive ? text : text.toLowerCase();
    // A piece without characters to escape reads the same URL-encoded: one finding, under the first form.
    if (!needles.some((n) => n.text === needle)) needles.push({ secret, form, text: needle, caseSensitive });
  };
  for (const piece of windows(value)) {
    const bytes = new TextEncoder().encode(piece);
    add("raw", piece);
    add("URL-encoded", encodeURIComponent(piece));
    add("double URL-encoded", encodeURIComponent(encodeURIComponent(piece)));
    add("hex", Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join(""));
    for (const core of base64Cores(bytes)) {
      add("base64", core, true);
      add("base64url", core.replace(/\+/g, "-").replace(/\//g, "_"), true);
    }
  }
  return needles;
}

export interface LeakDetector {
  /** Which secrets the text carries, and how; one finding per secret and form. */
  scan(text: string): Finding[];
}

export function createLeakDetector(secrets: Record<string, string>): LeakDetector {
  const needles = Object.entries(secrets)
    .filter(([, value]) => value)
    .flatMap(([name, value]) => needlesOf(name, value));
  return {
    scan(text) {
      const lower = text.toLowerCase();
      const found = new Map<string, Finding>();
      for (const needle of needles) {
        if ((needle.caseSensitive ? text : lower).includes(needle.text))
          found.set(`${needle.secret}\0${needle.form}`, { secret: needle.secret, form: needle.form });
      }
      return [...found.values()];
    },
  };
}

// Value coercion for settings as the apps serve them: SABnzbd sends booleans as 0/1 or true/false and numbers as strings.

const TRUE_WORDS = new Set(["1", "true", "yes", "on", "enabled"]);
const FALSE_WORDS = new Set(["", "0", "false", "no", "off", "disabled", "none"]);
const SIZE_UNITS = ["", "K", "M", "G", "T", "P"];

/** Truthiness as a person reading the setting would see it: 0, "0", "false", "" and missing are all off. */
export function toBoolean(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value !== 0 && !Number.isNaN(value);
  if (typeof value === "string") {
    const word = value.trim().toLowerCase();
    if (TRUE_WORDS.has(word)) return true;
    if (FALSE_WORDS.has(word)) return false;
    return true;
  }
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/**
 * A number from a number, a boolean or a numeric string. Size strings such as SABnzbd's "512M" or "1G" are read in
 * binary units (as SABnzbd itself does), so a threshold can be written as "512M". Anything else is NaN.
 */
export function toNumber(value: unknown): number {
  if (typeof value === "number") return value;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value !== "string") return Number.NaN;
  const match = /^\s*(-?\d+(?:\.\d+)?)\s*([KMGTP])?B?\s*$/i.exec(value);
  if (!match?.[1]) return Number.NaN;
  const power = SIZE_UNITS.indexOf((match[2] ?? "").toUpperCase());
  return Number(match[1]) * 1024 ** power;
}

/** True for values that hold something: not missing, not "", not an empty list or object. */
export function isPresent(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === "string") return value.trim() !== "";
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === "object") return Object.keys(value).length > 0;
  return true;
}

/** Compares a setting with an expected scalar, coercing the setting to the expected value's type. */
export function sameValue(actual: unknown, expected: string | number | boolean, ignoreCase = false): boolean {
  if (typeof expected === "boolean") return actual !== undefined && actual !== null && toBoolean(actual) === expected;
  if (typeof expected === "number") return toNumber(actual) === expected;
  if (actual === null || actual === undefined || typeof actual === "object") return false;
  const text = String(actual);
  return ignoreCase ? text.toLowerCase() === expected.toLowerCase() : text === expected;
}

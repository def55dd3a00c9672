// What makes a new password acceptable, after NIST SP 800-63B (§5.1.1.2 of rev. 3, §3.1.1.2 of rev. 4): a length
// counted in code points of the NFKC form, any printable character (spaces and every script included), and a refusal of
// passwords an attacker tries first — the most common ones and those made of the account's own name or the service's.
import { COMMON_PASSWORDS } from "./common-passwords";

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 128;
/** A local part this short ("al@…") is in too many good passwords to refuse them for it. */
const MIN_LOCAL_PART_LENGTH = 3;
const SERVICE_NAME = "autoarr";

// Built on the first sign-up an isolate serves, not when it starts: most requests never choose a password.
let common: ReadonlySet<string> | undefined;
const isCommon = (folded: string) => (common ??= new Set(COMMON_PASSWORDS)).has(folded);

/** The form a password is measured, compared and hashed in, so the same password typed on another keyboard still matches. */
export function normalisePassword(password: string): string {
  return password.normalize("NFKC");
}

const comparable = (text: string) => normalisePassword(text).toLowerCase();

/** Why this password may not be chosen; empty when it may. Each reason reads after the word "Password". */
export function passwordProblems(password: string): string[] {
  const normalised = normalisePassword(password);
  const length = [...normalised].length;
  const problems: string[] = [];
  if (length < MIN_PASSWORD_LENGTH) problems.push(`must have at least ${MIN_PASSWORD_LENGTH} characters`);
  if (length > MAX_PASSWORD_LENGTH) problems.push(`must have at most ${MAX_PASSWORD_LENGTH} characters`);
  if (/\p{Cc}/u.test(normalised)) problems.push("contains a control character");
  if (length > 0 && /^\s+$/u.test(normalised)) problems.push("is only whitespace");
  const folded = normalised.toLowerCase();
  if (isCommon(folded)) problems.push("is one of the most common passwords");
  if (folded.includes(SERVICE_NAME)) problems.push("contains the name of this service");
  return problems;
}

/** Why this password may not be chosen for this email address, beyond passwordProblems. */
export function passwordProblemsForAccount(password: string, email: string): string[] {
  const localPart = comparable(email.slice(0, Math.max(0, email.lastIndexOf("@"))));
  if ([...localPart].length >= MIN_LOCAL_PART_LENGTH && comparable(password).includes(localPart)) {
    return ["contains the name of the email address"];
  }
  return [];
}

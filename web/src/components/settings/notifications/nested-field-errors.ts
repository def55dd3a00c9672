// The API's 400 issues for the fields of one nested object, such as ["config","botToken"] or ["quietHours","start"],
// keyed by that field; field-errors.ts only looks at the first path segment.
import { ApiError } from "../../../api/api-error";

export function nestedFieldErrors(error: unknown, parent: string): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const errors: Record<string, string> = {};
  for (const issue of error.fieldIssues()) {
    if (issue.path[0] !== parent || issue.path.length < 2) continue;
    const field = String(issue.path[1]);
    errors[field] ??= issue.message;
  }
  return errors;
}

/** An issue about the nested object as a whole (for example "give a key or URLs, not both"). */
export function wholeObjectError(error: unknown, parent: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  return error.fieldIssues().find((issue) => issue.path[0] === parent && issue.path.length === 1)?.message;
}

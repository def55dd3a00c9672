// The one error type the UI sees, built from the API's `{error:{code,message,details?}}` envelope or a network failure.

export type ErrorCode =
  | "invalid_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "payload_too_large"
  | "unsupported_media_type"
  | "rate_limited"
  | "upstream_unavailable"
  | "internal"
  | "network";

export type FieldIssue = { path: (string | number)[]; message: string };

export class ApiError extends Error {
  override readonly name = "ApiError";

  constructor(
    readonly status: number,
    readonly code: ErrorCode | string,
    message: string,
    readonly details?: unknown,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }

  get isNetworkFailure(): boolean {
    return this.code === "network";
  }

  fieldIssues(): FieldIssue[] {
    if (!Array.isArray(this.details)) return [];
    return this.details.filter(
      (issue): issue is FieldIssue => typeof issue === "object" && issue !== null && Array.isArray(issue.path) && typeof issue.message === "string",
    );
  }
}

const FALLBACK_MESSAGES: Record<number, string> = {
  401: "Your session has ended. Please sign in again.",
  403: "You do not have permission to do that.",
  404: "This is not available yet.",
  429: "Too many requests. Please wait a moment.",
  503: "A service is unavailable right now.",
};

export async function apiErrorFromResponse(response: Response): Promise<ApiError> {
  const retryAfter = Number(response.headers.get("Retry-After"));
  const retryAfterSeconds = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined;
  let envelope: unknown;
  try {
    envelope = await response.json();
  } catch {
    envelope = undefined;
  }
  const error = (envelope as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)?.error;
  const code = typeof error?.code === "string" ? error.code : codeForStatus(response.status);
  const message =
    typeof error?.message === "string" && error.message ? error.message : (FALLBACK_MESSAGES[response.status] ?? `Request failed (${response.status}).`);
  return new ApiError(response.status, code, message, error?.details, retryAfterSeconds);
}

function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 400:
      return "invalid_request";
    case 401:
      return "unauthorized";
    case 403:
      return "forbidden";
    case 404:
      return "not_found";
    case 409:
      return "conflict";
    case 413:
      return "payload_too_large";
    case 415:
      return "unsupported_media_type";
    case 429:
      return "rate_limited";
    case 503:
      return "upstream_unavailable";
    default:
      return "internal";
  }
}

export function networkError(): ApiError {
  return new ApiError(0, "network", "Can't reach AutoArr. Check your connection.");
}

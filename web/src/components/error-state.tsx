import { ApiError } from "../api/api-error";

function describe(error: unknown): { title: string; detail: string } {
  if (error instanceof ApiError) {
    if (error.isNetworkFailure) return { title: "Can't reach AutoArr", detail: "Check your connection and try again." };
    if (error.status === 404) return { title: "Not available yet", detail: "This part of AutoArr isn't switched on for your account yet." };
    if (error.status === 409) return { title: "Needs setting up first", detail: error.message };
    if (error.status === 503) return { title: "A service is unavailable", detail: error.message };
    if (error.status === 429) {
      const wait = error.retryAfterSeconds ? ` Try again in ${error.retryAfterSeconds} s.` : "";
      return { title: "Slow down a little", detail: `${error.message}${wait}` };
    }
    return { title: "Something went wrong", detail: error.message };
  }
  return { title: "Something went wrong", detail: "An unexpected error occurred." };
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { title, detail } = describe(error);
  return (
    <div className="state state--error" role="alert">
      <strong>{title}</strong>
      <p>{detail}</p>
      {onRetry ? (
        <button type="button" className="secondary outline" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}

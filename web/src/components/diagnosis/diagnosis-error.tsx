// The diagnosis's problem answers in words: what was asked could not be read (400), the item is gone (404), and the
// rest as every screen shows them (ErrorState: setup needed, a service down, slow down, offline).
import { ApiError } from "../../api/api-error";
import { ErrorState } from "../error-state";

export function DiagnosisError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  if (error instanceof ApiError && (error.status === 400 || error.status === 404)) {
    const issues = error.fieldIssues();
    return (
      <div className="state state--error" role="alert">
        <strong>{error.status === 404 ? "AutoArr can't find it" : "AutoArr couldn't tell what to look for"}</strong>
        <p>{error.message}</p>
        {issues.length > 0 ? (
          <ul>
            {issues.map((issue) => (
              <li key={`${issue.path.join(".")}:${issue.message}`}>{issue.message}</li>
            ))}
          </ul>
        ) : null}
        <button type="button" className="secondary outline" onClick={onRetry}>
          Try again
        </button>
      </div>
    );
  }
  return <ErrorState error={error} onRetry={onRetry} />;
}

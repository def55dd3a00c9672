import { ApiError } from "../api/api-error";

export function FormAlert({ error }: { error: unknown }) {
  if (!error) return null;
  const message = error instanceof ApiError ? error.message : "Something went wrong. Please try again.";
  return (
    <p className="form-alert" role="alert">
      {message}
    </p>
  );
}

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useLocation } from "wouter";
import { signIn } from "../api/auth.api";
import { ApiError } from "../api/api-error";
import type { FailedSignInsNotice } from "../api/api-types";
import { FormAlert } from "../components/form-alert";
import { PageHeading } from "../components/page-heading";
import { RelativeTime } from "../components/relative-time";
import { TextField } from "../components/text-field";

/** Shown once, right after signing in: the server tells of failed attempts only in that one answer. */
function FailedSignIns({ notice, onContinue }: { notice: FailedSignInsNotice; onContinue: () => void }) {
  const attempts = notice.failedSignIns === 1 ? "1 failed sign-in attempt" : `${notice.failedSignIns} failed sign-in attempts`;
  return (
    <article className="auth-card">
      <PageHeading title="Signed in" />
      <p role="alert">
        There were {attempts} on your account since your last sign-in, the first <RelativeTime iso={notice.since} />. If that wasn't you, someone may be trying
        to guess your password.
      </p>
      <button type="button" onClick={onContinue}>
        Continue
      </button>
    </article>
  );
}

export default function SignInScreen() {
  const [, navigate] = useLocation();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [notice, setNotice] = useState<FailedSignInsNotice>();
  const goHome = () => navigate("/", { replace: true });
  const mutation = useMutation({ mutationFn: signIn, onSuccess: (session) => (session.notice ? setNotice(session.notice) : goHome()) });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate({ email, password });
  };

  if (notice) return <FailedSignIns notice={notice} onContinue={goHome} />;
  const wrongCredentials = mutation.error instanceof ApiError && mutation.error.status === 401;
  return (
    <article className="auth-card">
      <PageHeading title="Sign in" />
      <form onSubmit={submit}>
        <TextField label="Email" type="email" name="email" autoComplete="email" required value={email} onChange={(event) => setEmail(event.target.value)} />
        <TextField
          label="Password"
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        {wrongCredentials ? (
          <p className="form-alert" role="alert">
            That email and password don't match an account.
          </p>
        ) : (
          <FormAlert error={mutation.error} />
        )}
        <button type="submit" aria-busy={mutation.isPending || undefined} disabled={mutation.isPending}>
          Sign in
        </button>
      </form>
      <p>
        New to AutoArr? <Link href="/sign-up">Create an account</Link>
      </p>
    </article>
  );
}

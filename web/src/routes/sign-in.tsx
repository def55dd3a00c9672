import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useLocation } from "wouter";
import { signIn } from "../api/auth.api";
import { ApiError } from "../api/api-error";
import { FormAlert } from "../components/form-alert";
import { PageHeading } from "../components/page-heading";
import { TextField } from "../components/text-field";

export default function SignInScreen() {
  const [, navigate] = useLocation();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const mutation = useMutation({ mutationFn: signIn, onSuccess: () => navigate("/", { replace: true }) });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate({ email, password });
  };

  const wrongCredentials = mutation.error instanceof ApiError && mutation.error.status === 401;
  return (
    <article className="auth-card">
      <PageHeading title="Sign in" />
      <form onSubmit={submit}>
        <TextField label="Email" type="email" name="email" autoComplete="email" required value={email} onChange={(event) => setEmail(event.target.value)} />
        <TextField label="Password" type="password" name="password" autoComplete="current-password" required value={password} onChange={(event) => setPassword(event.target.value)} />
        {wrongCredentials ? (
          <p className="form-alert" role="alert">That email and password don't match an account.</p>
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

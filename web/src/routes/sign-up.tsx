import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useLocation } from "wouter";
import { register } from "../api/auth.api";
import { fieldErrors } from "../components/field-errors";
import { FormAlert } from "../components/form-alert";
import { PageHeading } from "../components/page-heading";
import { TextField } from "../components/text-field";

export default function SignUpScreen() {
  const [, navigate] = useLocation();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [tenantName, setTenantName] = useState("");
  const mutation = useMutation({ mutationFn: register, onSuccess: () => navigate("/", { replace: true }) });
  const errors = fieldErrors(mutation.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate({ email, password, tenantName });
  };

  return (
    <article className="auth-card">
      <PageHeading title="Create your account" />
      <form onSubmit={submit}>
        <TextField
          label="Household name"
          name="tenantName"
          autoComplete="organization"
          required
          maxLength={100}
          hint="Shown to everyone you share AutoArr with."
          error={errors.tenantName}
          value={tenantName}
          onChange={(event) => setTenantName(event.target.value)}
        />
        <TextField
          label="Email"
          type="email"
          name="email"
          autoComplete="email"
          required
          error={errors.email}
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <TextField
          label="Password"
          type="password"
          name="password"
          autoComplete="new-password"
          required
          minLength={8}
          maxLength={256}
          hint="At least 8 characters."
          error={errors.password}
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <FormAlert error={mutation.error} />
        <button type="submit" aria-busy={mutation.isPending || undefined} disabled={mutation.isPending}>
          Create account
        </button>
      </form>
      <p>
        Already have an account? <Link href="/sign-in">Sign in</Link>
      </p>
    </article>
  );
}

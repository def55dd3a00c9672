import type { ReactNode } from "react";
import { Redirect } from "wouter";
import { useIsSignedIn } from "../hooks/use-session";

export function RequireSession({ children }: { children: ReactNode }) {
  return useIsSignedIn() ? <>{children}</> : <Redirect to="/sign-in" replace />;
}

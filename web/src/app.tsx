// Routing: public sign-in screens, and every other screen inside the signed-in shell, each loaded on demand.
import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from "react";
import { Redirect, Route, Switch } from "wouter";
import { AppShell, PublicShell } from "./components/app-shell";
import { LiveConnectionProvider } from "./components/live-connection-provider";
import { RequireSession } from "./components/require-session";
import { SkeletonList } from "./components/skeleton";
import { useIsSignedIn } from "./hooks/use-session";

const SignInScreen = lazy(() => import("./routes/sign-in"));
const SignUpScreen = lazy(() => import("./routes/sign-up"));
const HomeScreen = lazy(() => import("./routes/home"));
const AuditScreen = lazy(() => import("./routes/audit"));
const RequestsScreen = lazy(() => import("./routes/requests"));
const ActivityScreen = lazy(() => import("./routes/activity"));
const SettingsScreen = lazy(() => import("./routes/settings"));
const NotFoundScreen = lazy(() => import("./routes/not-found"));

const SIGNED_IN_ROUTES: [string, LazyExoticComponent<ComponentType>][] = [
  ["/", HomeScreen],
  ["/audit", AuditScreen],
  ["/requests", RequestsScreen],
  ["/activity", ActivityScreen],
  ["/settings", SettingsScreen],
];

const screenFallback = <SkeletonList rows={4} rowHeight={72} label="Loading screen" />;

function PublicOnly({ children }: { children: React.ReactNode }) {
  return useIsSignedIn() ? (
    <Redirect to="/" replace />
  ) : (
    <PublicShell>
      <Suspense fallback={screenFallback}>{children}</Suspense>
    </PublicShell>
  );
}

function SignedInApp() {
  return (
    <RequireSession>
      <LiveConnectionProvider>
        <AppShell>
          <Suspense fallback={screenFallback}>
            <Switch>
              {SIGNED_IN_ROUTES.map(([path, Screen]) => (
                <Route key={path} path={path} component={Screen} />
              ))}
              <Route component={NotFoundScreen} />
            </Switch>
          </Suspense>
        </AppShell>
      </LiveConnectionProvider>
    </RequireSession>
  );
}

export function App({ queryClient }: { queryClient: QueryClient }) {
  return (
    <QueryClientProvider client={queryClient}>
      <Switch>
        <Route path="/sign-in">
          <PublicOnly>
            <SignInScreen />
          </PublicOnly>
        </Route>
        <Route path="/sign-up">
          <PublicOnly>
            <SignUpScreen />
          </PublicOnly>
        </Route>
        <Route>
          <SignedInApp />
        </Route>
      </Switch>
    </QueryClientProvider>
  );
}

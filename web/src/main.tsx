import { sessionRefreshSent } from "./start-session-refresh";
import "@picocss/pico/css/pico.min.css";
import "./styles/app.css";
import "./styles/overview.css";
import { onlineManager } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { healthQuery, queueQuery } from "./api/health.api";
import { overviewQuery } from "./api/overview.api";
import { createQueryClient } from "./api/query-client";
import { tokenStore } from "./api/token-store";
import { App } from "./app";

const container = document.getElementById("root");
if (!container) throw new Error("AutoArr needs a #root element to mount into.");

// TanStack Query assumes it starts online; a PWA opened offline must start paused instead of failing every query.
onlineManager.setOnline(navigator.onLine);

const queryClient = createQueryClient();
// Home is the screen most visits open: its first answers are asked for as soon as the session's refresh (started by
// the first import) has answered, instead of once Home's chunk has loaded and rendered.
if (window.location.pathname === "/" && tokenStore.isSignedIn()) {
  void queryClient.prefetchQuery(healthQuery());
  void queryClient.prefetchQuery(queueQuery());
  void queryClient.prefetchQuery(overviewQuery());
}

// Rendering waits for the session's refresh to be sent, at most a moment (another tab may hold the refresh lock).
const FIRST_RENDER_WAIT_MS = 50;
void Promise.race([sessionRefreshSent, new Promise((resolve) => setTimeout(resolve, FIRST_RENDER_WAIT_MS))]).then(() => {
  createRoot(container).render(
    <StrictMode>
      <App queryClient={queryClient} />
    </StrictMode>,
  );
});

import "@picocss/pico/css/pico.min.css";
import "./styles/app.css";
import "./styles/overview.css";
import { onlineManager } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createQueryClient } from "./api/query-client";
import { App } from "./app";

const container = document.getElementById("root");
if (!container) throw new Error("AutoArr needs a #root element to mount into.");

// TanStack Query assumes it starts online; a PWA opened offline must start paused instead of failing every query.
onlineManager.setOnline(navigator.onLine);

createRoot(container).render(
  <StrictMode>
    <App queryClient={createQueryClient()} />
  </StrictMode>,
);

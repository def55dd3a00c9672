import "@picocss/pico/css/pico.min.css";
import "./styles/app.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createQueryClient } from "./api/query-client";
import { App } from "./app";

const container = document.getElementById("root");
if (!container) throw new Error("AutoArr needs a #root element to mount into.");

createRoot(container).render(
  <StrictMode>
    <App queryClient={createQueryClient()} />
  </StrictMode>,
);

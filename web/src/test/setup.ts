import { cleanup, configure } from "@testing-library/react";
import { afterEach, vi } from "vitest";
import { tokenStore } from "../api/token-store";

// Lazy routes and queries settle slower on a loaded 2-core CI machine than the 1 s default allows.
configure({ asyncUtilTimeout: 5_000 });

afterEach(() => {
  cleanup();
  tokenStore.clear();
  localStorage.clear();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

// axe probes canvas for icon-font checks; jsdom has none and would log a "not implemented" error.
HTMLCanvasElement.prototype.getContext = (() => null) as typeof HTMLCanvasElement.prototype.getContext;

import { cleanup } from "@testing-library/react";
import { afterEach, vi } from "vitest";
import { tokenStore } from "../api/token-store";

afterEach(() => {
  cleanup();
  tokenStore.clear();
  localStorage.clear();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

// axe probes canvas for icon-font checks; jsdom has none and would log a "not implemented" error.
HTMLCanvasElement.prototype.getContext = (() => null) as typeof HTMLCanvasElement.prototype.getContext;

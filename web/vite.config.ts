import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import { VitePWA } from "vite-plugin-pwa";
import { initialJsBudget } from "./vite-plugins/initial-js-budget.ts";

const BACKEND = "http://127.0.0.1:8787";
const THEME_COLOR = "#0172ad";
const INITIAL_JS_BUDGET_KB = 150;

export default defineConfig({
  plugins: [
    react(),
    VitePWA({
      registerType: "autoUpdate",
      injectRegister: "script-defer",
      includeAssets: ["icon.svg", "apple-touch-icon.png"],
      manifest: {
        name: "AutoArr",
        short_name: "AutoArr",
        description: "Keeps your SABnzbd, Sonarr, Radarr and Plex healthy, and adds what you want to watch.",
        theme_color: THEME_COLOR,
        background_color: "#ffffff",
        display: "standalone",
        start_url: "/",
        scope: "/",
        icons: [
          { src: "/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
          { src: "/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
          { src: "/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
          { src: "/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" },
        ],
      },
      workbox: {
        globPatterns: ["**/*.{js,css,html,svg,png,webmanifest}"],
        // Web push (public/push-handler.js): imported by the generated worker, and precached by the pattern above, so
        // a change to it changes the worker's precache manifest and so updates the worker.
        importScripts: ["/push-handler.js"],
        navigateFallback: "/index.html",
        navigateFallbackDenylist: [/^\/api(\/|$)/, /^\/health(\/|$)/, /^\/ping(\/|$)/, /^\/mcp(\/|$)/, /^\/metrics(\/|$)/],
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
      },
    }),
    initialJsBudget(INITIAL_JS_BUDGET_KB),
  ],
  server: {
    proxy: {
      "/api": { target: BACKEND, ws: true, changeOrigin: true },
      "/health": { target: BACKEND, changeOrigin: true },
      "/ping": { target: BACKEND, changeOrigin: true },
    },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: false,
  },
});

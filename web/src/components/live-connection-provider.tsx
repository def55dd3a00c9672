// Holds the one tenant WebSocket for the signed-in app and feeds its events into the query cache.
// The event schema (and zod with it) loads after first paint, keeping it out of the initial JavaScript.
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState, type ReactNode } from "react";
import { freshAccessToken } from "../api/http-client";
import { LiveSocket, liveSocketUrl, type LiveStatus } from "../api/live-socket";
import { tokenStore } from "../api/token-store";
import { LiveConnectionContext } from "../hooks/use-live-connection";

export function LiveConnectionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const [announcement, setAnnouncement] = useState("");

  useEffect(() => {
    let socket: LiveSocket | null = null;
    let disposed = false;
    const goOnline = () => (socket?.isStarted() ? socket.reconnectNow() : socket?.start());
    const goOffline = () => socket?.markOffline();

    void import("../api/live-events").then(({ parseLiveEvent, applyLiveEvent, catchUpAfterReconnect }) => {
      if (disposed) return;
      socket = new LiveSocket({
        url: liveSocketUrl(window.location),
        accessToken: freshAccessToken,
        forgetAccessToken: tokenStore.forgetAccessToken,
        onStatus: setStatus,
        onMessage: (data) => {
          const event = parseLiveEvent(data);
          const message = event ? applyLiveEvent(queryClient, event) : null;
          if (message) setAnnouncement(message);
        },
        onReconnected: () => catchUpAfterReconnect(queryClient),
      });
      if (navigator.onLine) socket.start();
      else setStatus("offline");
    });
    window.addEventListener("online", goOnline);
    window.addEventListener("offline", goOffline);
    return () => {
      disposed = true;
      window.removeEventListener("online", goOnline);
      window.removeEventListener("offline", goOffline);
      socket?.stop();
    };
  }, [queryClient]);

  return <LiveConnectionContext.Provider value={{ status, announcement }}>{children}</LiveConnectionContext.Provider>;
}

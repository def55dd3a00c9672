// Holds the one tenant WebSocket for the signed-in app and feeds its events into the query cache.
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState, type ReactNode } from "react";
import { freshAccessToken } from "../api/http-client";
import { applyLiveEvent, catchUpAfterReconnect } from "../api/live-events";
import { LiveSocket, liveSocketUrl, type LiveStatus } from "../api/live-socket";
import { tokenStore } from "../api/token-store";
import { LiveConnectionContext } from "../hooks/use-live-connection";

export function LiveConnectionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const [announcement, setAnnouncement] = useState("");

  useEffect(() => {
    const socket = new LiveSocket({
      url: liveSocketUrl(window.location),
      accessToken: freshAccessToken,
      forgetAccessToken: tokenStore.forgetAccessToken,
      onStatus: setStatus,
      onEvent: (event) => {
        const message = applyLiveEvent(queryClient, event);
        if (message) setAnnouncement(message);
      },
      onReconnected: () => catchUpAfterReconnect(queryClient),
    });
    const goOnline = () => socket.reconnectNow();
    const goOffline = () => socket.markOffline();
    window.addEventListener("online", goOnline);
    window.addEventListener("offline", goOffline);
    if (navigator.onLine) socket.start();
    else {
      setStatus("offline");
      window.addEventListener("online", () => socket.start(), { once: true });
    }
    return () => {
      window.removeEventListener("online", goOnline);
      window.removeEventListener("offline", goOffline);
      socket.stop();
    };
  }, [queryClient]);

  return <LiveConnectionContext.Provider value={{ status, announcement }}>{children}</LiveConnectionContext.Provider>;
}

// Which web push channel is this browser. The API shows a subscription's endpoint only as its last characters, so the
// channel id the server answered with when this device subscribed is kept here, and trusted only while the browser
// still holds a subscription.
import { useCallback, useEffect, useState } from "react";
import { thisDeviceEndpoint } from "../../../api/push-subscription";

const STORAGE_KEY = "autoarr-push-channel";

function storedChannelId(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/** The channel id in the answer to POST /push/subscriptions, whether it is the channel itself or `{ channel }`. */
export function channelIdFromAnswer(answer: unknown): string | null {
  if (typeof answer !== "object" || answer === null) return null;
  const candidate = "channel" in answer ? (answer as { channel: unknown }).channel : answer;
  if (typeof candidate !== "object" || candidate === null || !("id" in candidate)) return null;
  const id = (candidate as { id: unknown }).id;
  return typeof id === "string" && id ? id : null;
}

export function useThisDeviceChannel() {
  const [subscribed, setSubscribed] = useState<boolean | null>(null);
  const [channelId, setChannelId] = useState<string | null>(storedChannelId);

  useEffect(() => {
    let current = true;
    thisDeviceEndpoint()
      .then((endpoint) => current && setSubscribed(endpoint !== null))
      .catch(() => current && setSubscribed(false));
    return () => {
      current = false;
    };
  }, []);

  const remember = useCallback((id: string | null) => {
    setSubscribed(true);
    setChannelId(id);
    try {
      if (id) localStorage.setItem(STORAGE_KEY, id);
      else localStorage.removeItem(STORAGE_KEY);
    } catch {
      // Private mode without storage: the list just won't mark this device.
    }
  }, []);

  const forget = useCallback(() => {
    setSubscribed(false);
    setChannelId(null);
    try {
      localStorage.removeItem(STORAGE_KEY);
    } catch {
      // Nothing stored to remove.
    }
  }, []);

  return { subscribed, channelId: subscribed ? channelId : null, remember, forget };
}

export type ThisDeviceChannel = ReturnType<typeof useThisDeviceChannel>;

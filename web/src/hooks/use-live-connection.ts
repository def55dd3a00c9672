import { createContext, useContext } from "react";
import type { LiveStatus } from "../api/live-socket";

export type LiveConnection = { status: LiveStatus; announcement: string };

export const LiveConnectionContext = createContext<LiveConnection>({ status: "connecting", announcement: "" });

export const useLiveConnection = (): LiveConnection => useContext(LiveConnectionContext);

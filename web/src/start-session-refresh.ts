// main.tsx's first import, so it runs before React and the app's modules are evaluated: the refresh's cross-tab lock
// is asked for before anything else takes the main thread, and the refresh is on the wire while the screen's chunk
// loads. The first render waits for that (briefly, see main.tsx): rendered first, it would hold the lock's answer back.
import { refreshSessionAtStart } from "./api/http-client";

export const sessionRefreshSent = refreshSessionAtStart();

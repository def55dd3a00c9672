// The web's one door to @autoarr/contract: zod is told not to compile with `new Function` before the contract builds
// any schema (see zod-without-eval.ts), whichever screen imports it first.
import "./zod-without-eval";

export { APP_IDS, APP_REGISTRY, type AppId, type BreakerKey, isAppId, ServerEvent } from "@autoarr/contract";

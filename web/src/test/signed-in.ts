import { tokenStore } from "../api/token-store";
import { session } from "./mock-api";

export function signInForTest(): void {
  tokenStore.save(session());
}

// Which item of a list has its details open, and the button that opened them. Kept by the list, not the row, so the
// dialog stays open when live updates move or drop that row.
import { useCallback, useState } from "react";

export function useDetailsTarget<T>() {
  const [state, setState] = useState<{ item: T; opener: HTMLElement | null } | null>(null);
  const show = useCallback((item: T, opener: HTMLElement | null) => setState({ item, opener }), []);
  const hide = useCallback(() => setState(null), []);
  return { item: state?.item ?? null, opener: state?.opener ?? null, show, hide };
}

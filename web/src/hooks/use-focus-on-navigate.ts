import { useEffect, useRef } from "react";
import { useLocation } from "wouter";

// After client-side navigation, screen readers and keyboards would otherwise stay on the link that was used.
export function useFocusMainOnNavigate(): void {
  const [location] = useLocation();
  const previous = useRef(location);
  useEffect(() => {
    if (previous.current === location) return;
    previous.current = location;
    document.getElementById("main")?.focus();
  }, [location]);
}

import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { useLocation } from "wouter";
import { signOut } from "../api/auth.api";

export function useSignOut(): () => Promise<void> {
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  return useCallback(async () => {
    await signOut();
    queryClient.clear();
    navigate("/sign-in", { replace: true });
  }, [queryClient, navigate]);
}

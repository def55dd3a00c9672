// Request and response shapes for sign-up, sign-in and sessions.
import { z } from "@hono/zod-openapi";

const Email = z.string().trim().toLowerCase().pipe(z.email().max(254)).openapi({ example: "you@example.com" });
const Password = z.string().min(8, "Use at least 8 characters").max(256).openapi({ example: "correct horse battery" });

export const RegisterBody = z
  .object({ email: Email, password: Password, tenantName: z.string().trim().min(1).max(100).openapi({ example: "Home lab" }) })
  .strict()
  .openapi("RegisterRequest");

export const LoginBody = z
  .object({ email: Email, password: z.string().min(1).max(256) })
  .strict()
  .openapi("LoginRequest");

export const RefreshBody = z.object({ refreshToken: z.string().min(16).max(200) }).strict().openapi("RefreshRequest");

export const UserSummary = z.object({ id: z.string(), email: z.string() }).openapi("User");
export const TenantSummary = z.object({ id: z.string(), name: z.string() }).openapi("Tenant");
export const Role = z.enum(["owner", "member"]);

export const SessionResponse = z
  .object({
    accessToken: z.string(),
    refreshToken: z.string(),
    tokenType: z.literal("Bearer"),
    expiresIn: z.number().int().openapi({ description: "Access token lifetime in seconds" }),
    user: UserSummary,
    tenant: TenantSummary,
    role: Role,
  })
  .openapi("Session");

export const MeResponse = z.object({ user: UserSummary, tenant: TenantSummary, role: Role }).openapi("Me");

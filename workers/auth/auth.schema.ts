// Request and response shapes for sign-up, sign-in and sessions.
import { z } from "@hono/zod-openapi";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, passwordProblems, passwordProblemsForAccount } from "./password-policy.logic";

const Email = z.string().trim().toLowerCase().pipe(z.email().max(254)).openapi({ example: "you@example.com" });
/** A new password: see services/password-policy.ts. Sign-in takes any password up to 256 characters, chosen before these rules too. */
const NewPassword = z
  .string()
  .max(MAX_PASSWORD_LENGTH * 4)
  .superRefine((password, ctx) => {
    for (const problem of passwordProblems(password)) ctx.addIssue({ code: "custom", message: `Password ${problem}` });
  })
  .openapi({
    example: "correct horse battery staple",
    description: `${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters (Unicode code points after NFKC normalisation); spaces and any script welcome; no control characters, not only whitespace, not one of the most common passwords, not containing the email address's name or the service's`,
  });

export const RegisterBody = z
  .object({ email: Email, password: NewPassword, tenantName: z.string().trim().min(1).max(100).openapi({ example: "Home lab" }) })
  .strict()
  .superRefine(({ email, password }, ctx) => {
    for (const problem of passwordProblemsForAccount(password, email)) ctx.addIssue({ code: "custom", path: ["password"], message: `Password ${problem}` });
  })
  .openapi("RegisterRequest");

export const LoginBody = z
  .object({ email: Email, password: z.string().min(1).max(256) })
  .strict()
  .openapi("LoginRequest");

export const RefreshBody = z
  .object({
    refreshToken: z.string().min(16).max(200).optional().openapi({ description: "Omit in cookie mode: the autoarr_refresh cookie carries it" }),
  })
  .strict()
  .openapi("RefreshRequest");

/** Cookie mode, for browsers: the refresh token travels only in the HttpOnly autoarr_refresh cookie (lib/refresh-cookie.ts). */
export const SessionModeHeaders = z.object({
  "x-autoarr-session": z
    .string()
    .optional()
    .openapi({
      param: { name: "x-autoarr-session", in: "header" },
      description:
        "`cookie`: the refresh token is set as the autoarr_refresh cookie (HttpOnly; Secure; SameSite=Strict; Path=/api/v1/auth) instead of returned in the body, and refresh and logout read it from there",
      example: "cookie",
    }),
});
export const RefreshCookie = z.object({
  autoarr_refresh: z
    .string()
    .optional()
    .openapi({
      param: { name: "autoarr_refresh", in: "cookie" },
      description: "The refresh token in cookie mode (read only with `X-AutoArr-Session: cookie` and from AutoArr's own origin)",
    }),
});

export const UserSummary = z.object({ id: z.string(), email: z.string() }).openapi("User");
export const TenantSummary = z.object({ id: z.string(), name: z.string() }).openapi("Tenant");
export const Role = z.enum(["owner", "member"]).openapi("Role");

export const FailedSignInsNotice = z
  .object({
    failedSignIns: z.number().int().positive(),
    since: z.string().openapi({ format: "date-time", description: "When the first of them was made" }),
  })
  .openapi("FailedSignInsNotice");

export const SessionResponse = z
  .object({
    accessToken: z.string(),
    refreshToken: z
      .string()
      .optional()
      .openapi({ description: "Absent in cookie mode (X-AutoArr-Session: cookie), where the autoarr_refresh cookie carries it" }),
    tokenType: z.literal("Bearer"),
    expiresIn: z.number().int().openapi({ description: "Access token lifetime in seconds" }),
    user: UserSummary,
    tenant: TenantSummary,
    role: Role,
    notice: FailedSignInsNotice.optional().openapi({
      description: "On sign-in only, when there were failed sign-ins since the last successful one: show it to the user once",
    }),
  })
  .openapi("Session");

export const MeResponse = z.object({ user: UserSummary, tenant: TenantSummary, role: Role }).openapi("Me");

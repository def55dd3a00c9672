// The shape of GET /api/v1/apps/links: where each app's own web UI is, for links to an item's page in the app.
import { APP_IDS, type AppId } from "@autoarr/contract";
import { z } from "@hono/zod-openapi";

export const AppWebUrl = z
  .object({
    webUrl: z.string().openapi({
      description: "The app's base URL as the connector reports it: http or https, origin and URL base, no trailing slash",
      example: "http://192.168.1.10:8989",
    }),
  })
  .openapi("AppWebUrl");

const perApp = Object.fromEntries(APP_IDS.map((app) => [app, AppWebUrl.optional()])) as Record<AppId, z.ZodOptional<typeof AppWebUrl>>;

export const AppLinks = z
  .object({
    apps: z.object(perApp).openapi({
      description: "Each app the connector has; an app it does not have is absent, and all are when the connector cannot be reached",
    }),
    cachedAt: z.string().openapi({ description: "When the connector was asked (answers are kept an hour)" }),
  })
  .openapi("AppLinks");

export type AppLinksBody = z.infer<typeof AppLinks>;

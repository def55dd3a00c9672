// Shapes of the API's own description endpoints.
import { z } from "@hono/zod-openapi";

export const ApiInfo = z.object({ name: z.literal("AutoArr API"), version: z.string(), openapi: z.string(), docs: z.string() }).openapi("ApiInfo");

export const Pong = z.object({ pong: z.literal(true), time: z.string() }).openapi("Pong");

// Webhook URLs follow the public-URL rule (workers/platform/public-url.ts): a tenant cannot point AutoArr's own
// requests at someone's internal network.
import { z } from "zod";
import { publicUrlProblem } from "../platform/public-url";

export { isPublicHttpsUrl } from "../platform/public-url";

export const publicWebhookUrl = z
  .string()
  .max(500)
  .superRefine((value, ctx) => {
    const problem = publicUrlProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: `Webhook URLs must be public https URLs: ${problem}` });
  });

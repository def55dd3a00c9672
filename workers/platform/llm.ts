// Asking Claude for one structured answer: a forced tool call whose input is checked with zod and refused when any
// text in it carries a link or markup. Never throws; callers fall back to their rules whenever the answer is missing,
// late, malformed, off-shape or linked.
import Anthropic from "@anthropic-ai/sdk";
import { z, type ZodType } from "zod";
import type { Env } from "./env";

export const DEFAULT_MODEL = "claude-sonnet-4-5";

export type StructuredAnswer<T> = { ok: true; value: T } | { ok: false; reason: string };

export interface StructuredQuestion<T> {
  system: string;
  user: string;
  toolName: string;
  description: string;
  schema: ZodType<T>;
  maxTokens: number;
  /** Paths in the answer (dotted, `*` for any one step, e.g. "recommendations.*.source.url") that may hold a URL;
   *  the caller vets those itself. Everywhere else a URL or markup is refused. */
  linksAllowedAt?: string[];
}

type LlmEnv = Pick<Env, "ANTHROPIC_API_KEY" | "ANTHROPIC_BASE_URL" | "ANTHROPIC_MODEL">;

export function llmConfigured(env: LlmEnv): boolean {
  return typeof env.ANTHROPIC_API_KEY === "string" && env.ANTHROPIC_API_KEY.trim() !== "";
}

/** Wraps untrusted text so the prompt can refer to it as data and nothing inside can close the wrapper, in any
 *  spelling a model might read as closing it (`</TAG>`, `</ tag >`). `tag` is AutoArr's own word, never data. */
export function asData(tag: string, text: string): string {
  const safe = text.replace(new RegExp(`<\\s*/\\s*${tag}\\s*>`, "gi"), `<\\/${tag}>`);
  return `<${tag}>\n${safe}\n</${tag}>`;
}

/** A URL or markup: how instructions planted in the data the model read would reach the user through its answer. */
const LINK_OR_MARKUP = /:\/\/|<\/?[a-z]|\bwww\./i;

/** The path of the first string in `value` that carries a link or markup outside the allowed paths. */
export function linkedText(value: unknown, allowed: readonly string[] = [], path: string[] = []): string | undefined {
  if (typeof value === "string") {
    const permitted = allowed.some((pattern) => {
      const steps = pattern.split(".");
      return steps.length === path.length && steps.every((step, i) => step === "*" || step === path[i]);
    });
    return !permitted && LINK_OR_MARKUP.test(value) ? path.join(".") || "(answer)" : undefined;
  }
  if (value === null || typeof value !== "object") return undefined;
  for (const [key, child] of Object.entries(value)) {
    const found = linkedText(child, allowed, [...path, key]);
    if (found !== undefined) return found;
  }
  return undefined;
}

function inputSchemaOf(schema: ZodType): Anthropic.Tool.InputSchema {
  const { $schema: _ignored, ...json } = z.toJSONSchema(schema, { io: "input" }) as Record<string, unknown>;
  return { ...json, type: "object" } as Anthropic.Tool.InputSchema;
}

export async function askForStructured<T>(env: LlmEnv, question: StructuredQuestion<T>): Promise<StructuredAnswer<T>> {
  if (!llmConfigured(env)) return { ok: false, reason: "no API key configured" };
  try {
    const client = new Anthropic({ apiKey: env.ANTHROPIC_API_KEY, baseURL: env.ANTHROPIC_BASE_URL || undefined, maxRetries: 1, timeout: 20_000 });
    const message = await client.messages.create({
      model: env.ANTHROPIC_MODEL || DEFAULT_MODEL,
      max_tokens: question.maxTokens,
      system: question.system,
      messages: [{ role: "user", content: question.user }],
      tools: [{ name: question.toolName, description: question.description, input_schema: inputSchemaOf(question.schema) }],
      tool_choice: { type: "tool", name: question.toolName },
    });
    const call = message.content.find((block) => block.type === "tool_use" && block.name === question.toolName);
    if (call?.type !== "tool_use") return { ok: false, reason: `the model did not call ${question.toolName}` };
    const checked = question.schema.safeParse(call.input);
    if (!checked.success)
      return {
        ok: false,
        reason: `the model's answer did not match the schema: ${checked.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
      };
    const linked = linkedText(checked.data, question.linksAllowedAt);
    if (linked !== undefined) return { ok: false, reason: `the model's answer carried a URL or markup in ${linked}` };
    return { ok: true, value: checked.data };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

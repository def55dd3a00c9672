// Asking Claude for one structured answer: a forced tool call whose input is checked with zod. Never throws;
// callers fall back to their rules whenever the answer is missing, late, malformed or off-shape.
import Anthropic from "@anthropic-ai/sdk";
import { z, type ZodType } from "zod";
import type { Env } from "../env";

export const DEFAULT_MODEL = "claude-sonnet-4-5";

export type StructuredAnswer<T> = { ok: true; value: T } | { ok: false; reason: string };

export interface StructuredQuestion<T> {
  system: string;
  user: string;
  toolName: string;
  description: string;
  schema: ZodType<T>;
  maxTokens: number;
}

type LlmEnv = Pick<Env, "ANTHROPIC_API_KEY" | "ANTHROPIC_BASE_URL" | "ANTHROPIC_MODEL">;

export function llmConfigured(env: LlmEnv): boolean {
  return typeof env.ANTHROPIC_API_KEY === "string" && env.ANTHROPIC_API_KEY.trim() !== "";
}

/** Wraps untrusted text so the prompt can refer to it as data and nothing inside can close the wrapper. */
export function asData(tag: string, text: string): string {
  const safe = text.replaceAll(`</${tag}>`, `<\\/${tag}>`);
  return `<${tag}>\n${safe}\n</${tag}>`;
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
    if (!call || call.type !== "tool_use") return { ok: false, reason: `the model did not call ${question.toolName}` };
    const checked = question.schema.safeParse(call.input);
    if (!checked.success) return { ok: false, reason: `the model's answer did not match the schema: ${checked.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}` };
    return { ok: true, value: checked.data };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

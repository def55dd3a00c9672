// A stand-in for Anthropic's Messages API (POST /v1/messages) that tests script through /__fake/script:
// answer a user message containing `match` with a forced tool call, an HTTP error or a malformed body.
// Anything unscripted gets a 400 invalid_request_error, which the SDK does not retry.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

type Response = { input: Record<string, unknown>; name?: string } | { status: number; message?: string } | { malformed: true } | { text: string };

interface Script {
  match: string;
  respond: Response;
}

interface MessagesRequest {
  model?: string;
  system?: string;
  messages?: { role: string; content: string | { type: string; text?: string }[] }[];
  tools?: { name: string }[];
  tool_choice?: { type: string; name?: string };
}

export interface ReceivedCall {
  apiKey: string | undefined;
  model: string | undefined;
  system: string | undefined;
  user: string;
  toolChoice: MessagesRequest["tool_choice"];
  toolNames: string[];
  answered: "scripted" | "unmatched";
}

async function readBody(req: IncomingMessage): Promise<string> {
  let text = "";
  for await (const chunk of req) text += chunk;
  return text;
}

function send(res: ServerResponse, status: number, body: unknown, raw?: string) {
  res.writeHead(status, { "Content-Type": "application/json", "request-id": `req_fake_${Date.now()}` });
  res.end(raw ?? JSON.stringify(body));
}

const apiError = (type: string, message: string) => ({ type: "error", error: { type, message } });

function userText(request: MessagesRequest): string {
  const last = [...(request.messages ?? [])].reverse().find((m) => m.role === "user");
  if (!last) return "";
  return typeof last.content === "string" ? last.content : last.content.map((part) => part.text ?? "").join("\n");
}

export async function startFakeAnthropic(): Promise<{ url: string; close(): Promise<void> }> {
  const scripts: Script[] = [];
  const calls: ReceivedCall[] = [];
  let counter = 0;

  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", "http://fake");
      if (url.pathname === "/__fake/script" && req.method === "POST") {
        const script = JSON.parse(await readBody(req)) as Script;
        if (typeof script.match !== "string" || script.match === "") return send(res, 400, { error: "match must be a non-empty string" });
        scripts.unshift(script);
        return send(res, 201, { scripted: scripts.length });
      }
      if (url.pathname === "/__fake/calls" && req.method === "GET") return send(res, 200, { calls });
      if (url.pathname !== "/v1/messages" || req.method !== "POST")
        return send(res, 404, apiError("not_found_error", `no route ${req.method} ${url.pathname}`));

      const request = JSON.parse(await readBody(req)) as MessagesRequest;
      const user = userText(request);
      // SDK 1.x sends the key as a bearer token; older clients send x-api-key.
      const apiKey = (req.headers["x-api-key"] as string | undefined) ?? /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
      const script = scripts.find((s) => user.includes(s.match));
      calls.push({
        apiKey,
        model: request.model,
        system: request.system,
        user,
        toolChoice: request.tool_choice,
        toolNames: (request.tools ?? []).map((t) => t.name),
        answered: script ? "scripted" : "unmatched",
      });
      if (!apiKey) return send(res, 401, apiError("authentication_error", "an API key is required (x-api-key or Authorization: Bearer)"));
      if (!script) return send(res, 400, apiError("invalid_request_error", "the fake Messages API has no script for this message"));

      const respond = script.respond;
      if ("status" in respond)
        return send(res, respond.status, apiError(respond.status >= 500 ? "api_error" : "invalid_request_error", respond.message ?? "scripted failure"));
      if ("malformed" in respond) return send(res, 200, null, '{"id": "msg_fake", "type": "message", "content": [');
      counter++;
      const content =
        "text" in respond
          ? [{ type: "text", text: respond.text }]
          : [
              {
                type: "tool_use",
                id: `toolu_fake_${counter}`,
                name: respond.name ?? request.tool_choice?.name ?? request.tools?.[0]?.name ?? "tool",
                input: respond.input,
              },
            ];
      return send(res, 200, {
        id: `msg_fake_${counter}`,
        type: "message",
        role: "assistant",
        model: request.model ?? "claude-fake",
        content,
        stop_reason: "text" in respond ? "end_turn" : "tool_use",
        stop_sequence: null,
        usage: { input_tokens: Math.ceil(user.length / 4) + 200, output_tokens: 40, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 },
      });
    } catch (error) {
      return send(res, 500, apiError("api_error", error instanceof Error ? error.message : String(error)));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

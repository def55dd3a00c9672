// Starts a named Sonarr/Radarr command (POST /api/v3/command) and reports its id for polling.
import { z } from "zod";
import { defineTool, outcome, WRITE, type ToolSpec } from "../../tools/tool.js";
import type { ArrApi } from "./arr.api.js";
import type { ArrFlavor } from "./arr.tools.js";
import { commandSchema, obj, projectCommand, type Raw } from "./arr.types.js";

export interface CommandDefinition {
  /** Builds the command body from the tool input, or returns an error message when an id is missing. */
  body(input: { seriesId?: number | undefined; episodeIds?: number[] | undefined; movieIds?: number[] | undefined }): Raw | string;
  summary: string;
}

export function arrCommandTool(flavor: ArrFlavor, api: ArrApi, commands: Record<string, CommandDefinition>, idInputs: z.ZodRawShape): ToolSpec {
  const names = Object.keys(commands) as [string, ...string[]];
  const help = names.map((name) => `${name}: ${commands[name]?.summary ?? ""}`).join("; ");
  return defineTool({
    app: flavor.app,
    name: `${flavor.app}_command`,
    title: `Run a ${flavor.appName} command`,
    annotations: WRITE,
    description: `Starts a ${flavor.appName} command and returns its id; poll it with ${flavor.app}_command_status. Commands: ${help}.`,
    input: { name: z.enum(names).describe("Command to run"), ...idInputs },
    output: commandSchema,
    run: async (input: Raw) => {
      const definition = commands[String(input.name)];
      const body = definition?.body(input as never) ?? "Unknown command";
      if (typeof body === "string") return { ok: false, failure: { kind: "app", message: body } };
      return outcome(await api.call<Raw>({ method: "POST", path: "command", body: { name: input.name, ...body } }), (raw) => {
        const data = projectCommand(obj(raw));
        return { data, text: `${flavor.appName} started ${data.name} as command ${data.id} (${data.status})` };
      });
    },
  });
}

// Starts a named Sonarr/Radarr command (POST /api/v3/command) and reports its id for polling.
import type { ArrCommonTools, ToolRef } from "@autoarr/contract";
import type { z } from "zod";
import { defineTool, outcome, WRITE, type ToolSpec } from "../../tools/tool.js";
import type { ArrApi } from "./arr.api.js";
import type { ArrFlavor } from "./arr.tools.js";
import { obj, projectCommand, type Raw } from "./arr.types.js";

export interface CommandDefinition {
  /** Builds the command body from the tool input, or returns an error message when an id is missing. */
  body(input: { seriesId?: number | undefined; episodeIds?: number[] | undefined; movieIds?: number[] | undefined }): Raw | string;
  summary: string;
}

/** A `<app>_command` ref: a `name` among the app's commands, the ids they take, and the started command as output. */
type CommandRef = ToolRef<string, { name: z.ZodEnum } & z.ZodRawShape, ArrCommonTools["commandStatus"]["output"]>;

/** One definition for every command the ref's `name` enum lists (a command missing here is a compile error). */
export type CommandDefinitions<R extends CommandRef> = Record<z.output<R["input"]["name"]> & string, CommandDefinition>;

export function arrCommandTool<R extends CommandRef>(flavor: ArrFlavor, api: ArrApi, ref: R, commands: CommandDefinitions<R>): ToolSpec {
  const definitions: Record<string, CommandDefinition> = commands;
  const names = Object.keys(definitions);
  const help = names.map((name) => `${name}: ${definitions[name]?.summary ?? ""}`).join("; ");
  return defineTool(ref as CommandRef, {
    title: `Run a ${flavor.appName} command`,
    annotations: WRITE,
    description: `Starts a ${flavor.appName} command and returns its id; poll it with ${flavor.app}_command_status. Commands: ${help}.`,
    run: async (input) => {
      const definition = definitions[String(input.name)];
      const body = definition?.body(input as never) ?? "Unknown command";
      if (typeof body === "string") return { ok: false, failure: { kind: "app", message: body } };
      return outcome(await api.call<Raw>({ method: "POST", path: "command", body: { name: input.name, ...body } }), (raw) => {
        const data = projectCommand(obj(raw));
        return { data, text: `${flavor.appName} started ${data.name} as command ${data.id} (${data.status})` };
      });
    },
  });
}

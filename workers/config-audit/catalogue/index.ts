// The best-practices catalogue: the JSON rule files, validated against the rule schema when the module loads.
import { z } from "zod";
import { ruleSchema, type App, type Rule } from "../rule.schema";
import plex from "./plex.json";
import prowlarr from "./prowlarr.json";
import radarr from "./radarr.json";
import sabnzbd from "./sabnzbd.json";
import sonarr from "./sonarr.json";

const RULE_FILES: Record<App, unknown> = { sabnzbd, sonarr, radarr, plex, prowlarr };

/** Parses rule files; a malformed rule fails loudly with its file and index, never silently. */
export function loadCatalogue(files: Record<string, unknown>): Rule[] {
  return Object.entries(files).flatMap(([file, rules]) => {
    const parsed = z.array(ruleSchema).safeParse(rules);
    if (!parsed.success) throw new Error(`Invalid best-practice rules in ${file}.json: ${z.prettifyError(parsed.error)}`);
    const misfiled = parsed.data.find((rule) => rule.app !== file);
    if (misfiled) throw new Error(`Rule ${misfiled.id} is in ${file}.json but belongs to ${misfiled.app}`);
    return parsed.data;
  });
}

export const CATALOGUE: readonly Rule[] = Object.freeze(loadCatalogue(RULE_FILES));

// A best-practice rule as data: what it reads, the check, the recommended value, how to fix it, why, and its source.
import { type APP_REGISTRY, type AppId, appsWith } from "@autoarr/contract";
import { z } from "zod";
import { checkSchema, pathSchema, pathsOf } from "./check.schema";
import { parsePath } from "./path";

export { checkSchema, pathSchema, type Check } from "./check.schema";

/** The apps the registry lists for the configuration audit; a type, so that a `Record<App, …>` needs each one. */
export type App = { [A in AppId]: "config-audit" extends (typeof APP_REGISTRY)[A]["capabilities"][number] ? A : never }[AppId];
export const APPS = appsWith("config-audit") as readonly App[];
export const appSchema = z.enum(APPS as [App, ...App[]]);
const appNames = APPS.join("|");

export const PRIORITIES = ["high", "medium", "low"] as const;
export type Priority = (typeof PRIORITIES)[number];
/** Stored as an integer so an index can order by it (best_practices.priority, recommendations.priority). */
export const PRIORITY_WEIGHT: Record<Priority, 3 | 2 | 1> = { high: 3, medium: 2, low: 1 };

export const CATEGORIES = ["security", "data-loss", "performance", "efficiency", "quality-of-life"] as const;

/**
 * Arguments for a connector tool call. Strings may hold placeholders: `{{recommended}}`, `{{@.name}}` (the item of a
 * forEach rule) or `{{<path>}}` (a value from the snapshot). A string that is only a placeholder keeps the value's type.
 */
const argumentsSchema = z.record(z.string(), z.json());

const toolSchema = z.string().regex(new RegExp(`^(${appNames})_[a-z_]+$`), "a connector tool name such as sonarr_config_update");

/** One setting a fix writes. A fix that needs several settings changed lists them all: applied, recorded and rolled back as one. */
export const writeSchema = z.strictObject({
  setting: z.string().min(1).describe("The setting this write changes, as a path (may start with @ in forEach rules)"),
  value: z.json().describe("The value it gets; {{recommended}} for the rule's own"),
  tool: toolSchema,
  arguments: argumentsSchema,
  skipWhen: checkSchema.optional().describe("Leave the setting as it is when this holds (it already does its job)"),
});
export type Write = z.infer<typeof writeSchema>;

export const fixSchema = z.union([
  z.strictObject({ kind: z.literal("apply"), tool: toolSchema, arguments: argumentsSchema }),
  z.strictObject({ kind: z.literal("apply"), writes: z.array(writeSchema).min(2).max(5) }),
  z.strictObject({ kind: z.literal("manual"), instructions: z.string().min(10).max(600) }),
]);
export type Fix = z.infer<typeof fixSchema>;

export const sourceSchema = z.strictObject({
  name: z.string().min(3),
  url: z.url({ protocol: /^https$/ }),
});

export const ruleSchema = z
  .strictObject({
    id: z.string().regex(new RegExp(`^(${appNames})(\\.[a-z0-9]+(-[a-z0-9]+)*)+$`), "dotted lower-case id such as sonarr.auth.required"),
    app: appSchema,
    title: z.string().min(5).max(120),
    reads: z.array(pathSchema).min(1).describe("Every rooted path the rule reads"),
    forEach: z
      .strictObject({ path: pathSchema, key: z.string().min(1).describe("Field naming each item, e.g. name") })
      .optional()
      .describe("Evaluate the rule once per element; @ refers to the element"),
    appliesWhen: checkSchema.optional().describe("Precondition: when false the rule is not applicable"),
    check: checkSchema,
    setting: z.string().min(1).describe("The one setting a fix changes, as a path (may start with @ in forEach rules)"),
    recommended: z.json(),
    fix: fixSchema,
    priority: z.enum(PRIORITIES),
    category: z.enum(CATEGORIES),
    why: z.string().min(20).max(500),
    source: sourceSchema,
    blocking: z.boolean().optional().describe("Nothing works until this is fixed: listed before every other finding"),
    version: z.number().int().positive().default(1),
  })
  .superRefine((rule, ctx) => {
    if (rule.id.split(".")[0] !== rule.app) ctx.addIssue({ code: "custom", path: ["id"], message: `id must start with "${rule.app}."` });
    const rooted = [...pathsOf(rule.check), ...(rule.appliesWhen ? pathsOf(rule.appliesWhen) : []), ...(rule.forEach ? [rule.forEach.path] : [])].filter(
      (path) => !parsePath(path).relative,
    );
    for (const path of rooted) {
      if (!rule.reads.includes(path)) ctx.addIssue({ code: "custom", path: ["reads"], message: `reads must list ${path}` });
    }
    if (!rule.forEach && rule.setting.startsWith("@")) ctx.addIssue({ code: "custom", path: ["setting"], message: "@ settings need forEach" });
    if ("writes" in rule.fix) {
      const writes = rule.fix.writes;
      if (writes[0]?.setting !== rule.setting)
        ctx.addIssue({ code: "custom", path: ["fix", "writes", 0, "setting"], message: "the first write must change the rule's own setting" });
      if (new Set(writes.map((w) => w.setting)).size !== writes.length)
        ctx.addIssue({ code: "custom", path: ["fix", "writes"], message: "each setting is written once" });
      for (const [i, write] of writes.entries()) {
        const paths = write.skipWhen ? pathsOf(write.skipWhen).filter((path) => !parsePath(path).relative) : [];
        for (const path of paths)
          if (!rule.reads.includes(path)) ctx.addIssue({ code: "custom", path: ["fix", "writes", i, "skipWhen"], message: `reads must list ${path}` });
        if (!rule.forEach && write.setting.startsWith("@"))
          ctx.addIssue({ code: "custom", path: ["fix", "writes", i, "setting"], message: "@ settings need forEach" });
      }
    }
  });

export type Rule = z.output<typeof ruleSchema>;
export type RuleInput = z.input<typeof ruleSchema>;

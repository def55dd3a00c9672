// The check DSL: pure JSON conditions over a stack snapshot. `true` means compliant.
import { z } from "zod";
import { parsePath } from "./path";

const isValidPath = (path: string) => {
  try {
    parsePath(path);
    return true;
  } catch {
    return false;
  }
};

const isValidRegex = (pattern: string) => {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
};

export const pathSchema = z
  .string()
  .min(1)
  .refine(isValidPath, { message: "not a valid setting path" })
  .describe("Setting path rooted at the stack snapshot, or at the current element when it starts with @");

export const scalarSchema = z.union([z.string(), z.number(), z.boolean()]);
export type Scalar = z.infer<typeof scalarSchema>;

export type Check =
  | { op: "equals" | "notEquals"; path: string; value: Scalar; ignoreCase?: boolean }
  | { op: "in" | "notIn"; path: string; values: Scalar[]; ignoreCase?: boolean }
  | { op: "truthy" | "falsy" | "exists" | "nonEmpty" | "empty"; path: string }
  | { op: "gte" | "lte"; path: string; value: number | string }
  | { op: "matches" | "notMatches"; path: string; pattern: string; flags?: string }
  | { op: "all" | "any"; of: Check[] }
  | { op: "not"; check: Check }
  | { op: "some" | "every" | "none"; path: string; where: Check }
  | { op: "containedIn"; path: string; in: string; ignoreCase?: boolean }
  | { op: "sameTopFolder"; path: string; as: string };

export type CheckOp = Check["op"];

export const checkSchema: z.ZodType<Check> = z.lazy(() =>
  z.discriminatedUnion("op", [
    z.strictObject({ op: z.enum(["equals", "notEquals"]), path: pathSchema, value: scalarSchema, ignoreCase: z.boolean().optional() }),
    z.strictObject({ op: z.enum(["in", "notIn"]), path: pathSchema, values: z.array(scalarSchema).min(1), ignoreCase: z.boolean().optional() }),
    z.strictObject({ op: z.enum(["truthy", "falsy", "exists", "nonEmpty", "empty"]), path: pathSchema }),
    z.strictObject({
      op: z.enum(["gte", "lte"]),
      path: pathSchema,
      value: z.union([z.number(), z.string().regex(/^\d+(\.\d+)?[KMGTP]?$/i, "a number or a size such as 512M")]),
    }),
    z.strictObject({
      op: z.enum(["matches", "notMatches"]),
      path: pathSchema,
      pattern: z.string().refine(isValidRegex, { message: "not a valid regular expression" }),
      flags: z
        .string()
        .regex(/^[imsu]*$/)
        .optional(),
    }),
    z.strictObject({ op: z.enum(["all", "any"]), of: z.array(checkSchema).min(1) }),
    z.strictObject({ op: z.literal("not"), check: checkSchema }),
    z.strictObject({ op: z.enum(["some", "every", "none"]), path: pathSchema, where: checkSchema }),
    z.strictObject({ op: z.literal("containedIn"), path: pathSchema, in: pathSchema, ignoreCase: z.boolean().optional() }),
    z.strictObject({ op: z.literal("sameTopFolder"), path: pathSchema, as: pathSchema }),
  ]),
);

/** Every path a check reads, including those inside nested checks (relative `@` paths included). */
export function pathsOf(check: Check): string[] {
  switch (check.op) {
    case "all":
    case "any":
      return check.of.flatMap(pathsOf);
    case "not":
      return pathsOf(check.check);
    case "some":
    case "every":
    case "none":
      return [check.path, ...pathsOf(check.where)];
    case "containedIn":
      return [check.path, check.in];
    case "sameTopFolder":
      return [check.path, check.as];
    default:
      return [check.path];
  }
}

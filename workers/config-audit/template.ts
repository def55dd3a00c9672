// Fills the placeholders of a rule's setting path and fix arguments from the snapshot and the rule.
import { resolve, type Scope } from "./path";

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export interface TemplateContext {
  scope: Scope;
  recommended: Json;
}

const PLACEHOLDER = /\{\{([^}]+)\}\}/g;
const WHOLE_PLACEHOLDER = /^\{\{([^}]+)\}\}$/;

/** The JSON form of whatever a path reaches: one value as it is, several as a list, nothing as null. */
export function toJson(values: unknown[]): Json {
  if (values.length === 0) return null;
  return (values.length === 1 ? values[0] : values) as Json;
}

function lookup(expression: string, context: TemplateContext): Json {
  const name = expression.trim();
  if (name === "recommended") return context.recommended;
  const [first] = resolve(name, context.scope);
  return first === undefined ? null : (first as Json);
}

function renderString(text: string, context: TemplateContext): Json {
  const whole = WHOLE_PLACEHOLDER.exec(text);
  if (whole?.[1]) return lookup(whole[1], context);
  return text.replace(PLACEHOLDER, (_, expression: string) => {
    const value = lookup(expression, context);
    return value === null ? "" : typeof value === "object" ? JSON.stringify(value) : String(value);
  });
}

export function renderTemplate(template: Json, context: TemplateContext): Json {
  if (typeof template === "string") return renderString(template, context);
  if (Array.isArray(template)) return template.map((item) => renderTemplate(item, context));
  if (template !== null && typeof template === "object") {
    return Object.fromEntries(Object.entries(template).map(([key, value]) => [key, renderTemplate(value, context)]));
  }
  return template;
}

/** A template rendered where only text makes sense (setting paths, instructions). */
export function renderText(template: string, context: TemplateContext): string {
  return template.replace(PLACEHOLDER, (_, expression: string) => {
    const value = lookup(expression, context);
    return value === null ? "" : typeof value === "object" ? JSON.stringify(value) : String(value);
  });
}

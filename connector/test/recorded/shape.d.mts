export declare function jsonType(value: unknown): "null" | "array" | "string" | "number" | "boolean" | "object" | "undefined";
export declare function shapeDifferences(expected: unknown, actual: unknown, path?: string): string[];

export declare function normalise(value: unknown, secrets: Array<[string, string]>, key?: string): unknown;
export declare function revive(value: unknown): unknown;

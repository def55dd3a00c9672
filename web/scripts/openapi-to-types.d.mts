export declare const REGENERATE_COMMAND: string;
export declare function typesFromOpenApi(document: unknown): Promise<string>;
export declare function documentText(document: unknown): string;

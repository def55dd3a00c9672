export interface Answer { status: number; contentType: string | null; text: string; json: any }
export interface Io {
  api(params: Record<string, string>): Promise<Answer>;
  waitFor(predicate: () => Promise<boolean>): Promise<boolean>;
}
export interface SabnzbdCase {
  name: string;
  about: string;
  /** Without apikey/output; a value "<role:x>" names a job (ROLE_ABOUT). */
  request: Record<string, string>;
  key?: "wrong" | "none";
  facts?(io: Io, answer: Answer, roles: Record<string, unknown>): Promise<Record<string, unknown>>;
  notOnSimulator?: string;
}
export declare const ROLE_ABOUT: Record<string, string>;
export declare const UNKNOWN_ID: string;
export declare const SWITCH: string;
export declare const UNWRITTEN_SWITCH: string;
export declare const ON_SWITCH: string;
export declare const CASES: SabnzbdCase[];
export declare function resolveRequest(request: Record<string, string>, roles: Record<string, unknown>): Record<string, string>;

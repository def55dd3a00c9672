export interface NewsServer {
  /** The `[[name]]` of the server in sabnzbd.ini; default realbed1, realbed2, … */
  name?: string;
  host: string;
  port: number;
  username?: string;
  password?: string;
  /** With ssl, ssl_verify defaults to 0 (the fixture's certificate is self-signed); pass ssl_verify to change it. */
  ssl?: boolean;
  /** Default 2. */
  connections?: number;
  /** Seconds; default 20, the shortest SABnzbd accepts. */
  timeout?: number;
  /** Any other key of a `[[server]]` section (retention, optional, required, priority, ssl_verify, …). */
  [key: string]: unknown;
}
export interface RealSabnzbd {
  url: string;
  apiKey: string;
  nzbKey: string;
  dir: string;
  completeDir: string;
  iniPath: string;
  /** sabnzbd.ini now: `[misc]` → ini.misc, `[servers]` `[[name]]` → ini["servers.name"], top keys → ini[""]. */
  readIni(): Record<string, Record<string, string>>;
  /** GET /api?<params>&apikey=…&output=json, parsed; throws on a non-2xx answer. */
  // biome-ignore lint/suspicious/noExplicitAny: SABnzbd answers each mode in its own JSON shape; the tests read the fields they check.
  api(params: Record<string, string | number | boolean>): Promise<any>;
  /** mode=addfile as a multipart POST (the NZB in the `name` field). */
  // biome-ignore lint/suspicious/noExplicitAny: as api(): the answer of mode=addfile, read field by field.
  addFile(fileName: string, nzbXml: string, params?: Record<string, string | number | boolean>): Promise<any>;
  /** Polls until predicate returns something truthy and returns it; throws after timeoutMs (default 30 s). */
  waitFor<T>(predicate: () => T | Promise<T>, options?: { timeoutMs?: number; intervalMs?: number }): Promise<NonNullable<T>>;
  /** SIGSTOP: the process stops answering (sockets stay open). */
  freeze(): void;
  /** SIGCONT. */
  resume(): void;
  /** Stops and starts it again on the same port with the same directory and sabnzbd.ini. */
  restart(): Promise<void>;
  /** The last 20 kB of its stdout/stderr. */
  output(): string;
  /** Stops it and removes its directory. */
  stop(): Promise<void>;
}
/** The sabnzbdplus path, or null when it is not on PATH (callers skip, saying to run scripts/install-sabnzbd.sh). */
export declare function sabnzbdBinary(): string | null;
export declare function parseSabnzbdIni(text: string): Record<string, Record<string, string>>;
export declare function startRealSabnzbd(options?: { servers?: NewsServer[]; misc?: Record<string, string> }): Promise<RealSabnzbd>;

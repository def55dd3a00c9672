export interface NntpBehaviour {
  /** Wait this long before every answer (the greeting included): a slow server. */
  delayMs: number;
  /** Accept connections and commands but never answer: a stalled server. */
  hang: boolean;
  /** Destroy a connection's socket when it sends its (n+1)th command (n answered); undefined = never. */
  dropAfterCommands: number | undefined;
  /** true or 481: AUTHINFO PASS is answered 481; 502: AUTHINFO USER is answered 502 "Access denied". */
  refuseLogin: boolean | 481 | 502;
  /** Message-ids (without <>) answered 430 as if removed. */
  missing: Set<string>;
}
export interface NntpServer {
  host: "127.0.0.1";
  port: number;
  addArticles(articles: Iterable<[messageId: string, article: Buffer]>): void;
  removeArticle(messageId: string): void;
  setBehaviour(partial: Partial<NntpBehaviour>): void;
  /** How many connections were accepted since the start. */
  connections(): number;
  /** How many connections are open now. */
  openConnections(): number;
  /** Every command line received, in order, passwords masked as "****". */
  commandsSeen(): string[];
  close(): Promise<void>;
}
/** Dot-stuffs a multi-line block and appends the ".\r\n" terminator. */
export declare function dotStuff(block: Buffer): Buffer;
export declare function startNntpServer(options?: {
  articles?: Iterable<[messageId: string, article: Buffer]>;
  username?: string;
  password?: string;
  tls?: { key: string | Buffer; cert: string | Buffer };
}): Promise<NntpServer>;

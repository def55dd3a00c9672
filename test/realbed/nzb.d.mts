export interface Release {
  name: string;
  nzbXml: string;
  /** [message-id without angle brackets, the full article: headers, blank line, yEnc body]. */
  articles: Array<[messageId: string, article: Buffer]>;
  /** The release's size: the sum of its files' sizes. */
  bytes: number;
}
export declare function buildRelease(options: {
  name: string;
  files: Array<{ name: string; content: Buffer }>;
  articleSize?: number;
  group?: string;
  poster?: string;
}): Release;

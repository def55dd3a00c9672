export interface Indexer {
  url: string;
  /** Serves the NZB at GET `${url}/nzb/<name>.nzb` and returns that URL. */
  serve(name: string, nzbXml: string): string;
  /** The NZB's URL answers 404 from now on. */
  forget(name: string): void;
  /** Every request seen, as "METHOD /path?query". */
  requests(): string[];
  close(): Promise<void>;
}
export declare function startIndexer(): Promise<Indexer>;

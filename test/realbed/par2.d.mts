/** The par2 path, or null when it is not on PATH. */
export declare function par2Binary(): string | null;
/** `<name>.par2` and its recovery volume(s) for the files, or null when par2 is missing. */
export declare function par2Files(options: {
  name: string;
  files: Array<{ name: string; content: Buffer }>;
  redundancyPercent?: number;
  blockSize?: number;
}): Array<{ name: string; content: Buffer }> | null;

export declare function crc32Hex(data: Buffer): string;
export declare function yencEncodePart(options: {
  data: Buffer;
  fileName: string;
  part: number;
  total: number;
  /** 1-based inclusive offset of the part's first byte in the file. */
  begin: number;
  /** 1-based inclusive offset of the part's last byte in the file. */
  end: number;
  fileSize: number;
  /** The whole file's CRC32 (8 hex digits) for `=yend crc32=`. */
  fileCrc32?: string;
}): Buffer;

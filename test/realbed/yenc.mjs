// yEnc 1.3 multipart encoding (http://www.yenc.org/yenc-draft.1.3.txt), as real Usenet posters write it.
import { crc32 } from "node:zlib";

const LINE_LENGTH = 128;
const NUL = 0x00,
  LF = 0x0a,
  CR = 0x0d,
  EQUALS = 0x3d,
  TAB = 0x09,
  SPACE = 0x20,
  DOT = 0x2e;

/** @param {number} value */
const hex = (value) => (value >>> 0).toString(16).padStart(8, "0");

/** CRC32 of a buffer as the 8 hex digits yEnc writes. @param {Buffer} data */
export const crc32Hex = (data) => hex(crc32(data));

/**
 * Encodes one part of a multipart yEnc post: header lines, escaped body lines, trailer, each ending CRLF.
 * `begin`/`end` are the 1-based inclusive byte offsets of `data` in the whole file, as `=ypart` carries them.
 * `fileCrc32` (the whole file's CRC, 8 hex digits) goes into `=yend crc32=`; posters put it on every part or only the last.
 * @param {{ data: Buffer, fileName: string, part: number, total: number, begin: number, end: number, fileSize: number, fileCrc32?: string }} options
 * @returns {Buffer}
 */
export function yencEncodePart({ data, fileName, part, total, begin, end, fileSize, fileCrc32 }) {
  if (end - begin + 1 !== data.length) throw new Error(`yEnc part ${part}: begin=${begin} end=${end} does not span ${data.length} bytes`);
  const head = Buffer.from(
    `=ybegin part=${part} total=${total} line=${LINE_LENGTH} size=${fileSize} name=${fileName}\r\n=ypart begin=${begin} end=${end}\r\n`,
    "latin1",
  );
  const tail = Buffer.from(`=yend size=${data.length} part=${part} pcrc32=${crc32Hex(data)}${fileCrc32 ? ` crc32=${fileCrc32}` : ""}\r\n`, "latin1");
  return Buffer.concat([head, encodeBody(data), tail]);
}

/** @param {Buffer} data */
function encodeBody(data) {
  // Worst case every byte is escaped (2 bytes) plus a CRLF per line.
  const out = Buffer.allocUnsafe(data.length * 2 + Math.ceil(data.length / LINE_LENGTH) * 2 + 2);
  let length = 0;
  let column = 0;
  for (let index = 0; index < data.length; index++) {
    const encoded = (data[index] + 42) & 0xff;
    const atLineStart = column === 0;
    const atLineEnd = column >= LINE_LENGTH - 1 || index === data.length - 1;
    // The draft requires escaping NUL, LF, CR and '='; TAB/SPACE at either end of a line (servers strip them) and a
    // leading '.' (NNTP's dot-stuffing) are escaped as every common encoder does.
    const mustEscape =
      encoded === NUL ||
      encoded === LF ||
      encoded === CR ||
      encoded === EQUALS ||
      ((atLineStart || atLineEnd) && (encoded === TAB || encoded === SPACE)) ||
      (atLineStart && encoded === DOT);
    if (mustEscape) {
      out[length++] = EQUALS;
      out[length++] = (encoded + 64) & 0xff;
      column += 2;
    } else {
      out[length++] = encoded;
      column += 1;
    }
    if (column >= LINE_LENGTH) {
      out[length++] = CR;
      out[length++] = LF;
      column = 0;
    }
  }
  if (column > 0) {
    out[length++] = CR;
    out[length++] = LF;
  }
  return out.subarray(0, length);
}

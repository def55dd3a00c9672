// A Usenet "release": files cut into yEnc articles, and the NZB 1.1 file (https://sabnzbd.org/wiki/extra/nzb-spec) naming them.
import { randomBytes } from "node:crypto";
import { crc32Hex, yencEncodePart } from "./yenc.mjs";

/** @param {string} text */
const xml = (text) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * @param {{ name: string, files: Array<{ name: string, content: Buffer }>, articleSize?: number, group?: string, poster?: string }} options
 * @returns {{ name: string, nzbXml: string, articles: Array<[string, Buffer]>, bytes: number }}
 */
export function buildRelease({ name, files, articleSize = 256 * 1024, group = "alt.binaries.autoarr", poster = "autoarr@test" }) {
  const releaseId = randomBytes(6).toString("hex");
  const date = Math.floor(Date.now() / 1000);
  /** @type {Array<[string, Buffer]>} */
  const articles = [];
  const fileElements = files.map((file, fileIndex) => {
    const total = Math.max(1, Math.ceil(file.content.length / articleSize));
    const fileCrc32 = crc32Hex(file.content);
    const subject = `"${file.name}" yEnc (1/${total})`;
    const segments = [];
    for (let part = 1; part <= total; part++) {
      const begin = (part - 1) * articleSize;
      const data = file.content.subarray(begin, begin + articleSize);
      const messageId = `${releaseId}.${fileIndex + 1}.${part}@autoarr.test`;
      const body = yencEncodePart({
        data,
        fileName: file.name,
        part,
        total,
        begin: begin + 1,
        end: begin + data.length,
        fileSize: file.content.length,
        fileCrc32,
      });
      const headers = [
        `From: ${poster}`,
        `Newsgroups: ${group}`,
        `Subject: "${file.name}" yEnc (${part}/${total})`,
        `Message-ID: <${messageId}>`,
        `Date: ${new Date(date * 1000).toUTCString()}`,
        "",
        "",
      ].join("\r\n");
      articles.push([messageId, Buffer.concat([Buffer.from(headers, "latin1"), body])]);
      segments.push(`      <segment bytes="${body.length}" number="${part}">${xml(messageId)}</segment>`);
    }
    return [
      `  <file poster="${xml(poster)}" date="${date}" subject="${xml(subject)}">`,
      `    <groups><group>${xml(group)}</group></groups>`,
      "    <segments>",
      ...segments,
      "    </segments>",
      "  </file>",
    ].join("\n");
  });
  const nzbXml = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE nzb PUBLIC "-//newzBin//DTD NZB 1.1//EN" "http://www.newzbin.com/DTD/nzb/nzb-1.1.dtd">',
    '<nzb xmlns="http://www.newzbin.com/DTD/2003/nzb">',
    `  <head><meta type="name">${xml(name)}</meta></head>`,
    ...fileElements,
    "</nzb>",
    "",
  ].join("\n");
  return { name, nzbXml, articles, bytes: files.reduce((sum, file) => sum + file.content.length, 0) };
}

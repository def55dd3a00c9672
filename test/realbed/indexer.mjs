// A minimal NZB indexer: serves NZB files the way Newznab indexers hand them out (GET → attachment, application/x-nzb).
import http from "node:http";

export async function startIndexer() {
  /** @type {Map<string, string>} */
  const nzbs = new Map();
  /** @type {string[]} */
  const seen = [];
  const server = http.createServer((request, response) => {
    seen.push(`${request.method} ${request.url}`);
    const match = /^\/nzb\/([^/?]+)\.nzb(?:\?.*)?$/.exec(request.url ?? "");
    const name = match ? decodeURIComponent(match[1]) : undefined;
    const nzbXml = name === undefined ? undefined : nzbs.get(name);
    if ((request.method !== "GET" && request.method !== "HEAD") || nzbXml === undefined) {
      response.writeHead(404, { "Content-Type": "text/plain" }).end("Not found\n");
      return;
    }
    const body = Buffer.from(nzbXml, "utf8");
    response.writeHead(200, {
      "Content-Type": "application/x-nzb",
      "Content-Disposition": `attachment; filename="${name}.nzb"`,
      "Content-Length": body.length,
    });
    response.end(request.method === "HEAD" ? undefined : body);
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve(undefined));
  });
  const { port } = /** @type {import("node:net").AddressInfo} */ (server.address());
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    /** @param {string} name @param {string} nzbXml */
    serve: (name, nzbXml) => {
      nzbs.set(name, nzbXml);
      return `${url}/nzb/${encodeURIComponent(name)}.nzb`;
    },
    /** @param {string} name */
    forget: (name) => {
      nzbs.delete(name);
    },
    requests: () => [...seen],
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve(undefined));
      }),
  };
}

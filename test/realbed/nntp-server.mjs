// A small NNTP reader server (RFC 3977, AUTHINFO USER/PASS from RFC 4643) serving yEnc articles to a real SABnzbd.
// SABnzbd 4.5's downloader (Debian: /usr/share/sabnzbdplus/sabnzbd/newswrapper.py, downloader.py) sends only
// `authinfo user`/`authinfo pass` (lower case, and only when the server has a username), then `BODY <id>`
// (`ARTICLE <id>` after a 500 to BODY, `STAT`/`HEAD` for pre-check) and `QUIT`; it never sends CAPABILITIES, MODE READER
// or GROUP. It reads an answer until "\r\n" (status) or "\r\n.\r\n" (a multi-line body), so answers here end exactly so.
import net from "node:net";
import tls from "node:tls";

/**
 * @typedef {{ delayMs: number, hang: boolean, dropAfterCommands: number | undefined, refuseLogin: boolean | 481 | 502, missing: Set<string> }} Behaviour
 */

const ARTICLE_COMMANDS = new Set(["STAT", "HEAD", "BODY", "ARTICLE"]);

/** Dot-stuffs a multi-line block (RFC 3977 §3.1.1) and terminates it with ".\r\n". @param {Buffer} block */
export function dotStuff(block) {
  const parts = [];
  let lineStart = 0;
  while (lineStart < block.length) {
    let lineEnd = block.indexOf("\r\n", lineStart, "latin1");
    lineEnd = lineEnd === -1 ? block.length : lineEnd + 2;
    if (block[lineStart] === 0x2e) parts.push(Buffer.from("."));
    parts.push(block.subarray(lineStart, lineEnd));
    lineStart = lineEnd;
  }
  if (block.length > 0 && !(block[block.length - 2] === 0x0d && block[block.length - 1] === 0x0a)) parts.push(Buffer.from("\r\n"));
  parts.push(Buffer.from(".\r\n"));
  return Buffer.concat(parts);
}

/** @param {Buffer} article */
function splitArticle(article) {
  const separator = article.indexOf("\r\n\r\n", 0, "latin1");
  if (separator === -1) return { head: article, body: Buffer.alloc(0) };
  return { head: article.subarray(0, separator + 2), body: article.subarray(separator + 4) };
}

/** @param {Buffer} article */
function newsgroupsOf(article) {
  const match = /^Newsgroups:[ \t]*(.*)$/im.exec(splitArticle(article).head.toString("latin1"));
  return match
    ? match[1]
        .split(",")
        .map((group) => group.trim())
        .filter(Boolean)
    : [];
}

const nntpDate = () => new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);

/**
 * @param {{ articles?: Iterable<[string, Buffer]>, username?: string, password?: string, tls?: { key: string | Buffer, cert: string | Buffer } }} [options]
 */
export async function startNntpServer({ articles = [], username, password, tls: tlsOptions } = {}) {
  /** @type {Map<string, Buffer>} */
  const store = new Map();
  /** @type {Set<string>} */
  const groups = new Set();
  /** @type {Behaviour} */
  const behaviour = { delayMs: 0, hang: false, dropAfterCommands: undefined, refuseLogin: false, missing: new Set() };
  /** @type {string[]} */
  const seen = [];
  /** @type {Set<net.Socket>} */
  const sockets = new Set();
  let accepted = 0;
  const requiresAuth = username !== undefined;

  /** @param {Iterable<[string, Buffer]>} iterable */
  const addArticles = (iterable) => {
    for (const [messageId, article] of iterable) {
      store.set(messageId.replace(/^<|>$/g, ""), article);
      for (const group of newsgroupsOf(article)) groups.add(group);
    }
  };
  addArticles(articles);

  /** @param {net.Socket} socket */
  const onConnection = (socket) => {
    accepted++;
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => socket.destroy());
    const session = {
      authenticated: !requiresAuth,
      user: /** @type {string | undefined} */ (undefined),
      group: /** @type {string | undefined} */ (undefined),
      commands: 0,
    };
    let pending = "";
    // Answers go out in order even with a delay: each command waits for the one before it.
    let queue = Promise.resolve();

    /** @param {string | Buffer} answer */
    const reply = async (answer) => {
      if (behaviour.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, behaviour.delayMs));
      if (behaviour.hang || socket.destroyed) return;
      socket.write(answer);
    };
    /** @param {string} line */
    const status = (line) => reply(`${line}\r\n`);
    /** @param {string} line @param {Buffer} block */
    const multiline = (line, block) => reply(Buffer.concat([Buffer.from(`${line}\r\n`, "latin1"), dotStuff(block)]));

    /** @param {string} line */
    const handle = async (line) => {
      const [verbRaw = "", ...args] = line.trim().split(/[ \t]+/);
      const verb = verbRaw.toUpperCase();
      seen.push(verb === "AUTHINFO" && args[0]?.toUpperCase() === "PASS" ? `${verbRaw} ${args[0]} ****` : line);
      session.commands++;
      if (behaviour.dropAfterCommands !== undefined && session.commands > behaviour.dropAfterCommands) {
        socket.destroy();
        return;
      }
      switch (verb) {
        case "CAPABILITIES": {
          const capabilities = ["VERSION 2", "IMPLEMENTATION autoarr-realbed", "READER"];
          if (requiresAuth && !session.authenticated) capabilities.push("AUTHINFO USER");
          return multiline("101 Capability list:", Buffer.from(capabilities.map((capability) => `${capability}\r\n`).join("")));
        }
        case "MODE":
          if (args[0]?.toUpperCase() === "READER") return status("201 Posting prohibited");
          return status("501 Unknown MODE variant");
        case "AUTHINFO":
          return authinfo(args);
        case "DATE":
          return status(`111 ${nntpDate()}`);
        case "QUIT":
          await status("205 Connection closing");
          socket.end();
          return;
        case "GROUP":
          if (!session.authenticated) return status("480 Authentication required");
          if (!args[0]) return status("501 Syntax error");
          if (!groups.has(args[0])) return status("411 No such newsgroup");
          session.group = args[0];
          return status(`211 ${store.size} ${store.size ? 1 : 0} ${store.size} ${args[0]}`);
        default:
          if (ARTICLE_COMMANDS.has(verb)) return article(verb, args[0]);
          return status("500 Unknown command");
      }
    };

    /** @param {string[]} args */
    const authinfo = (args) => {
      const [kind = "", value = ""] = args;
      if (session.authenticated && requiresAuth) return status("502 Command unavailable");
      if (!requiresAuth) return status("502 Authentication not required on this server");
      if (kind.toUpperCase() === "USER") {
        if (behaviour.refuseLogin === 502) return status("502 Access denied");
        session.user = value;
        return status("381 Password required");
      }
      if (kind.toUpperCase() === "PASS") {
        if (session.user === undefined) return status("482 Authentication commands issued out of sequence");
        const ok = !behaviour.refuseLogin && session.user === username && value === password;
        session.user = undefined;
        if (!ok) return status("481 Authentication failed");
        session.authenticated = true;
        return status("281 Authentication accepted");
      }
      return status("501 Unknown AUTHINFO variant");
    };

    /** @param {string} verb @param {string | undefined} argument */
    const article = (verb, argument) => {
      if (!session.authenticated) return status("480 Authentication required");
      if (!argument || !/^<.+>$/.test(argument)) {
        // Only message-ids are served; article numbers need a selected group (RFC 3977 §6.2.1.2).
        if (!session.group) return status("412 No newsgroup selected");
        return status(argument ? "423 No article with that number" : "420 Current article number is invalid");
      }
      const messageId = argument.slice(1, -1);
      const stored = store.get(messageId);
      if (!stored || behaviour.missing.has(messageId)) return status("430 No article with that message-id");
      const { head, body } = splitArticle(stored);
      if (verb === "STAT") return status(`223 0 ${argument}`);
      if (verb === "HEAD") return multiline(`221 0 ${argument}`, head);
      if (verb === "BODY") return multiline(`222 0 ${argument}`, body);
      return multiline(`220 0 ${argument}`, Buffer.concat([head, Buffer.from("\r\n"), body]));
    };

    socket.setEncoding("latin1");
    socket.on("data", (chunk) => {
      pending += chunk;
      let newline;
      while ((newline = pending.indexOf("\n")) !== -1) {
        const line = pending.slice(0, newline).replace(/\r$/, "");
        pending = pending.slice(newline + 1);
        queue = queue.then(() => handle(line)).catch(() => socket.destroy());
      }
    });
    queue = queue.then(() => status("200 autoarr-realbed NNTP server ready"));
  };

  const server = tlsOptions ? tls.createServer({ key: tlsOptions.key, cert: tlsOptions.cert }, onConnection) : net.createServer(onConnection);
  // Every TCP connection, a TLS one still shaking hands included, so close() never waits on one.
  /** @type {Set<import("node:net").Socket>} */
  const transports = new Set();
  server.on("connection", (transport) => {
    transports.add(transport);
    transport.on("close", () => transports.delete(transport));
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve(undefined));
  });
  const address = /** @type {net.AddressInfo} */ (server.address());

  return {
    host: /** @type {"127.0.0.1"} */ ("127.0.0.1"),
    port: address.port,
    addArticles,
    /** @param {string} messageId */
    removeArticle: (messageId) => {
      store.delete(messageId.replace(/^<|>$/g, ""));
    },
    /** @param {Partial<Behaviour>} partial */
    setBehaviour: (partial) => {
      Object.assign(behaviour, partial);
    },
    connections: () => accepted,
    openConnections: () => sockets.size,
    commandsSeen: () => [...seen],
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        for (const transport of transports) transport.destroy();
        server.close(() => resolve(undefined));
      }),
  };
}

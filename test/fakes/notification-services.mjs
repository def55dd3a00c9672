// Local fakes of the eight notification services, one HTTP server on 127.0.0.1 with one path prefix each. Each checks a
// request the way its service documents it and refuses a wrong one the way that service does, so an adapter that
// passes here would pass there. Plain ESM with no static Node imports: the workerd tests import the client half.
//
// Sources, per fake:
// - Discord: https://discord.com/developers/docs/resources/webhook#execute-webhook,
//   https://discord.com/developers/docs/resources/message#embed-object-embed-limits,
//   https://discord.com/developers/docs/topics/opcodes-and-status-codes#json (10015 Unknown Webhook,
//   50027 Invalid Webhook Token, 50006 Cannot send an empty message, 50035 Invalid Form Body)
// - Telegram: https://core.telegram.org/bots/api#making-requests, #sendmessage, #formatting-options
// - Pushover: https://pushover.net/api (parameters, limits, "status":1 / "status":0 with "errors")
// - ntfy: https://docs.ntfy.sh/publish/#publish-as-json, https://docs.ntfy.sh/publish/#authentication
// - Gotify: https://gotify.net/docs/pushmsg, https://gotify.net/api-docs (POST /message, 401 error body)
// - Slack: https://api.slack.com/messaging/webhooks#handling_errors, https://api.slack.com/reference/block-kit/blocks
// - Apprise API: https://github.com/caronc/apprise-api#api-details (and its NotifyView: 204 for an unknown key,
//   400 "An invalid payload was specified.", 424 "One or more notification could not be sent.")
// - Webhook receiver: docs/notifications.md, "Verifying AutoArr's webhook signature", and nothing else.

/** @typedef {"discord"|"telegram"|"pushover"|"ntfy"|"gotify"|"slack"|"apprise"|"webhook"} FakeService */
/**
 * @typedef {object} RecordedRequest
 * @property {string} method
 * @property {string} path
 * @property {Record<string, string>} query
 * @property {Record<string, string>} headers  lower-case names
 * @property {string} rawBody
 * @property {unknown} body  parsed JSON or form fields, or null
 * @property {number} status  what the fake answered
 * @property {unknown} answer  what the fake answered (parsed JSON, or text)
 * @property {string} [renderedText]  Telegram: the message text as the user sees it after HTML parsing
 */
/**
 * A reply to give instead of the fake's own: to the next request of that service, or with `match`, to the next one whose
 * raw body or path contains it (test files run side by side, so a test marks its own requests).
 * @typedef {{ status: number; headers?: Record<string, string>; body?: unknown; match?: string }} CannedReply
 */

export const FAKE_SERVICES = /** @type {const} */ (["discord", "telegram", "pushover", "ntfy", "gotify", "slack", "apprise", "webhook"]);

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** @param {number} length @param {string} [alphabet] */
function randomText(length, alphabet = ALNUM) {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join("");
}

/** Fresh credentials for one run of the fakes, in each service's own format. */
function makeCredentials() {
  return {
    discord: { webhookId: `1${randomText(18, "0123456789")}`, webhookToken: randomText(68, `${ALNUM}-_`) },
    telegram: { botToken: `${randomText(10, "123456789")}:AA${randomText(33, `${ALNUM}-_`)}`, chatIds: ["-1001234567890", "@autoarr_alerts"] },
    pushover: { appToken: randomText(30), userKey: randomText(30), devices: ["phone", "tablet"] },
    ntfy: { token: `tk_${randomText(29).toLowerCase()}`, protectedTopic: `autoarr-private-${randomText(6).toLowerCase()}` },
    gotify: { appToken: `A${randomText(14, `${ALNUM}.-_`)}` },
    slack: { team: `T${randomText(10).toUpperCase()}`, bot: `B${randomText(10).toUpperCase()}`, secret: randomText(24) },
    apprise: { key: `autoarr-${randomText(8).toLowerCase()}` },
    webhook: { secret: randomText(48) },
  };
}

/** @typedef {ReturnType<typeof makeCredentials>} FakeCredentials */

// ---------------------------------------------------------------- request helpers

/** @param {import("node:http").IncomingMessage} req */
async function readBody(req) {
  let text = "";
  for await (const chunk of req) text += chunk;
  return text;
}

/** @param {string} contentType */
function mediaType(contentType) {
  return (contentType ?? "").split(";")[0].trim().toLowerCase();
}

/** @param {string} text */
function parseJson(text) {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, value: null };
  }
}

/** @param {string} text */
function parseForm(text) {
  return Object.fromEntries(new URLSearchParams(text));
}

const isObject = (value) => typeof value === "object" && value !== null && !Array.isArray(value);
const isIsoTime = (value) => typeof value === "string" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value);
const isHttpUrl = (value) => {
  try {
    return ["http:", "https:"].includes(new URL(value).protocol);
  } catch {
    return false;
  }
};

/** @param {number} status @param {unknown} body @param {Record<string, string>} [headers] */
const json = (status, body, headers = {}) => ({ status, headers: { "Content-Type": "application/json", ...headers }, body });
/** @param {number} status @param {string} body */
const text = (status, body) => ({ status, headers: { "Content-Type": "text/plain; charset=utf-8" }, body });

// ---------------------------------------------------------------- Discord

/** @param {unknown} embed @param {number} index @returns {Record<string, unknown>} problems in Discord's errors shape */
function discordEmbedErrors(embed, index) {
  const errors = {};
  const fail = (field, code, message) => {
    errors[`embeds.${index}.${field}`] = { _errors: [{ code, message }] };
  };
  if (!isObject(embed)) {
    fail("", "MODEL_TYPE_CONVERT", "Only dictionaries may be used in a ModelType");
    return errors;
  }
  if (embed.title !== undefined && (typeof embed.title !== "string" || embed.title.length > 256))
    fail("title", "BASE_TYPE_MAX_LENGTH", "Must be 256 or fewer in length.");
  if (embed.description !== undefined && (typeof embed.description !== "string" || embed.description.length > 4096))
    fail("description", "BASE_TYPE_MAX_LENGTH", "Must be 4096 or fewer in length.");
  if (embed.url !== undefined && !isHttpUrl(embed.url)) fail("url", "URL_TYPE_INVALID_URL", "Not a well formed URL.");
  if (embed.timestamp !== undefined && !isIsoTime(embed.timestamp)) fail("timestamp", "DATE_TIME_TYPE_PARSE", "Could not parse timestamp.");
  if (embed.color !== undefined && !(Number.isInteger(embed.color) && embed.color >= 0 && embed.color <= 0xffffff))
    fail("color", "NUMBER_TYPE_MAX", "int value should be less than or equal to 16777215.");
  if (embed.fields !== undefined) {
    if (!Array.isArray(embed.fields) || embed.fields.length > 25) fail("fields", "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.");
    else
      for (const [i, field] of embed.fields.entries()) {
        if (!isObject(field) || typeof field.name !== "string" || field.name.length === 0)
          fail(`fields.${i}.name`, "BASE_TYPE_REQUIRED", "This field is required");
        else if (field.name.length > 256) fail(`fields.${i}.name`, "BASE_TYPE_MAX_LENGTH", "Must be 256 or fewer in length.");
        if (!isObject(field) || typeof field.value !== "string" || field.value.length === 0)
          fail(`fields.${i}.value`, "BASE_TYPE_REQUIRED", "This field is required");
        else if (field.value.length > 1024) fail(`fields.${i}.value`, "BASE_TYPE_MAX_LENGTH", "Must be 1024 or fewer in length.");
      }
  }
  return errors;
}

/** @param {unknown} embed */
function discordEmbedLength(embed) {
  if (!isObject(embed)) return 0;
  const fields = Array.isArray(embed.fields) ? embed.fields : [];
  return [embed.title, embed.description, embed.footer?.text, embed.author?.name, ...fields.flatMap((f) => [f?.name, f?.value])]
    .filter((part) => typeof part === "string")
    .reduce((sum, part) => sum + part.length, 0);
}

/** @param {FakeCredentials} credentials */
function discordFake(credentials) {
  return (/** @type {Incoming} */ request) => {
    const match = /^\/api\/webhooks\/(\d+)\/([^/]+)$/.exec(request.path);
    if (request.method !== "POST") return json(405, { message: "405: Method Not Allowed", code: 0 });
    if (!match) return json(404, { message: "404: Not Found", code: 0 });
    const [, id, token] = match;
    if (id !== credentials.discord.webhookId) return json(404, { message: "Unknown Webhook", code: 10015 });
    if (token !== credentials.discord.webhookToken) return json(401, { message: "Invalid Webhook Token", code: 50027 });
    if (mediaType(request.headers["content-type"]) !== "application/json") return json(400, { message: "Cannot send an empty message", code: 50006 });
    const parsed = parseJson(request.rawBody);
    if (!parsed.ok || !isObject(parsed.value)) return json(400, { code: 50109, message: "The request body contains invalid JSON." });
    const payload = parsed.value;
    const embeds = payload.embeds ?? [];
    if (!payload.content && (!Array.isArray(embeds) || embeds.length === 0)) return json(400, { message: "Cannot send an empty message", code: 50006 });
    const errors = {};
    if (payload.content !== undefined && (typeof payload.content !== "string" || payload.content.length > 2000))
      errors.content = { _errors: [{ code: "BASE_TYPE_MAX_LENGTH", message: "Must be 2000 or fewer in length." }] };
    if (
      payload.username !== undefined &&
      (typeof payload.username !== "string" || payload.username.length < 1 || payload.username.length > 80 || /discord|clyde/i.test(payload.username))
    )
      errors.username = { _errors: [{ code: "USERNAME_INVALID", message: "Username cannot contain discord or clyde" }] };
    if (!Array.isArray(embeds) || embeds.length > 10)
      errors.embeds = { _errors: [{ code: "BASE_TYPE_MAX_LENGTH", message: "Must be 10 or fewer in length." }] };
    else for (const [i, embed] of embeds.entries()) Object.assign(errors, discordEmbedErrors(embed, i));
    if (Array.isArray(embeds) && embeds.reduce((sum, embed) => sum + discordEmbedLength(embed), 0) > 6000)
      errors.embeds = { _errors: [{ code: "MAX_EMBED_SIZE_EXCEEDED", message: "Embed size exceeds maximum size of 6000" }] };
    const mentions = payload.allowed_mentions;
    if (
      mentions !== undefined &&
      (!isObject(mentions) || !Array.isArray(mentions.parse ?? []) || (mentions.parse ?? []).some((p) => !["roles", "users", "everyone"].includes(p)))
    )
      errors.allowed_mentions = { _errors: [{ code: "ENUM_TYPE_COERCE", message: "Value must be one of ('roles', 'users', 'everyone')." }] };
    if (Object.keys(errors).length > 0) return json(400, { code: 50035, errors, message: "Invalid Form Body" });
    const messageId = `1${randomText(18, "0123456789")}`;
    // Without wait=true Discord answers 204 and drops a message it failed to save without saying so.
    if (request.query.wait !== "true") return { status: 204, headers: {}, body: "" };
    return json(200, {
      id: messageId,
      type: 0,
      content: payload.content ?? "",
      channel_id: "1".repeat(18),
      webhook_id: id,
      embeds,
      author: { username: payload.username ?? "Webhook", bot: true },
    });
  };
}

// ---------------------------------------------------------------- Telegram

const TELEGRAM_TAGS = new Set(["b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "tg-spoiler", "code", "pre", "a", "blockquote", "span", "tg-emoji"]);

/**
 * Telegram's HTML parse mode: the text as the user sees it, or the error Telegram gives. Only the supported tags;
 * only &lt; &gt; &amp; &quot; and numeric entities; every other < or & is an error.
 * @param {string} html
 */
function parseTelegramHtml(html) {
  let out = "";
  const open = [];
  let i = 0;
  const byteOffset = (index) => new TextEncoder().encode(html.slice(0, index)).length;
  while (i < html.length) {
    const c = html[i];
    if (c === "<") {
      const tag = /^<(\/?)([a-z-]+)((?:\s+[a-z-]+(?:="[^"]*")?)*)\s*>/i.exec(html.slice(i));
      if (!tag) return { error: `Bad Request: can't parse entities: Unexpected end of name token at byte offset ${byteOffset(i)}` };
      const [whole, closing, rawName] = tag;
      const name = rawName.toLowerCase();
      if (!TELEGRAM_TAGS.has(name)) return { error: `Bad Request: can't parse entities: Unsupported start tag "${name}" at byte offset ${byteOffset(i)}` };
      if (closing) {
        if (open.pop() !== name)
          return {
            error: `Bad Request: can't parse entities: Unmatched end tag at byte offset ${byteOffset(i)}, expected "</${open.at(-1) ?? ""}>", found "</${name}>"`,
          };
      } else open.push(name);
      i += whole.length;
      continue;
    }
    if (c === ">") return { error: `Bad Request: can't parse entities: Character '>' is reserved at byte offset ${byteOffset(i)}` };
    if (c === "&") {
      const entity = /^&(lt|gt|amp|quot|#\d{1,7}|#x[0-9a-f]{1,6});/i.exec(html.slice(i));
      if (!entity) return { error: `Bad Request: can't parse entities: Character '&' is reserved at byte offset ${byteOffset(i)}` };
      const value = entity[1].toLowerCase();
      out +=
        { lt: "<", gt: ">", amp: "&", quot: '"' }[value] ??
        String.fromCodePoint(value.startsWith("#x") ? Number.parseInt(value.slice(2), 16) : Number(value.slice(1)));
      i += entity[0].length;
      continue;
    }
    out += c;
    i++;
  }
  if (open.length > 0) return { error: `Bad Request: can't parse entities: Can't find end tag corresponding to start tag "${open.at(-1)}"` };
  return { text: out };
}

/** @param {FakeCredentials} credentials */
function telegramFake(credentials) {
  const telegramError = (code, description, extra = {}) => json(code, { ok: false, error_code: code, description, ...extra });
  return (/** @type {Incoming} */ request) => {
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(request.path);
    if (!match) return telegramError(404, "Not Found");
    const [, token, method] = match;
    if (token !== credentials.telegram.botToken) return telegramError(401, "Unauthorized");
    if (method.toLowerCase() !== "sendmessage") return telegramError(404, "Not Found: method not found");
    const type = mediaType(request.headers["content-type"]);
    /** @type {Record<string, unknown>} */
    let params;
    if (type === "application/json") {
      const parsed = parseJson(request.rawBody);
      if (!parsed.ok || !isObject(parsed.value)) return telegramError(400, "Bad Request: invalid JSON");
      params = parsed.value;
    } else if (type === "application/x-www-form-urlencoded") params = parseForm(request.rawBody);
    else params = { ...request.query };
    const chatId = params.chat_id === undefined ? "" : String(params.chat_id);
    if (!chatId) return telegramError(400, "Bad Request: chat_id is empty");
    if (!credentials.telegram.chatIds.includes(chatId)) return telegramError(400, "Bad Request: chat not found");
    if (typeof params.text !== "string" || params.text.trim() === "") return telegramError(400, "Bad Request: message text is empty");
    const mode = params.parse_mode;
    if (mode !== undefined && !["HTML", "MarkdownV2", "Markdown"].includes(String(mode))) return telegramError(400, "Bad Request: unsupported parse_mode");
    const rendered = mode === "HTML" ? parseTelegramHtml(params.text) : { text: params.text };
    if (rendered.error) return telegramError(400, rendered.error);
    if (rendered.text.length > 4096) return telegramError(400, "Bad Request: message is too long");
    if (
      params.link_preview_options !== undefined &&
      (!isObject(params.link_preview_options) || typeof (params.link_preview_options.is_disabled ?? false) !== "boolean")
    )
      return telegramError(400, "Bad Request: can't parse link preview options");
    request.renderedText = rendered.text;
    return json(200, {
      ok: true,
      result: {
        message_id: 1 + Math.floor(Math.random() * 1e6),
        date: Math.floor(Date.now() / 1000),
        chat: { id: chatId.startsWith("@") ? -1001234567890 : Number(chatId), type: "channel" },
        text: rendered.text,
      },
    });
  };
}

// ---------------------------------------------------------------- Pushover

/** @param {FakeCredentials} credentials */
function pushoverFake(credentials) {
  const requestId = () => crypto.randomUUID();
  const invalid = (field, value, message) => json(400, { [field]: value, errors: [message], status: 0, request: requestId() });
  return (/** @type {Incoming} */ request) => {
    if (request.path !== "/1/messages.json") return json(404, { errors: ["not found"], status: 0, request: requestId() });
    if (request.method !== "POST") return invalid("method", "invalid", "messages must be sent with POST");
    const type = mediaType(request.headers["content-type"]);
    if (type !== "application/x-www-form-urlencoded") return invalid("message", "cannot be blank", "message cannot be blank");
    const form = parseForm(request.rawBody);
    if (form.token !== credentials.pushover.appToken) return invalid("token", "invalid", "application token is invalid, see https://pushover.net/api");
    if (form.user !== credentials.pushover.userKey)
      return invalid("user", "invalid", "user identifier is not a valid user, group, or subscribed user key, see https://pushover.net/api#identifiers");
    if (!form.message) return invalid("message", "cannot be blank", "message cannot be blank");
    if (form.message.length > 1024) return invalid("message", "is too long", "message cannot be longer than 1024 characters");
    if (form.title !== undefined && form.title.length > 250) return invalid("title", "is too long", "title cannot be longer than 250 characters");
    if (form.url !== undefined && form.url.length > 512) return invalid("url", "is too long", "url cannot be longer than 512 characters");
    if (form.url_title !== undefined && form.url_title.length > 100)
      return invalid("url_title", "is too long", "url_title cannot be longer than 100 characters");
    if (form.timestamp !== undefined && !/^\d+$/.test(form.timestamp)) return invalid("timestamp", "is invalid", "timestamp is invalid");
    if (form.html !== undefined && form.monospace !== undefined) return invalid("html", "invalid", "html and monospace are mutually exclusive");
    const priority = form.priority === undefined ? 0 : Number(form.priority);
    if (!Number.isInteger(priority) || priority < -2 || priority > 2) return invalid("priority", "is invalid", "priority is invalid");
    if (priority === 2) {
      if (form.retry === undefined) return invalid("retry", "must be supplied with priority=2", "retry must be supplied with priority=2");
      if (form.expire === undefined) return invalid("expire", "must be supplied with priority=2", "expire must be supplied with priority=2");
      if (Number(form.retry) < 30) return invalid("retry", "is too small", "retry must be at least 30 seconds");
      if (Number(form.expire) > 10800) return invalid("expire", "is too large", "expire must be at most 10800 seconds");
    }
    if (form.device?.split(",").some((device) => !credentials.pushover.devices.includes(device)))
      return invalid("device", "invalid for this user", "device name is not valid for user");
    return json(
      200,
      { status: 1, request: requestId(), ...(priority === 2 ? { receipt: randomText(30) } : {}) },
      { "X-Limit-App-Limit": "10000", "X-Limit-App-Remaining": "9999", "X-Limit-App-Reset": String(Math.floor(Date.now() / 1000) + 86400) },
    );
  };
}

// ---------------------------------------------------------------- ntfy

/** @param {FakeCredentials} credentials */
function ntfyFake(credentials) {
  const ntfyError = (http, code, error, link) => json(http, { code, http, error, ...(link ? { link } : {}) });
  return (/** @type {Incoming} */ request) => {
    if (request.method !== "POST" && request.method !== "PUT") return ntfyError(405, 40500, "method not allowed");
    if (request.path !== "/") return ntfyError(404, 40401, "page not found");
    const parsed = parseJson(request.rawBody);
    if (!parsed.ok || !isObject(parsed.value))
      return ntfyError(400, 40017, "invalid request: request body must be message JSON", "https://ntfy.sh/docs/publish/#publish-as-json");
    const m = parsed.value;
    if (typeof m.topic !== "string" || !/^[-_A-Za-z0-9]{1,64}$/.test(m.topic))
      return ntfyError(400, 40009, "invalid request: topic invalid", "https://ntfy.sh/docs/publish/#publish-as-json");
    for (const field of ["message", "title", "click", "icon", "attach", "filename", "email", "delay", "call"]) {
      if (m[field] !== undefined && typeof m[field] !== "string")
        return ntfyError(400, 40017, "invalid request: request body must be message JSON", "https://ntfy.sh/docs/publish/#publish-as-json");
    }
    if (m.priority !== undefined && !(Number.isInteger(m.priority) && m.priority >= 1 && m.priority <= 5))
      return ntfyError(400, 40007, "invalid priority", "https://ntfy.sh/docs/publish/#message-priority");
    if (m.tags !== undefined && (!Array.isArray(m.tags) || m.tags.some((tag) => typeof tag !== "string")))
      return ntfyError(400, 40017, "invalid request: request body must be message JSON", "https://ntfy.sh/docs/publish/#publish-as-json");
    if (m.click !== undefined && !isHttpUrl(m.click) && !/^(mailto|geo|ntfy|twitter):/.test(m.click))
      return ntfyError(400, 40013, "invalid request: click URL invalid");
    if (m.markdown !== undefined && typeof m.markdown !== "boolean") return ntfyError(400, 40017, "invalid request: request body must be message JSON");
    if (typeof m.message === "string" && new TextEncoder().encode(m.message).length > 4096) {
      // ntfy turns a message over 4096 bytes into an attachment, which ntfy.sh refuses without attachments set up.
      return ntfyError(400, 40012, "invalid request: attachments not allowed");
    }
    const auth = request.headers.authorization;
    if (auth !== undefined) {
      if (auth !== `Bearer ${credentials.ntfy.token}`) return ntfyError(401, 40101, "unauthorized", "https://ntfy.sh/docs/publish/#authentication");
    } else if (m.topic === credentials.ntfy.protectedTopic) return ntfyError(403, 40301, "forbidden", "https://ntfy.sh/docs/publish/#authentication");
    const now = Math.floor(Date.now() / 1000);
    return json(200, {
      id: randomText(12),
      time: now,
      expires: now + 43200,
      event: "message",
      topic: m.topic,
      ...(m.title ? { title: m.title } : {}),
      message: m.message || "triggered",
      ...(m.priority ? { priority: m.priority } : {}),
      ...(m.tags ? { tags: m.tags } : {}),
      ...(m.click ? { click: m.click } : {}),
    });
  };
}

// ---------------------------------------------------------------- Gotify

/** @param {FakeCredentials} credentials */
function gotifyFake(credentials) {
  let nextId = 1;
  const gotifyError = (code, error, description) => json(code, { error, errorCode: code, errorDescription: description });
  return (/** @type {Incoming} */ request) => {
    if (request.path !== "/message") return gotifyError(404, "Not Found", "page not found");
    if (request.method !== "POST") return gotifyError(405, "Method Not Allowed", "method not allowed");
    const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? "")?.[1];
    const token = request.headers["x-gotify-key"] ?? request.query.token ?? bearer;
    if (token !== credentials.gotify.appToken)
      return gotifyError(401, "Unauthorized", "you need to provide a valid access token or user credentials to access this api");
    const type = mediaType(request.headers["content-type"]);
    let m;
    if (type === "application/json") {
      const parsed = parseJson(request.rawBody);
      if (!parsed.ok || !isObject(parsed.value)) return gotifyError(400, "Bad Request", "invalid character in JSON body");
      m = parsed.value;
    } else if (type === "application/x-www-form-urlencoded") m = parseForm(request.rawBody);
    else return gotifyError(400, "Bad Request", "unsupported content type");
    if (typeof m.message !== "string" || m.message === "") return gotifyError(400, "Bad Request", "Field 'message' is required");
    if (m.title !== undefined && typeof m.title !== "string") return gotifyError(400, "Bad Request", "json: cannot unmarshal into field title of type string");
    if (m.priority !== undefined && !Number.isInteger(type === "application/json" ? m.priority : Number(m.priority)))
      return gotifyError(400, "Bad Request", "json: cannot unmarshal into field priority of type int");
    if (m.extras !== undefined && !isObject(m.extras))
      return gotifyError(400, "Bad Request", "json: cannot unmarshal into field extras of type map[string]interface {}");
    for (const key of Object.keys(m.extras ?? {})) {
      // Gotify's extras keys are <top-level-namespace>::[<sub-namespace>::]<action> (https://gotify.net/docs/msgextras).
      if (!/^[a-z]+::([a-z]+::)?[a-z]+$/i.test(key)) return gotifyError(400, "Bad Request", `invalid extras key ${key}`);
    }
    return json(200, {
      id: nextId++,
      appid: 1,
      message: m.message,
      title: m.title ?? "AutoArr",
      priority: Number(m.priority ?? 0),
      extras: m.extras,
      date: new Date().toISOString(),
    });
  };
}

// ---------------------------------------------------------------- Slack

/** @param {unknown} t @param {number} max @param {string[]} types */
function slackTextProblem(t, max, types) {
  if (!isObject(t) || !types.includes(t.type) || typeof t.text !== "string" || t.text.length === 0 || t.text.length > max) return true;
  return t.type === "mrkdwn" && t.emoji !== undefined;
}

/** @param {unknown} blocks */
function slackBlocksValid(blocks) {
  if (!Array.isArray(blocks) || blocks.length > 50) return false;
  return blocks.every((block) => {
    if (!isObject(block)) return false;
    switch (block.type) {
      case "header":
        return !slackTextProblem(block.text, 150, ["plain_text"]);
      case "section":
        if (block.text === undefined && block.fields === undefined) return false;
        if (block.text !== undefined && slackTextProblem(block.text, 3000, ["plain_text", "mrkdwn"])) return false;
        return (
          block.fields === undefined ||
          (Array.isArray(block.fields) && block.fields.length <= 10 && block.fields.every((f) => !slackTextProblem(f, 2000, ["plain_text", "mrkdwn"])))
        );
      case "context":
        return (
          Array.isArray(block.elements) &&
          block.elements.length >= 1 &&
          block.elements.length <= 10 &&
          block.elements.every((e) => !slackTextProblem(e, 3000, ["plain_text", "mrkdwn"]))
        );
      case "divider":
        return true;
      default:
        return false;
    }
  });
}

/** @param {FakeCredentials} credentials */
function slackFake(credentials) {
  const { team, bot, secret } = credentials.slack;
  return (/** @type {Incoming} */ request) => {
    const match = /^\/services\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(request.path);
    if (request.method !== "POST") return text(405, "invalid_method");
    if (!match || match[1] !== team || match[2] !== bot) return text(404, "no_service");
    if (match[3] !== secret) return text(403, "invalid_token");
    const type = mediaType(request.headers["content-type"]);
    let payload;
    if (type === "application/json") payload = parseJson(request.rawBody);
    else if (type === "application/x-www-form-urlencoded") payload = parseJson(parseForm(request.rawBody).payload ?? "");
    else return text(400, "invalid_payload");
    if (!payload.ok || !isObject(payload.value)) return text(400, "invalid_payload");
    const m = payload.value;
    if (m.text !== undefined && typeof m.text !== "string") return text(400, "invalid_payload");
    if (!m.text && !m.blocks && !m.attachments) return text(400, "no_text");
    if (m.blocks !== undefined && !slackBlocksValid(m.blocks)) return text(400, "invalid_blocks");
    return text(200, "ok");
  };
}

// ---------------------------------------------------------------- Apprise API

const APPRISE_TYPES = ["info", "success", "warning", "failure"];
const APPRISE_FORMATS = ["text", "markdown", "html"];
/** Some of Apprise's schemes (https://github.com/caronc/apprise/wiki); a URL of any other has no plugin to send it. */
const APPRISE_SCHEMES = [
  "json",
  "jsons",
  "form",
  "forms",
  "xml",
  "xmls",
  "discord",
  "tgram",
  "pover",
  "ntfy",
  "ntfys",
  "gotify",
  "gotifys",
  "slack",
  "mailto",
  "mailtos",
];

/** @param {FakeCredentials} credentials */
function appriseFake(credentials) {
  return (/** @type {Incoming} */ request) => {
    const match = /^\/notify\/?([A-Za-z0-9_-]{1,64})?\/?$/.exec(request.path);
    if (!match) return text(404, "Not Found");
    if (request.method !== "POST") return text(405, "Method Not Allowed");
    const key = match[1];
    const type = mediaType(request.headers["content-type"]);
    let content = {};
    if (type === "application/json") {
      const parsed = parseJson(request.rawBody);
      if (!parsed.ok) return key ? json(400, "Invalid JSON specified.") : text(400, "Invalid JSON specified.");
      content = isObject(parsed.value) ? parsed.value : {};
    } else if (type === "application/x-www-form-urlencoded") content = parseForm(request.rawBody);
    const reply = (status, message) => (type === "application/json" && key ? json(status, { error: message }) : text(status, message));
    if (Object.keys(content).length === 0) return reply(400, "The message format is not supported.");
    if (!content.body || !APPRISE_TYPES.includes(content.type ?? "info")) return reply(400, "An invalid payload was specified.");
    if (content.format !== undefined && !APPRISE_FORMATS.includes(content.format)) return reply(400, "An invalid body input format was specified.");
    if (key) {
      if (key !== credentials.apprise.key) return reply(204, "There was no configuration found.");
      return text(200, "Notification(s) sent.");
    }
    const urls = String(content.urls ?? "")
      .split(/[\s,]+/)
      .filter(Boolean);
    if (urls.length === 0 || urls.some((url) => !APPRISE_SCHEMES.includes(url.split("://")[0]?.toLowerCase() ?? "") || !/^[a-z][a-z0-9+]*:\/\/\S+$/i.test(url)))
      return text(424, "One or more notification could not be sent.");
    return text(200, "Notification(s) sent.");
  };
}

// ---------------------------------------------------------------- Webhook receiver (written from docs/notifications.md)

/** @param {FakeCredentials} credentials */
function webhookReceiver(credentials) {
  return async (/** @type {Incoming} */ request) => {
    if (request.path !== "/receive" || request.method !== "POST") return json(404, { error: "not found" });
    const { createHmac, timingSafeEqual } = await import("node:crypto");
    const timestamp = request.headers["x-autoarr-timestamp"] ?? "";
    const signatures = (request.headers["x-autoarr-signature"] ?? "")
      .split(",")
      .map((part) => part.trim())
      .filter((part) => part.startsWith("v1="))
      .map((part) => part.slice(3));
    if (!/^\d+$/.test(timestamp)) return json(401, { error: "missing timestamp" });
    if (Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) return json(401, { error: "timestamp too old" });
    const expected = createHmac("sha256", credentials.webhook.secret).update(`${timestamp}.${request.rawBody}`, "utf8").digest();
    const valid = signatures.some((hex) => {
      const given = Buffer.from(hex, "hex");
      return given.length === expected.length && timingSafeEqual(given, expected);
    });
    if (!valid) return json(401, { error: "bad signature" });
    const parsed = parseJson(request.rawBody);
    if (!parsed.ok || !isObject(parsed.value) || parsed.value.source !== "autoarr" || parsed.value.version !== 1)
      return json(400, { error: "not an AutoArr webhook" });
    return { status: 204, headers: {}, body: "" };
  };
}

// ---------------------------------------------------------------- the server

/**
 * @typedef {{ method: string; path: string; query: Record<string, string>; headers: Record<string, string>; rawBody: string; renderedText?: string }} Incoming
 */

/**
 * Starts the fakes on 127.0.0.1 (Node only). Control routes under /__control/ let a test in another process (workerd)
 * read what was received, queue a canned reply or reset: see `notificationFakesClient`.
 */
export async function startNotificationFakes() {
  const { createServer } = await import("node:http");
  const credentials = makeCredentials();
  /** @type {Record<string, (request: Incoming) => CannedReply | Promise<CannedReply>>} */
  const handlers = {
    discord: discordFake(credentials),
    telegram: telegramFake(credentials),
    pushover: pushoverFake(credentials),
    ntfy: ntfyFake(credentials),
    gotify: gotifyFake(credentials),
    slack: slackFake(credentials),
    apprise: appriseFake(credentials),
    webhook: webhookReceiver(credentials),
  };
  /** @type {Record<string, RecordedRequest[]>} */
  const received = Object.fromEntries(FAKE_SERVICES.map((s) => [s, []]));
  /** @type {Record<string, CannedReply[]>} */
  const canned = Object.fromEntries(FAKE_SERVICES.map((s) => [s, []]));

  const reset = () => {
    for (const service of FAKE_SERVICES) {
      received[service].length = 0;
      canned[service].length = 0;
    }
  };
  const respondNext = (service, reply) => {
    canned[service].push(reply);
  };

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://fake");
    const rawBody = await readBody(req);
    const send = (/** @type {CannedReply} */ reply) => {
      const body = reply.body === undefined || reply.body === "" ? "" : typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body);
      res.writeHead(reply.status, reply.headers ?? {});
      res.end(reply.status === 204 ? undefined : body);
    };
    const [, service, ...rest] = url.pathname.split("/");
    if (service === "__control") {
      const [action, name] = rest;
      if (req.method === "GET" && action === "received" && name in received) return send(json(200, received[name]));
      if (req.method === "POST" && action === "reset") {
        reset();
        return send(json(200, { reset: true }));
      }
      if (req.method === "POST" && action === "respond-next" && name in canned) {
        respondNext(name, JSON.parse(rawBody));
        return send(json(200, { queued: true }));
      }
      return send(json(404, { error: "unknown control route" }));
    }
    const handler = handlers[service];
    if (!handler) return send(text(404, "no such fake"));
    /** @type {Incoming} */
    const incoming = {
      method: req.method ?? "GET",
      path: `/${rest.join("/")}`,
      query: Object.fromEntries(url.searchParams),
      headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v.join(", ") : String(v)])),
      rawBody,
    };
    let reply;
    try {
      const queue = canned[service];
      const index = queue.findIndex((c) => !c.match || incoming.rawBody.includes(c.match) || incoming.path.includes(c.match));
      reply = index >= 0 ? queue.splice(index, 1)[0] : await handler(incoming);
    } catch (error) {
      reply = text(500, `fake crashed: ${error instanceof Error ? error.message : String(error)}`);
    }
    const type = mediaType(incoming.headers["content-type"]);
    const body = type === "application/json" ? parseJson(rawBody).value : type === "application/x-www-form-urlencoded" ? parseForm(rawBody) : null;
    received[service].push({ ...incoming, body, status: reply.status, answer: reply.body ?? "" });
    send(reply);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(undefined)));
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  return {
    url,
    credentials,
    /** @param {FakeService} service */
    received: (service) => received[service],
    reset,
    respondNext,
    close: () => new Promise((resolve) => server.close(() => resolve(undefined))),
  };
}

/**
 * The fakes seen from another process (a workerd test): the same calls, over the control routes.
 * @param {string} url  the fakes' base URL
 */
export function notificationFakesClient(url) {
  return {
    /** @param {FakeService} service @returns {Promise<RecordedRequest[]>} */
    async received(service) {
      return (await fetch(`${url}/__control/received/${service}`)).json();
    },
    async reset() {
      await (await fetch(`${url}/__control/reset`, { method: "POST" })).body?.cancel();
    },
    /** @param {FakeService} service @param {CannedReply} reply */
    async respondNext(service, reply) {
      await (await fetch(`${url}/__control/respond-next/${service}`, { method: "POST", body: JSON.stringify(reply) })).body?.cancel();
    },
  };
}

// `node test/fakes/notification-services.mjs`: the fakes on their own, for trying channels by hand against a local
// `npm start` (with AUTOARR_ALLOW_LOOPBACK_NOTIFICATIONS on); prints where each service is and its credentials.
if (typeof process !== "undefined" && process.argv?.[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const fakes = await startNotificationFakes();
  const c = fakes.credentials;
  console.log(`Notification fakes on ${fakes.url}`);
  console.log(
    JSON.stringify(
      {
        discord: { webhookUrl: `${fakes.url}/discord/api/webhooks/${c.discord.webhookId}/${c.discord.webhookToken}` },
        telegram: { botToken: c.telegram.botToken, chatId: c.telegram.chatIds[0], apiUrl: `${fakes.url}/telegram` },
        ntfy: { serverUrl: `${fakes.url}/ntfy`, topic: "autoarr" },
        gotify: { serverUrl: `${fakes.url}/gotify`, appToken: c.gotify.appToken },
        slack: { webhookUrl: `${fakes.url}/slack/services/${c.slack.team}/${c.slack.bot}/${c.slack.secret}` },
        apprise: { serverUrl: `${fakes.url}/apprise`, key: c.apprise.key },
        webhook: { url: `${fakes.url}/webhook/receive`, secret: c.webhook.secret },
      },
      null,
      2,
    ),
  );
  console.log(`What each received: GET ${fakes.url}/__control/received/<service>`);
}

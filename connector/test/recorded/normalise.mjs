// Turns a real SABnzbd answer into a stable fixture: volatile values (ids, times, sizes, paths, keys, ports, version)
// become typed placeholders. A placeholder keeps the value's JSON type: "<name>" stands for a string and
// "<name:number>" for a number, so the shape comparison (shape.mjs) reads the original type back.

/** Keys whose value changes from run to run; the placeholder names what it was. */
const VOLATILE_KEYS = {
  version: "version", completed: "unix-seconds", time_added: "unix-seconds", time: "unix-seconds", last_history_update: "counter",
  diskspace1: "gigabytes", diskspace2: "gigabytes", diskspacetotal1: "gigabytes", diskspacetotal2: "gigabytes",
  diskspace1_norm: "size", diskspace2_norm: "size", avg_age: "age", duplicate_key: "duplicate-key", md5sum: "md5",
  uptime: "uptime", pid: "pid", loadavg: "loadavg", pystone: "pystone", cpumodel: "cpu", localipv4: "ip", publicipv4: "ip", ipv6: "ip",
  dnslookup: "dns", downloaddirspeed: "speed", completedirspeed: "speed", internetbandwidth: "speed", active_socks: "count",
  new_release: "release", new_rel_url: "url", my_lcldata: "path", my_home: "path", webdir: "path", logfile: "path", configfn: "path",
  downloaddir: "path", completedir: "path", active_lang: "language", delayed_assembler: "count", folders: "folders",
  download_time: "seconds", postproc_time: "seconds", usage_at_start: "bytes", serverstate: "state",
};

const placeholder = (name, value) => (typeof value === "number" ? `<${name}:number>` : typeof value === "string" ? `<${name}>` : value);

/**
 * secrets: [value, name][] replaced inside every string (API keys, the temp folder, local origins and ports);
 * nzo ids are always replaced. Arrays of strings under VOLATILE_KEYS (e.g. folders) keep one element's shape.
 */
export function normalise(value, secrets, key = "") {
  if (key in VOLATILE_KEYS && value !== null && typeof value !== "object") return placeholder(VOLATILE_KEYS[key], value);
  if (key in VOLATILE_KEYS && Array.isArray(value)) return value.length ? [placeholder(VOLATILE_KEYS[key], value[0])] : [];
  if (Array.isArray(value)) return value.map((item) => normalise(item, secrets, ""));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalise(v, secrets, k)]));
  }
  if (typeof value === "number") {
    const secret = secrets.find(([text]) => text === String(value));
    return secret ? `<${secret[1]}:number>` : value;
  }
  if (typeof value !== "string") return value;
  let text = value.replace(/SABnzbd_nzo_[A-Za-z0-9_-]+/g, "<nzo_id>").replace(/^WAIT \d+ sec$/, "WAIT <seconds> sec");
  for (const [secret, name] of secrets) if (secret) text = text.split(secret).join(`<${name}>`);
  return text;
}

/** The value a placeholder stands for, with its type (for the connector's schemas): 0 for numbers, the text otherwise. */
export function revive(value) {
  if (Array.isArray(value)) return value.map(revive);
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, revive(v)]));
  if (typeof value === "string" && /^<[\w-]+:number>$/.test(value)) return 0;
  return value;
}

// What a failure message means for recovery. SABnzbd and Sonarr/Radarr phrase the same problems many ways;
// these patterns come from their sources' real messages (see ../shared/specs/sabnzbd-api.md).

export type FailureCause =
  | "broken_release" // missing articles, out of retention, bad archive: the same NZB will fail again
  | "protected_release" // password-protected or encrypted
  | "transient" // a news server or connection problem: the same NZB may well work
  | "disk_full"
  | "permissions"
  | "import_path" // Sonarr/Radarr could not import for a path or naming reason
  | "stalled"
  | "vanished" // left the queue without being imported, failed or removed on purpose
  | "unknown";

const PATTERNS: [FailureCause, RegExp][] = [
  ["disk_full", /no space left|disk (is )?full|not enough (free )?(disk )?space|insufficient (disk )?space/i],
  ["permissions", /permission denied|access (is )?denied|not writable|read-only file system|EACCES|EPERM/i],
  ["protected_release", /password|encrypt(ed|ion)|rar (is )?protected/i],
  ["broken_release", /not-complete|cannot be completed|missing articles|out of retention|retention|repair(ing)? failed|unpacking failed|crc (error|failed)|bad archive|corrupt|incomplete|par2|join of .* failed|unwanted extension/i],
  ["transient", /server|connection|timed? ?out|ssl|tls|temporar(y|ily)|refused|reset by peer|503|502/i],
  ["import_path", /no files found|not a valid|import|path|naming|sample|already exists|matched to series by id|unable to parse|folder/i],
];

export function causeOf(message: string | null | undefined): FailureCause {
  if (!message) return "unknown";
  for (const [cause, pattern] of PATTERNS) if (pattern.test(message)) return cause;
  return "unknown";
}

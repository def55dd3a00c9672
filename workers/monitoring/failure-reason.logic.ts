// What a failure message means for recovery. SABnzbd and Sonarr/Radarr phrase the same problems many ways;
// these patterns come from their sources' real messages (see ../shared/specs/sabnzbd-api.md).

export type FailureCause =
  | "broken_release" // missing articles, out of retention, bad archive: the same NZB will fail again
  | "protected_release" // password-protected or encrypted
  | "transient" // a news server or connection problem: the same NZB may well work
  | "server_setup" // the news server or indexer cannot be reached as set up (login refused, name does not resolve)
  | "disk_full"
  | "permissions"
  | "import_path" // Sonarr/Radarr could not import for a path or naming reason
  | "stalled"
  | "vanished" // left the queue without being imported, failed or removed on purpose
  | "damaged" // SABnzbd completed it with articles missing and nothing repaired them (only its stage log says so)
  | "unknown";

/**
 * Real SABnzbd fail_message texts, checked before the broad patterns below: several name a "server" without being a
 * passing server problem, and retrying them in SABnzbd only loops (each retry is a new job that fails the same way).
 */
export const KNOWN_SABNZBD_FAILURES: { text: RegExp; cause: FailureCause; source: string }[] = [
  // The indexer answered 404: the NZB is gone, so the same job can never work.
  {
    text: /^URL Fetching failed; File not on server/i,
    cause: "broken_release",
    source: "trash-checklist.md (real SABnzbd 4.5.0, NZB URL answering 404); sabnzbd/urlgrabber.py",
  },
  // Every article is missing from every configured server.
  {
    text: /^Download failed - Not on your server\(s\)/i,
    cause: "broken_release",
    source: "trash-checklist.md (real SABnzbd 4.5.0, all articles missing); sabnzbd/nzbstuff.py",
  },
  {
    text: /^Aborted, cannot be completed/i,
    cause: "broken_release",
    source: "trash-checklist.md (real SABnzbd 4.5.0, 30% of articles missing); sabnzbd/nzbstuff.py",
  },
  // The indexer broke off its answer (IncompleteRead) or kept failing: the same URL may well work later.
  {
    text: /^URL Fetching failed; (Server could not complete request|Maximum retries)/i,
    cause: "transient",
    source: "sabnzbd/urlgrabber.py (IncompleteRead/IOError while reading; max_url_retries)",
  },
  { text: /server name does not resolve/i, cause: "server_setup", source: "issue #15 (real SABnzbd 4.5.0); sabnzbd/urlgrabber.py, sabnzbd/newswrapper.py" },
  {
    text: /failed login|requires user\/?password|authentication failed|login (refused|rejected|failed)|wrong (user ?name|password)|(481|482) /i,
    cause: "server_setup",
    source: "issue #15: the news server refused the login; sabnzbd/newswrapper.py",
  },
];

const PATTERNS: [FailureCause, RegExp][] = [
  ["disk_full", /no space left|disk (is )?full|not enough (free )?(disk )?space|insufficient (disk )?space/i],
  ["permissions", /permission denied|access (is )?denied|not writable|read-only file system|EACCES|EPERM/i],
  ["protected_release", /password|encrypt(ed|ion)|rar (is )?protected/i],
  [
    "broken_release",
    /not-complete|cannot be completed|missing articles|out of retention|retention|repair(ing)? failed|unpacking failed|crc (error|failed)|bad archive|corrupt|incomplete|par2|join of .* failed|unwanted extension/i,
  ],
  ["transient", /server|connection|timed? ?out|ssl|tls|temporar(y|ily)|refused|reset by peer|503|502/i],
  ["import_path", /no files found|not a valid|import|path|naming|sample|already exists|matched to series by id|unable to parse|folder/i],
];

export function causeOf(message: string | null | undefined): FailureCause {
  if (!message) return "unknown";
  for (const known of KNOWN_SABNZBD_FAILURES) if (known.text.test(message)) return known.cause;
  for (const [cause, pattern] of PATTERNS) if (pattern.test(message)) return cause;
  return "unknown";
}

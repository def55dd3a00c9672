// Settings the connector never changes, whoever asks: SABnzbd runs the programs in its script folder, writes where
// its folders point and answers on its host/port with its credentials, so changing those is code execution, file
// writes or a takeover on the NAS. They are changed in SABnzbd's own web interface.

const CREDENTIALS = new Set(["api_key", "nzb_key", "username", "password", "html_login"]);
const ADDRESSES = new Set(["host", "port", "https_port", "enable_https", "inet_exposure", "local_ranges", "host_whitelist"]);
const SCRIPT = /(^|_)script(s)?($|_)/;
const FOLDER = /(_dir|_path|_cert|_chain)$|^(dir|path|https_cert|https_key|https_chain|permissions)$/;

/** Why a write of section/keyword (= value) is refused, or undefined when it may go to SABnzbd. */
export function refusedSetting(section: string, keyword: string, value: unknown): string | undefined {
  if (CREDENTIALS.has(keyword)) return `${keyword} is a credential; change it in SABnzbd itself`;
  if (SCRIPT.test(keyword)) return `${keyword} chooses a script SABnzbd runs; change it in SABnzbd itself`;
  if (section === "servers" && ADDRESSES.has(keyword)) return `${keyword} is a server's address; change it in SABnzbd itself`;
  if (section === "misc" && ADDRESSES.has(keyword)) return `${keyword} decides SABnzbd's address and who can reach it; change it in SABnzbd itself`;
  if (section === "categories" && keyword === "dir") {
    // A category folder is relative to the completed folder (the audit's fix writes the category's name); an
    // absolute folder or one climbing out with .. would let a write point downloads anywhere on the NAS.
    const dir = String(value);
    return dir.startsWith("/") || dir.startsWith("\\") || /^[A-Za-z]:/.test(dir) || dir.split(/[\\/]/).includes("..")
      ? `dir must be a folder path inside the completed folder, not ${JSON.stringify(dir)}`
      : undefined;
  }
  if (FOLDER.test(keyword)) return `${keyword} is a folder or file path; change it in SABnzbd itself`;
  return undefined;
}

// A job SABnzbd 4.5 completed although articles were missing: with up to five missing (constants.py MAX_BAD_ARTICLES)
// and no PAR2 to repair them it is "Completed" with an empty fail_message, and the only trace is its stage log
// (seen on the real program: test/stack/realbed-fixtures.test.mjs, connector/test/sabnzbd-stage-log.test.ts).

export interface Stage {
  name: string;
  actions: string[];
}

/** nzbstuff.py set_download_report: T("%s articles were missing"), one of the Download stage's lines. */
const MISSING = /^\d+ articles were missing$/;
/**
 * newsunpack.py par2_repair: "[set] Repaired in …", "[set] Quick Check OK", "[set] Verified in …, all files correct";
 * postproc.py try_sfv_check: "Verified successfully using SFV files". Any of them means the data was made whole.
 */
const MADE_WHOLE = /\] Repaired in |\] Quick Check OK$|\] Verified in .*, all files correct$|^Verified successfully using SFV files$/;

/** The stage lines that say the job is damaged ("Download: 2 articles were missing; Repair: [x] No par2 sets"), or undefined. */
export function damageOf(stageLog: Stage[] | undefined): string | undefined {
  const lines = (name: string) => (stageLog ?? []).filter((s) => s.name === name).flatMap((s) => s.actions);
  const missing = lines("Download").filter((line) => MISSING.test(line));
  if (missing.length === 0) return undefined;
  const repair = lines("Repair");
  if (repair.some((line) => MADE_WHOLE.test(line))) return undefined;
  const said = repair.filter((line) => line !== "Trying RAR renamer");
  return [`Download: ${missing.join(", ")}`, ...(said.length > 0 ? [`Repair: ${said.join(", ")}`] : [])].join("; ");
}

// How one SABnzbd history slot is projected, on answers shaped as the real 4.5 gives them.
import { describe, expect, it } from "vitest";
import { projectHistorySlot } from "../src/apps/sabnzbd/sabnzbd.types.js";

describe("a SABnzbd history slot", () => {
  it("says a job is still post-processing when SABnzbd lists it from its post-processing queue (loaded = pp_active)", () => {
    // sabnzbd/api.py add_active_history: "loaded": nzo.pp_active, "retry": False, "storage": "" — whatever comes next.
    const slot = projectHistorySlot({
      nzo_id: "SABnzbd_nzo_a",
      name: "Show.S01E01",
      status: "Failed",
      fail_message: "Download failed",
      loaded: true,
      retry: false,
      storage: "",
    });
    expect(slot).toMatchObject({ status: "Failed", retry: false, postProcessing: true });
  });

  it("says a job from the history database is final (database.py: loaded is always False there)", () => {
    const slot = projectHistorySlot({
      nzo_id: "SABnzbd_nzo_a",
      name: "Show.S01E01",
      status: "Failed",
      fail_message: "Download failed",
      loaded: false,
      retry: true,
    });
    expect(slot).toMatchObject({ retry: true, postProcessing: false });
  });
});

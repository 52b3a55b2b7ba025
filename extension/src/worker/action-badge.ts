// The toolbar icon counts the shortlist changes the buyer has not seen (history/seen.ts), with the
// action API every MV3 extension has (no new permission). Recounted when the worker starts, when
// the shortlist or the seen list changes, and after a visit (which marks that solution's changes
// seen: the buyer is looking at its page).
import { ext } from "../shared/browser-api";
import { loadSettings } from "../shared/settings";
import { SHORTLIST_KEY } from "../shared/shortlist";
import { changeId } from "../history/changes";
import { markSeen, SEEN_KEY } from "../history/seen";
import { recordTrailVisit } from "../history/trail";
import type { Snapshot } from "../snapshots/snapshot";
import { shortlistChanges } from "./history";

const BADGE_COLOUR = "#a4261d";

/** The icon's text: the count, "99+" beyond 99, nothing at zero. Pure. */
export function badgeText(unseen: number): string {
  return unseen <= 0 ? "" : unseen > 99 ? "99+" : String(unseen);
}

async function setBadge(unseen: number): Promise<void> {
  const action = ext().action;
  if (!action) return; // a browser without the action API: the popup list still says it
  await action.setBadgeText({ text: badgeText(unseen) });
  if (unseen > 0) await action.setBadgeBackgroundColor({ color: BADGE_COLOUR });
}

let running: Promise<void> = Promise.resolve();

/** Recounts (one at a time: storage events can arrive in bursts). */
export function refreshActionBadge(): Promise<void> {
  running = running.then(async () => {
    try {
      const { unseen } = await shortlistChanges(await loadSettings());
      await setBadge(unseen.length);
    } catch (err) {
      console.debug("mpcheck worker: action badge", err instanceof Error ? err.message : err);
    }
  });
  return running;
}

/** After a visit: the buyer sees this solution's page, so its changes are seen; the trail grows. */
export async function afterVisit(snapshot: Snapshot): Promise<void> {
  await recordTrailVisit(snapshot);
  const { solutions } = await shortlistChanges(await loadSettings());
  const mine = solutions.find((s) => s.code === snapshot.code);
  if (mine) await markSeen(mine.changes.map((c) => changeId(mine.code, c)));
  await refreshActionBadge();
}

export function installActionBadge(): void {
  ext().storage.onChanged.addListener((changes, area) => {
    if (area === "local" && (SHORTLIST_KEY in changes || SEEN_KEY in changes)) void refreshActionBadge();
  });
  ext().runtime.onStartup?.addListener(() => void refreshActionBadge());
  ext().runtime.onInstalled?.addListener(() => void refreshActionBadge());
}

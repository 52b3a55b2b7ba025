// The toolbar icon counts the shortlist changes the buyer has not seen (history/seen.ts), with the
// action API every MV3 extension has (no new permission). The changes are computed when the worker
// starts, when the shortlist changes and after a visit (which marks that solution's changes seen:
// the buyer is looking at its page); the worker's own change of the seen list only recounts them.
import { ext } from "../shared/browser-api";
import { loadSettings } from "../shared/settings";
import { SHORTLIST_KEY } from "../shared/shortlist";
import { changeId, type SolutionChanges } from "../history/changes";
import { loadSeen, markSeen, SEEN_KEY, unseenIds } from "../history/seen";
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
// The shortlist's changes as last computed. Computing them reads every shortlisted solution's
// history from the backend, so it is done once per event that can change them (the shortlist
// changed, a visit, the worker started); marking changes seen only recounts these from memory.
let latest: SolutionChanges[] | null = null;
// The seen list this worker last wrote: its own change event only recounts, while a seen list
// changed from elsewhere is a new event and recomputes.
let ownSeen: string | null = null;

/** One at a time: storage events can arrive in bursts. */
function queued(work: () => Promise<void>): Promise<void> {
  running = running.then(async () => {
    try {
      await work();
    } catch (err) {
      console.debug("mpcheck worker: action badge", err instanceof Error ? err.message : err);
    }
  });
  return running;
}

async function computeChanges(): Promise<SolutionChanges[]> {
  latest = (await shortlistChanges(await loadSettings())).solutions;
  return latest;
}

/** Recomputes the shortlist's changes (the backend is asked) and recounts. */
function refreshActionBadge(): Promise<void> {
  return queued(async () => {
    const solutions = await computeChanges();
    await setBadge(unseenIds(solutions, await loadSeen()).length);
  });
}

/** Marks `ids` seen, remembering the list written so its change event is known as ours. */
export function markSeenHere(ids: readonly string[]): Promise<void> {
  return markSeen(ids, (next) => void (ownSeen = JSON.stringify(next)));
}

/** Changes computed elsewhere (the popup's request): kept and counted, not computed again. */
export function countChanges(solutions: SolutionChanges[]): Promise<void> {
  return queued(async () => {
    latest = solutions;
    await setBadge(unseenIds(solutions, await loadSeen()).length);
  });
}

/** The seen list changed: the changes did not, so the count comes from the last computation. */
export function recountSeen(): Promise<void> {
  return queued(async () => {
    const solutions = latest ?? (await computeChanges());
    await setBadge(unseenIds(solutions, await loadSeen()).length);
  });
}

/** After a visit: the buyer sees this solution's page, so its changes are seen; the trail grows. */
export function afterVisit(snapshot: Snapshot): Promise<void> {
  return queued(async () => {
    await recordTrailVisit(snapshot);
    const solutions = await computeChanges(); // the visit's facts are the newest: computed once, here
    const mine = solutions.find((s) => s.code === snapshot.code);
    if (mine) await markSeenHere(mine.changes.map((c) => changeId(mine.code, c))); // its event recounts from memory
    await setBadge(unseenIds(solutions, await loadSeen()).length);
  });
}

export function installActionBadge(): void {
  ext().storage.onChanged.addListener((changes, area) => {
    if (area !== "local") return;
    if (SHORTLIST_KEY in changes) void refreshActionBadge();
    else if (SEEN_KEY in changes) {
      const ours = JSON.stringify(changes[SEEN_KEY]?.newValue) === ownSeen;
      void (ours ? recountSeen() : refreshActionBadge());
    }
  });
  ext().runtime.onStartup?.addListener(() => void refreshActionBadge());
  ext().runtime.onInstalled?.addListener(() => void refreshActionBadge());
}

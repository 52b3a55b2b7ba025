// The history and the shortlist changes, worker side (it alone reads the backend, SPEC §9): the
// backend's observations and latest full read (GET /solutions/<code>/history, cached like the
// enrichment's) merged with the buyer's own visits, scored with today's settings and rules.
import { RULES } from "../shared/rules";
import type { FactsView } from "../shared/contracts";
import { isFacts, isObject } from "../shared/guards";
import type { Settings } from "../shared/settings";
import { loadShortlist } from "../shared/shortlist";
import { changesSince, negativeMaxStars, newestFacts, type SolutionChanges } from "../history/changes";
import type { ChangesReply, HistoryReply } from "../history/messages";
import { mergePoints, type LatestRead } from "../history/points";
import { scorePoints } from "../history/score";
import { loadSeen, unseenIds } from "../history/seen";
import { loadTrail } from "../history/trail";
import { parseObservations } from "../snapshots/observations";
import { backendJson } from "./backend-client";
import { backendLooksDown, noteFailure } from "./backend-down";
import { cached } from "./cache";
import { scoreWith } from "./visit";

/** The history body, or null (backend down: the local visits still make a history). */
export async function historyBody(code: string, base: string): Promise<unknown> {
  if (backendLooksDown(base)) return null;
  try {
    return await cached(`history:${base}:${code}`, () => backendJson(base, `/solutions/${encodeURIComponent(code)}/history`));
  } catch (err) {
    // A stopped backend: eight shortlisted solutions must not wait 2 s each (backend-down.ts says
    // which failures count: a 404 for a solution the server cannot read does not).
    noteFailure(base, err);
    return null;
  }
}

/** The history body's `latest_read` (the store's latest full read of the solution), if readable. */
export function latestRead(body: unknown): LatestRead | null {
  const read = isObject(body) && isObject(body.latest_read) ? body.latest_read : null;
  if (!read || typeof read.read_at !== "string" || !isFacts(read.facts)) return null;
  const at = Date.parse(read.read_at);
  return Number.isNaN(at) ? null : { at, facts: read.facts };
}

export async function solutionHistory(code: string, settings: Settings): Promise<HistoryReply> {
  const [body, trail] = await Promise.all([historyBody(code, settings.backendUrl), loadTrail(code)]);
  const points = mergePoints(parseObservations(body), trail, latestRead(body));
  const yardstick = scoreWith(settings);
  return { ok: true, points: scorePoints(points, yardstick.score, yardstick.backendPrefixes) };
}

/** Every shortlisted solution's changes since it was added, and the ids not seen yet. */
export async function shortlistChanges(settings: Settings): Promise<ChangesReply> {
  const maxStars = negativeMaxStars(RULES.criteria);
  const solutions: SolutionChanges[] = [];
  for (const item of await loadShortlist()) {
    if (!item.baseline) continue; // added before baselines were kept: no honest "since added"
    const [body, trail] = await Promise.all([historyBody(item.code, settings.backendUrl), loadTrail(item.code)]);
    const read = latestRead(body);
    const visit = trail.at(-1);
    const candidates: Array<{ at: number; facts: FactsView | null }> = [
      { at: Date.parse(`${item.captured}T00:00:00Z`), facts: item.facts },
      { at: visit ? Date.parse(visit.captured) : -Infinity, facts: visit?.facts ?? null },
      { at: read?.at ?? -Infinity, facts: read?.facts ?? null },
    ];
    const newest = newestFacts(candidates);
    const changes = newest ? changesSince(item.baseline, newest, maxStars) : [];
    if (changes.length) solutions.push({ code: item.code, name: item.name, changes });
  }
  return { ok: true, solutions, unseen: unseenIds(solutions, await loadSeen()) };
}

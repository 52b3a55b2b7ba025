// The buyer's own visits to one solution over time ("your visit" points on the history chart), in
// storage.local beside the single "since last visit" snapshot (SPEC §9: never sent anywhere).
// Bounded like the snapshots: one visit per day, at most MAX_TRAIL_VISITS per solution, facts kept
// only in the newest visits while the trail stays under MAX_TRAIL_CHARS (older visits keep their
// values, so the chart still has their price, version and reviews), at most MAX_TRAILS solutions.
import { ext } from "../shared/browser-api";
import { coerceSnapshot, type Snapshot } from "../snapshots/snapshot";

export const TRAIL_PREFIX = "visits:";
export const MAX_TRAIL_VISITS = 12;
export const MAX_TRAIL_CHARS = 12_000;
export const MAX_TRAILS = 200; // 200 x 12 KB: under 2.5 MB of the ~10 MB storage.local

export function trailKey(code: string): string {
  return TRAIL_PREFIX + code;
}

export function coerceTrail(raw: unknown, code: string): Snapshot[] {
  if (!Array.isArray(raw)) return [];
  return raw.slice(-MAX_TRAIL_VISITS).flatMap((v) => {
    const s = coerceSnapshot(v);
    return s && s.code === code ? [s] : [];
  });
}

/** Pure: the trail with this visit (replacing one of the same UTC day), bounded as above. */
export function appendToTrail(trail: readonly Snapshot[], visit: Snapshot, maxChars = MAX_TRAIL_CHARS): Snapshot[] {
  const dayOf = (s: Snapshot) => s.captured.slice(0, 10);
  const list = [...trail.filter((s) => dayOf(s) !== dayOf(visit)), visit]
    .sort((a, b) => Date.parse(a.captured) - Date.parse(b.captured))
    .slice(-MAX_TRAIL_VISITS);
  let budget = maxChars;
  for (let i = list.length - 1; i >= 0; i -= 1) {
    const s = list[i] as Snapshot;
    const size = s.facts ? JSON.stringify(s.facts).length : 0;
    if (size > budget) list[i] = { ...s, facts: null };
    else budget -= size;
  }
  return list;
}

export async function loadTrail(code: string): Promise<Snapshot[]> {
  const key = trailKey(code);
  const got = await ext().storage.local.get(key);
  return coerceTrail(got[key], code);
}

export async function recordTrailVisit(visit: Snapshot): Promise<void> {
  const trail = appendToTrail(await loadTrail(visit.code), visit);
  await ext().storage.local.set({ [trailKey(visit.code)]: trail });
}

/** Pure: the trail keys to drop so that at most `max` remain, least recently visited first. */
export function trailsToPrune(all: Record<string, unknown>, max = MAX_TRAILS): string[] {
  const entries = Object.entries(all)
    .filter(([key]) => key.startsWith(TRAIL_PREFIX))
    .map(([key, value]) => {
      const last = coerceTrail(value, key.slice(TRAIL_PREFIX.length)).at(-1);
      const at = Date.parse(last?.captured ?? "");
      return { key, at: Number.isNaN(at) ? -Infinity : at };
    })
    .sort((a, b) => a.at - b.at);
  return entries.slice(0, Math.max(0, entries.length - max)).map((e) => e.key);
}

export async function pruneTrails(max = MAX_TRAILS): Promise<number> {
  const stale = trailsToPrune(await ext().storage.local.get(null), max);
  if (stale.length) await ext().storage.local.remove(stale);
  return stale.length;
}

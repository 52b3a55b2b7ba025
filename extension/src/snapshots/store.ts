// Snapshots in storage.local, one key per solution. They are the buyer's own browsing trail, so
// they stay in the browser (SPEC §9) and are bounded: the oldest beyond MAX_SNAPSHOTS are pruned.
import { ext } from "../shared/browser-api";
import { coerceSnapshot, type Snapshot } from "./snapshot";

export const SNAPSHOT_PREFIX = "snapshot:";
export const MAX_SNAPSHOTS = 500; // ~200 bytes each: 100 KB of the ~10 MB storage.local quota

export function snapshotKey(code: string): string {
  return SNAPSHOT_PREFIX + code;
}

export async function loadSnapshot(code: string): Promise<Snapshot | null> {
  const key = snapshotKey(code);
  const got = await ext().storage.local.get(key);
  const snapshot = coerceSnapshot(got[key]);
  return snapshot?.code === code ? snapshot : null;
}

export async function saveSnapshot(snapshot: Snapshot): Promise<void> {
  await ext().storage.local.set({ [snapshotKey(snapshot.code)]: snapshot });
}

/** Keys to drop so that at most `max` snapshots remain, oldest (or unreadable) first. Pure. */
export function snapshotsToPrune(all: Record<string, unknown>, max = MAX_SNAPSHOTS): string[] {
  const entries = Object.entries(all)
    .filter(([key]) => key.startsWith(SNAPSHOT_PREFIX))
    .map(([key, value]) => ({ key, at: Date.parse(coerceSnapshot(value)?.captured ?? "") }))
    .map((e) => ({ key: e.key, at: Number.isNaN(e.at) ? -Infinity : e.at }))
    .sort((a, b) => a.at - b.at);
  return entries.slice(0, Math.max(0, entries.length - max)).map((e) => e.key);
}

export async function pruneSnapshots(max = MAX_SNAPSHOTS): Promise<number> {
  const stale = snapshotsToPrune(await ext().storage.local.get(null), max);
  if (stale.length) await ext().storage.local.remove(stale);
  return stale.length;
}

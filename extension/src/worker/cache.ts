// Per-key TTL cache in storage.local, so enrichment survives the MV3 worker being stopped.
// Only backend data is cached (partner facts, history); reports are re-scored on every request
// because the buyer's settings may have changed.
import { ext } from "../shared/browser-api";
import { isObject } from "../shared/guards";

export const CACHE_TTL_MS = 6 * 60 * 60 * 1000;
const PREFIX = "cache:";

interface Entry {
  savedAt: number;
  value: unknown;
}

function isEntry(v: unknown): v is Entry {
  return isObject(v) && typeof v.savedAt === "number" && "value" in v;
}

export function isFresh(entry: Entry, now: number, ttlMs = CACHE_TTL_MS): boolean {
  return now - entry.savedAt >= 0 && now - entry.savedAt < ttlMs;
}

export async function cached<T>(key: string, load: () => Promise<T>, now = Date.now()): Promise<T> {
  const storageKey = PREFIX + key;
  const got = await ext().storage.local.get(storageKey);
  const entry = got[storageKey];
  if (isEntry(entry) && isFresh(entry, now)) return entry.value as T;
  const value = await load();
  await ext().storage.local.set({ [storageKey]: { savedAt: now, value } satisfies Entry });
  return value;
}

/** Drops expired entries; storage.local is bounded (~10 MB) and we must not grow forever. */
export async function pruneCache(now = Date.now()): Promise<number> {
  const all = await ext().storage.local.get(null);
  const stale = Object.entries(all)
    .filter(([key, entry]) => key.startsWith(PREFIX) && (!isEntry(entry) || !isFresh(entry, now)))
    .map(([key]) => key);
  if (stale.length) await ext().storage.local.remove(stale);
  return stale.length;
}

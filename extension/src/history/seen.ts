// Which shortlist changes the buyer has seen (ids from changes.ts changeId), in storage.local. A
// change counts on the toolbar icon until it is seen: the popup's «Что изменилось в сравнении»
// opened, or the solution's own page visited. Bounded: the newest MAX_SEEN ids are kept.
import { ext } from "../shared/browser-api";
import { changeId, type SolutionChanges } from "./changes";

export const SEEN_KEY = "shortlist-seen";
export const MAX_SEEN = 400;

export function coerceSeen(raw: unknown): string[] {
  return Array.isArray(raw) ? raw.filter((v): v is string => typeof v === "string" && v.length <= 200).slice(-MAX_SEEN) : [];
}

/** Pure: every change's id, solution by solution. */
export function allIds(solutions: readonly SolutionChanges[]): string[] {
  return solutions.flatMap((s) => s.changes.map((c) => changeId(s.code, c)));
}

/** Pure: the ids not seen yet (the toolbar icon's count is their number). */
export function unseenIds(solutions: readonly SolutionChanges[], seen: readonly string[]): string[] {
  const known = new Set(seen);
  return allIds(solutions).filter((id) => !known.has(id));
}

export async function loadSeen(): Promise<string[]> {
  const got = await ext().storage.local.get(SEEN_KEY);
  return coerceSeen(got[SEEN_KEY]);
}

/** `beforeWrite` learns the list about to be stored (so the writer knows its own change event). */
export async function markSeen(ids: readonly string[], beforeWrite?: (next: readonly string[]) => void): Promise<void> {
  if (ids.length === 0) return;
  const current = await loadSeen();
  const merged = [...current.filter((id) => !ids.includes(id)), ...ids].slice(-MAX_SEEN);
  beforeWrite?.(merged);
  await ext().storage.local.set({ [SEEN_KEY]: merged });
}

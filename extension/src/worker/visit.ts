// "Since your last visit", worker side: compare this visit's snapshot with the stored one (and the
// backend's observations when it is reachable), then store the new snapshot. The history body is
// the one enrich.ts has just cached for this page, so a visit normally costs no extra request.
import type { Settings } from "../shared/settings";
import { diffSnapshots, type SinceLastVisit } from "../snapshots/diff";
import { parseObservations, type Observation } from "../snapshots/observations";
import type { Snapshot } from "../snapshots/snapshot";
import { loadSnapshot, saveSnapshot } from "../snapshots/store";
import { backendJson } from "./backend-client";
import { backendLooksDown } from "./backend-down";
import { cached } from "./cache";

async function observations(code: string, base: string): Promise<Observation[]> {
  if (backendLooksDown(base)) return [];
  const body = await cached(`history:${base}:${code}`, () =>
    backendJson(base, `/solutions/${encodeURIComponent(code)}/history`),
  ).catch(() => null);
  return parseObservations(body);
}

export async function recordVisit(snapshot: Snapshot, settings: Settings): Promise<SinceLastVisit | null> {
  const previous = await loadSnapshot(snapshot.code);
  const seen = previous ? await observations(snapshot.code, settings.backendUrl) : [];
  const since = diffSnapshots(previous, snapshot, seen);
  await saveSnapshot(snapshot); // after the diff: the next visit compares with this one
  return since;
}

// "Since your last visit", worker side: compare this visit's snapshot with the stored one (and the
// backend's observations when it is reachable), then store the new snapshot. The history body is
// the one enrich.ts has just cached for this page, so a visit normally costs no extra request.
// Both visits' facts are scored here with the settings and rules of now (snapshots/diff.ts).
import { localToday } from "../shared/dates";
import { evaluate } from "../shared/evaluate";
import { RULES } from "../shared/rules";
import type { Settings } from "../shared/settings";
import { backendPrefixes } from "../snapshots/comparable";
import { diffSnapshots, type ScoreWith, type SinceLastVisit } from "../snapshots/diff";
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

/** Today's settings, rules and date: the one yardstick for both visits. */
export function scoreWith(settings: Settings, today = localToday()): ScoreWith {
  return {
    score: (facts) => {
      try {
        return evaluate(facts, settings, today).score;
      } catch {
        return null; // the old facts are off today's schema (new rules): no score line
      }
    },
    backendPrefixes: backendPrefixes(RULES.scoring),
  };
}

export async function recordVisit(snapshot: Snapshot, settings: Settings, today = localToday()): Promise<SinceLastVisit | null> {
  const previous = await loadSnapshot(snapshot.code);
  const seen = previous ? await observations(snapshot.code, settings.backendUrl) : [];
  const since = diffSnapshots(previous, snapshot, seen, scoreWith(settings, today));
  await saveSnapshot(snapshot); // after the diff: the next visit compares with this one
  return since;
}

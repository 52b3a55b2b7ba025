// Adds what the page lacks (partner rating, update history) and re-scores with the same engine.
// A backend that just failed is not asked again for a minute (backend-down.ts).
import type { FactsView, Report } from "../shared/contracts";
import { localToday } from "../shared/dates";
import { evaluate } from "../shared/evaluate";
import type { Settings } from "../shared/settings";
import { BackendUnavailable, backendJson } from "./backend-client";
import { backendLooksDown, noteFailure } from "./backend-down";
import { cached } from "./cache";
import { mergeHistory, mergePartner, partnerExtra, partnerLookups, withLookups } from "./merge";

async function withBackend<T>(base: string, call: () => Promise<T>): Promise<T> {
  if (backendLooksDown(base)) throw new BackendUnavailable("backend failed recently");
  try {
    return await call();
  } catch (err) {
    noteFailure(base, err);
    throw err;
  }
}

export async function enrichAndScore(facts: FactsView, settings: Settings): Promise<{ facts: FactsView; report: Report }> {
  const base = settings.backendUrl;
  const partnerId = facts.partner?.id;
  if (typeof partnerId !== "number") throw new BackendUnavailable("no partner id on the page");
  const partner = await withBackend(base, () =>
    cached(`partner:${base}:${partnerId}`, () => backendJson(base, `/partners/${partnerId}`)),
  );
  // The lookups tell the engine why a backend fact is still unknown (not in the rating, or the
  // rating unread); a failed request never gets here: the page keeps its facts without lookups,
  // which the engine reads as "backend unreachable".
  let merged = withLookups(mergePartner(facts, partnerExtra(partner)), partnerLookups(partner));
  if (facts.code) {
    const code = facts.code;
    // History only fills gaps; losing it must not cost the partner rating.
    const history = await cached(`history:${base}:${code}`, () =>
      backendJson(base, `/solutions/${encodeURIComponent(code)}/history`),
    ).catch(() => null);
    merged = mergeHistory(merged, history);
  }
  return { facts: merged, report: evaluate(merged, settings, localToday()) };
}

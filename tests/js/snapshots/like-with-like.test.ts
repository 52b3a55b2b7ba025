// "Since your last visit" compares like with like (issue 10 point 7): the score line comes from
// both visits' facts re-scored with today's settings, rules and date, so the buyer's own changes
// (profile, switched-off steps, their checks) and the backend coming or going never read as the
// vendor's. Real facts (the paid module fixture) and the real engine and rules.
/// <reference types="node" />
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import type { FactsView } from "../../../extension/src/shared/contracts";
import { coerceSettings, DEFAULT_SETTINGS, type Settings } from "../../../extension/src/shared/settings";
import { backendPrefixes, comparable, withoutBackend } from "../../../extension/src/snapshots/comparable";
import { diffSnapshots } from "../../../extension/src/snapshots/diff";
import { keptFacts, MAX_FACTS_CHARS, type Snapshot } from "../../../extension/src/snapshots/snapshot";
import { scoreWith } from "../../../extension/src/worker/visit";

const ROOT = join(__dirname, "..", "..", "..");
vi.mock("../../../extension/src/shared/rules", async () => {
  const { readRulesBundle } = await import("../../../extension/build/rules-bundle.mjs");
  return { RULES: readRulesBundle(join(__dirname, "..", "..", "..", "shared_rules")) };
});
const SCORING = JSON.parse(readFileSync(join(ROOT, "shared_rules", "scoring.json"), "utf8"));
const PAGE: FactsView = JSON.parse(
  readFileSync(join(ROOT, "tests", "fixtures", "marketplace", "expected", "solution_module_paid_demo14_active.json"), "utf8"),
);
const TODAY = "2026-11-27"; // the fixtures' today (expected/README.md)
const PREFIXES = backendPrefixes(SCORING);

function visit(captured: string, facts: FactsView | null, score: number | null): Snapshot {
  return { code: "nordlab.smartseo", captured, price: 12990, reviews_total: 37, comments_total: null, version: "3.4.2", score, facts };
}
const FIRST = "2026-11-20T10:00:00.000Z";
const SECOND = "2026-11-27T10:00:00.000Z";
const since = (prev: Snapshot, cur: Snapshot, settings: Settings) => diffSnapshots(prev, cur, [], scoreWith(settings, TODAY));

describe("the score line", () => {
  it("the profiles really score this page differently (else the tests below prove nothing)", () => {
    const score = (s: Settings) => scoreWith(s, TODAY).score(PAGE);
    expect([score(DEFAULT_SETTINGS), score({ ...DEFAULT_SETTINGS, profile: "site" }), score({ ...DEFAULT_SETTINGS, profile: "narrow" })])
      .toEqual([98, 94, 89]);
  });

  it("is absent after only a profile change: the page is the same", () => {
    // Seen as 98 with the automatic profile, then the buyer picked "site" for this solution (94).
    const settings = coerceSettings({ solutionProfiles: { "nordlab.smartseo": "site" } });
    expect(since(visit(FIRST, PAGE, 98), visit(SECOND, PAGE, 94), settings)).toEqual({ since: FIRST, changes: [] });
  });

  it("is absent after a step was switched off or a global profile chosen", () => {
    const settings = coerceSettings({ profile: "narrow", disabled: ["cases", "support"] });
    expect(since(visit(FIRST, PAGE, 98), visit(SECOND, PAGE, 80), settings)?.changes).toEqual([]);
  });

  it("is absent after only the buyer's own check: today's checks count on both sides", () => {
    const checked = { ...PAGE, buyer: { cases_checked: "broken", recorded: TODAY } };
    expect(scoreWith(DEFAULT_SETTINGS, TODAY).score(checked)).not.toBe(98); // the check does move the score
    expect(since(visit(FIRST, PAGE, 98), visit(SECOND, checked, 80), DEFAULT_SETTINGS)?.changes).toEqual([]);
  });

  it("shows the vendor's change, scored with today's profile on both sides", () => {
    // The vendor removed the documentation link: a page change, under the buyer's new profile.
    const changed = { ...PAGE, links: { ...(PAGE.links as object), documentation: null } };
    const settings = coerceSettings({ solutionProfiles: { "nordlab.smartseo": "site" } });
    const rescore = scoreWith(settings, TODAY).score;
    const [from, to] = [rescore(PAGE), rescore(changed)];
    expect(from).toBe(94);
    expect(to).not.toBe(94);
    expect(since(visit(FIRST, PAGE, 98), visit(SECOND, changed, 0), settings)?.changes).toEqual([{ kind: "score", from: 94, to }]);
  });

  it("is absent when the old visit kept no facts (stored before they were kept)", () => {
    const changed = { ...PAGE, links: { ...(PAGE.links as object), documentation: null } };
    expect(since(visit(FIRST, null, 98), visit(SECOND, changed, 70), DEFAULT_SETTINGS)?.changes).toEqual([]);
  });

  it("is absent when the old facts are off today's schema (a new rules version)", () => {
    const old = { ...PAGE, kind: "plugin" } as FactsView;
    expect(since(visit(FIRST, old, 98), visit(SECOND, PAGE, 98), DEFAULT_SETTINGS)?.changes).toEqual([]);
  });

  it("ignores the backend answering on one visit only", () => {
    const enriched: FactsView = {
      ...PAGE,
      partner: { id: 731204, name: "NordLab", rating_position: 14, rating_total: 1318, specialization: "software" },
      lookups: { backend: "ok", partner_rating: "found" },
    };
    expect(scoreWith(DEFAULT_SETTINGS, TODAY).score(enriched)).not.toBe(98); // the rating moves the score
    expect(since(visit(FIRST, PAGE, 98), visit(SECOND, enriched, 0), DEFAULT_SETTINGS)?.changes).toEqual([]);
  });
});

describe("comparable facts", () => {
  it("names the backend's fact paths from the rules", () => {
    expect(PREFIXES).toEqual([
      "partner.rating_position", "partner.rating_total", "partner.solutions_count", "partner.status", "partner.specialization",
    ]);
  });

  it("takes out what the backend added, the history it filled included", () => {
    const facts = {
      ...PAGE, partner: { id: 1, name: "X", rating_position: 3, rating_total: 9 }, changelog: [{ version: "1", date: "2026-01-01" }],
      sources: { changelog: "backend" }, lookups: { backend: "ok", partner_rating: "found" },
    } as FactsView;
    const bare = withoutBackend(facts, PREFIXES);
    expect(bare.partner).toEqual({ id: 1, name: "X", rating_position: null, rating_total: null });
    expect(bare.changelog).toBeNull();
    expect(bare.sources).toEqual({});
    expect(bare).not.toHaveProperty("lookups");
  });

  it("keeps both sides' backend facts when both visits had the backend", () => {
    const a = { ...PAGE, partner: { id: 1, name: "X", rating_position: 3 }, lookups: { backend: "ok" } } as FactsView;
    const b = { ...a, partner: { id: 1, name: "X", rating_position: 1 } } as FactsView;
    const [then, now] = comparable(a, b, PREFIXES);
    expect([then.partner?.rating_position, now.partner?.rating_position]).toEqual([3, 1]);
  });

  it("drops the old checks when there are none today", () => {
    const [then] = comparable({ ...PAGE, buyer: { account_manager: "offered" } }, PAGE, PREFIXES);
    expect(then).not.toHaveProperty("buyer");
  });
});

describe("kept facts", () => {
  it("leave the extractor's diagnostics out and are bounded", () => {
    const kept = keptFacts({ ...PAGE, extraction: { markup_changed: false }, found_by: { price: "label" } });
    expect(kept).toEqual(PAGE);
    const huge = { ...PAGE, name: "x".repeat(MAX_FACTS_CHARS) };
    expect(keptFacts(huge)).toBeNull();
  });
});

// Shortlist entries and models for the comparison tests, built on the extension tests' report
// fixture (tests/js/extension/fixtures.ts).
import { CRITERIA, type Report, type Status } from "../../../extension/src/shared/contracts";
import { completeFacts } from "../../../extension/src/shared/facts-skeleton";
import type { ShortlistItem } from "../../../extension/src/shared/shortlist";
import { buildModel, type ComparisonModel } from "../../../extension/src/compare/model";
import { COMPARISON_RULES } from "../../../extension/src/compare/rules";
import { criterionTitle } from "../../../extension/src/ui/rules-text";
import { criterion, readRulesTexts, sampleReport } from "../extension/fixtures";

export interface Spec {
  code: string;
  name?: string;
  score: number | null;
  rub: number | null;
  kind?: "module" | "site" | null;
  /** Nine statuses in checklist order. */
  statuses: Status[];
}

const TEXTS = readRulesTexts();

/** The headline the score bands of scoring.json give (the comparison only names a passing one). */
function headlineFor(score: number | null): Report["headline"] {
  if (score === null) return { status: "unknown", key: "not_enough_data" };
  if (score >= 75) return { status: "good", key: "solid" };
  return score >= 50 ? { status: "warn", key: "mixed" } : { status: "bad", key: "risky" };
}

export function reportFor(spec: Spec): Report {
  return sampleReport({
    code: spec.code,
    score: spec.score,
    headline: headlineFor(spec.score),
    // Step titles as the engine's reports carry them, so recommendation texts read as on the page.
    criteria: CRITERIA.map((id, i) => ({
      ...criterion(id, spec.statuses[i] ?? "unknown", i + 1),
      title: { ru: criterionTitle(TEXTS, id, "ru"), en: criterionTitle(TEXTS, id, "en") },
    })),
  });
}

export function entryFor(spec: Spec): ShortlistItem {
  const name = spec.name ?? spec.code;
  const facts = completeFacts({ name, kind: spec.kind ?? "module", price: { rub: spec.rub, old_rub: null, free: spec.rub === 0 } }, spec.code);
  return {
    code: spec.code, name, url: facts.url, kind: spec.kind === undefined ? "module" : spec.kind,
    added: "2026-11-20", captured: "2026-11-27", facts, report: reportFor(spec),
  };
}

export const JUDGE_DAY = "2026-11-27";

export function modelFor(specs: Spec[]): ComparisonModel {
  return buildModel(specs.map((spec) => ({ item: entryFor(spec), report: reportFor(spec) })), COMPARISON_RULES, JUDGE_DAY);
}

const G: Status = "good", W: Status = "warn", B: Status = "bad", U: Status = "unknown", N: Status = "not_applicable";

/** The e2e trio's shape: NordLab-like, ТехноСтар-like, QuickDev-like. */
export const TRIO: Spec[] = [
  { code: "nordlab.smartseo", name: "NordLab", score: 96, rub: 12990, statuses: [G, G, G, G, U, G, W, G, U] },
  { code: "tehnostar.importer", name: "ТехноСтар", score: 88, rub: 7900, statuses: [G, G, G, G, U, B, W, G, U] },
  { code: "quickdev.callbackpro", name: "QuickDev", score: 7, rub: 3500, statuses: [B, B, B, B, U, B, W, N, U] },
];

// What the buyer must know before trusting the verdict (twin of backend/mpcheck/compare/warnings.py):
// mixed kinds (a ready-made shop next to modules), unequal coverage (candidates not known on the
// same steps), a withdrawn solution on the list.
import type { Lang } from "../shared/contracts";
import type { Candidate } from "./candidates";
import { fill, fullStop, joinList } from "./format";
import { ruleText, type ComparisonRules } from "./rules";
import { differingSteps } from "./swing";

export type WarningKey = "withdrawn_in_list" | "mixed_kinds" | "unequal_coverage";
export interface WarningJson { key: WarningKey; codes: string[]; ru: string; en: string }

function warning(key: WarningKey, codes: string[], text: (lang: Lang) => string): WarningJson {
  return { key, codes, ru: fullStop(text("ru")), en: fullStop(text("en")) };
}

const names = (list: Candidate[], lang: Lang) => joinList(list.map((c) => c.name), lang);

function withdrawn(candidates: Candidate[], rules: ComparisonRules): WarningJson | null {
  const gone = candidates.filter((c) => c.withdrawn);
  if (!gone.length) return null;
  return warning("withdrawn_in_list", gone.map((c) => c.code), (lang) =>
    fill(ruleText(rules, "warning", "withdrawn_in_list", lang), { names: names(gone, lang) }));
}

function mixedKinds(candidates: Candidate[], rules: ComparisonRules): WarningJson | null {
  const kinds = (["module", "site"] as const).filter((k) => candidates.some((c) => c.kind === k));
  if (kinds.length < 2) return null;
  return warning("mixed_kinds", candidates.filter((c) => c.kind !== null).map((c) => c.code), (lang) => {
    const groups = kinds
      .map((k) => fill(ruleText(rules, "warning", "mixed_group", lang), {
        kind: ruleText(rules, "warning", `kind_${k}`, lang), names: names(candidates.filter((c) => c.kind === k), lang),
      }))
      .join("; ");
    return fill(ruleText(rules, "warning", "mixed_kinds", lang), { groups });
  });
}

/** Codes of those lacking something another candidate knows (only scored ones compare). */
function unequalCoverage(candidates: Candidate[], rules: ComparisonRules): WarningJson | null {
  const scored = candidates.filter((c) => c.score !== null && !c.withdrawn);
  const lacking = scored.filter((c) => scored.some((o) => o !== c && differingSteps(c, o, rules.swingIgnoresBonus).length > 0));
  if (!lacking.length) return null;
  const key = lacking.length === 1 ? "unequal_coverage_one" : "unequal_coverage"; // «о кандидате» / «о кандидатах»
  return warning("unequal_coverage", lacking.map((c) => c.code), (lang) =>
    fill(ruleText(rules, "warning", key, lang), { names: names(lacking, lang) }));
}

/** Every warning that applies, in a fixed order: withdrawn, mixed kinds, unequal coverage. */
export function warningsFor(candidates: Candidate[], rules: ComparisonRules): WarningJson[] {
  return [withdrawn(candidates, rules), mixedKinds(candidates, rules), unequalCoverage(candidates, rules)].filter(
    (w): w is WarningJson => w !== null,
  );
}

// The only bridge from the shell to the rules engine (extension/src/engine, another module's
// job). Content script and worker both score through here so options (profile, disabled
// criteria) are applied the same way.
import { buildReport, type CriterionId, type Facts, type RulesBundle, type Status } from "../engine";
import type { CriterionId as ShellCriterionId, FactsView, Report, Status as ShellStatus } from "./contracts";
import { RULES } from "./rules";
import { buildOptions, type Settings } from "./settings";

// The shell keeps its own structural subset of the engine's types (contracts.ts); these lines fail
// the type check if the two drift apart. (The engine's Report is assigned to the shell's below.)
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const SAME_STATUSES: Same<Status, ShellStatus> = true;
export const SAME_CRITERIA: Same<CriterionId, ShellCriterionId> = true;

// The bundle is checked against shared_rules/*.schema.json by the rules' own tests; the virtual
// module is typed loosely, so it is narrowed to the engine's type here, once.
const ENGINE_RULES = RULES as unknown as RulesBundle;

export function evaluate(facts: FactsView, settings: Settings, today: string): Report {
  // FactsView is the shell's structural subset of the engine's Facts (validated by isFacts).
  const report: Report = buildReport(facts as unknown as Facts, ENGINE_RULES, { today, ...buildOptions(settings, facts.code) });
  return report;
}

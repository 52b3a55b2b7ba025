// The only bridge from the shell to the rules engine (extension/src/engine, another module's
// job). Content script and worker both score through here so options (profile, disabled
// criteria) are applied the same way.
import { buildReport } from "../engine";
import type { FactsView, Report } from "./contracts";
import { RULES } from "./rules";
import { buildOptions, type Settings } from "./settings";

type EngineFacts = Parameters<typeof buildReport>[0];
type EngineRules = Parameters<typeof buildReport>[1];

export function evaluate(facts: FactsView, settings: Settings, today: string): Report {
  const report = buildReport(facts as unknown as EngineFacts, RULES as unknown as EngineRules, {
    today,
    ...buildOptions(settings),
  });
  return report as unknown as Report;
}

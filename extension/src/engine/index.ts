// The TypeScript rules engine (mirror of backend/mpcheck/engine): pure functions, no DOM, no
// chrome.* and no Node APIs, so the content script and the service worker both run it.
export { buildReport } from "./report";
export { METRICS } from "./metrics";
export { FactsError, validateFacts } from "./factsSchema";
export type {
  BuildOptions, CriterionId, CriterionReport, CriterionRule, Evidence, EvidenceSource, Facts, Headline, Json,
  Lang, MetricName, Outcome, Profile, ProfileChoice, PublicFinding, Report, RulesBundle, Scalar, Scoring, Status, Text,
  UnknownReason,
} from "./types";

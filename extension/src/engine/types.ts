// Types of the engine's three contracts: facts (shared_rules/facts.schema.json), the rules bundle
// (scoring.json + criteria/*.json, shared_rules/rule.schema.json) and the report (mpcheck.report/1,
// exactly the dict backend/mpcheck/engine/report.py::build_report returns).
// The engine never trusts these types at run time: facts come from a page, so every metric
// re-checks what it reads, as the Python engine does.

/** Any value JSON can carry (what facts and rules are made of). */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
/** What a metric returns and a band compares; null = unknown. */
export type Scalar = string | number | boolean;
export type Lang = "ru" | "en";
export type Text = { ru: string; en: string };
export type Origin = "article" | "ours";

export type CriterionId =
  | "demo" | "support" | "reviews" | "updates" | "developer" | "packaging" | "cases" | "price" | "account_manager";
export type Profile = "module" | "site" | "narrow";
export type Status = "good" | "warn" | "bad" | "unknown" | "not_applicable";
/** A finding's outcome: a band's outcome, or "unknown" when no value / no band. */
export type Outcome = "good" | "warn" | "bad" | "unknown" | "not_applicable";
export type EvidenceSource = "page" | "backend" | "you";
export type ValueFormat = "plain" | "percent" | "decimal1" | "money";

export type MetricName =
  | "demo_length" | "support_channel_class" | "value_at" | "first_known" | "timezone_offset_msk"
  | "days_since_newest" | "count_within_days" | "median_of_field" | "items_per_month" | "answered_share"
  | "age_days" | "partner_rating_zone" | "link_present" | "list_length" | "price_state" | "paid_without_trial"
  | "measured_over_declared";

// ---- facts (mpcheck.facts/1) -------------------------------------------------------------

type Maybe<T> = T | null;
export interface DatedItem { date: Maybe<string>; stars?: Maybe<number>; answered?: Maybe<boolean> }
export interface ChangelogEntry { version: Maybe<string>; date: Maybe<string>; chars?: Maybe<number> }

export interface Facts {
  schema: "mpcheck.facts/1";
  page_type?: Maybe<"solution" | "listing" | "partner" | "partners_rating" | "other">;
  url?: Maybe<string>;
  code?: Maybe<string>;
  name?: Maybe<string>;
  kind?: Maybe<"module" | "site">;
  withdrawn?: Maybe<boolean>;
  partner?: Maybe<{
    id?: Maybe<number>; name?: Maybe<string>; rating_position?: Maybe<number>; rating_total?: Maybe<number>;
    solutions_count?: Maybe<number>; status?: Maybe<string>; specialization?: Maybe<"software" | "agency">;
  }>;
  price?: Maybe<{ rub?: Maybe<number>; old_rub?: Maybe<number>; free?: Maybe<boolean> }>;
  demo?: Maybe<{ available?: Maybe<boolean>; days?: Maybe<number>; online_demo_url?: Maybe<string> }>;
  installs?: Maybe<{ label?: Maybe<string>; min?: Maybe<number>; max?: Maybe<number> }>;
  published?: Maybe<string>;
  updated?: Maybe<string>;
  version?: Maybe<string>;
  rating?: Maybe<{ average?: Maybe<number> }>;
  reviews?: Maybe<{ total?: Maybe<number>; items?: Maybe<DatedItem[]> }>;
  comments?: Maybe<{ total?: Maybe<number>; items?: Maybe<DatedItem[]> }>;
  changelog?: Maybe<ChangelogEntry[]>;
  support?: Maybe<{
    free_months?: Maybe<number>; channels?: Maybe<string[]>; hours?: Maybe<string>;
    timezone?: Maybe<string>; response_hours?: Maybe<number>;
  }>;
  links?: Maybe<{ documentation?: Maybe<string>; video?: Maybe<string[]>; presentation?: Maybe<string>; cases?: Maybe<string[]> }>;
  editions?: Maybe<string[]>;
  adaptive?: Maybe<boolean>;
  composite?: Maybe<boolean>;
  buyer?: Maybe<{
    support_test?: Maybe<{
      asked_at?: Maybe<string>; answered_at?: Maybe<string>; response_hours?: Maybe<number>; recorded?: Maybe<string>;
    }>;
    account_manager?: Maybe<"offered" | "not_offered" | "unresponsive">;
    cases_checked?: Maybe<"worked" | "broken">;
    docs_quality?: Maybe<"good" | "poor">;
    specialization?: Maybe<"software" | "agency">;
    recorded?: Maybe<string>;
  }>;
  sources?: Record<string, EvidenceSource>;
  found_by?: Record<string, string>;
  extraction?: { markup_changed?: boolean; missing_confirmed?: string[]; sources?: Record<string, Json>; conflicts?: Json };
}

// ---- rules (criteria/*.json, scoring.json) -------------------------------------------------

/** Arguments of a metric: free-form in the schema, read through the checked getters in metricArgs.ts. */
export type MetricArgs = Readonly<Record<string, Json>>;

export interface When {
  eq?: Scalar; in?: Scalar[]; lt?: number; lte?: number; gt?: number; gte?: number; profile_in?: Profile[];
}
export interface Band {
  when?: When; outcome: "good" | "warn" | "bad" | "not_applicable"; fraction?: number; veto?: boolean;
  key: string; origin: Origin;
}
export interface Excuse { metric: MetricName; args: MetricArgs; when: When; key: string; origin: Origin }
export interface Signal {
  id: string; label: Text; question: Text; metric: MetricName; args: MetricArgs; facts: string[]; weight: number;
  weights_by_profile?: Partial<Record<Profile, number>>; display?: string; format?: ValueFormat;
  not_applicable_when?: Excuse; bands: Band[];
}
export interface CriterionRule {
  $comment?: string; id: CriterionId; step: number; title: Text; page_anchor?: string | null; bonus?: boolean;
  weights: Record<Profile, number> & { origin: Origin };
  signals: Signal[]; messages: Record<string, Text>; check_yourself: Text;
}
export interface Scoring {
  $comment?: string;
  criteria_order: CriterionId[];
  outcome_fraction: Partial<Record<Outcome, number>>;
  criterion_status_bands: { min: number; status: Status; origin: Origin }[];
  veto_cap: number;
  min_coverage: { value: number; origin: Origin };
  profiles: { names: string[]; by_kind: Record<string, string>; fallback: string; labels: Record<string, Text> };
  evidence_sources: { default: EvidenceSource; prefixes: { prefix: string; source: EvidenceSource }[] };
  headline: {
    rules: { criterion: CriterionId; keys: string[]; key: string }[];
    score_bands: { min: number; status: Status; key: string }[];
    no_score: { status: Status; key: string };
    messages: Record<string, Text>;
  };
  texts: { coverage: Text; status: Record<Status, Text>; unknown: Text; disabled: Text };
}
export interface RulesBundle { version: string; scoring: Scoring; criteria: Record<CriterionId, CriterionRule> }

// ---- report (mpcheck.report/1) -------------------------------------------------------------

export interface Evidence { fact: string; value: Json; source: EvidenceSource; signal: string }
export interface PublicFinding { signal: string; outcome: Outcome; key: string | null; value: Scalar | null; weight: number }
export interface CriterionReport {
  id: CriterionId; step: number; title: Text; status: Status; key: string | null;
  points: number | null; max_points: number; fraction: number | null; bonus: boolean;
  evidence: Evidence[]; findings: PublicFinding[]; message: Text; check_yourself: Text; page_anchor: string | null;
}
export interface Headline { status: Status; key: string; message: Text }
export interface Report {
  schema: "mpcheck.report/1";
  rules_version: string;
  code: string | null;
  name: string | null;
  profile: string;
  profile_label: Text;
  today: string;
  score: number | null;
  coverage: number;
  coverage_known: number;
  coverage_total: number;
  headline: Headline;
  criteria: CriterionReport[];
}

export interface BuildOptions {
  /** YYYY-MM-DD; an input so results are reproducible. */
  today: string;
  /** An explicit profile; anything not in scoring.profiles.names falls back to the solution kind. */
  profile?: string | null;
  /** Criterion ids switched off in the settings. */
  disabled?: readonly string[];
}

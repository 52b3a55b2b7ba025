// Types of the engine's three contracts: facts (shared_rules/facts.schema.json), the rules bundle
// (scoring.json + criteria/*.json, shared_rules/rule.schema.json) and the report (mpcheck.report/1,
// exactly the dict backend/mpcheck/engine/report.py::build_report returns).
// Facts are checked against facts.schema.json at the engine's door (factsSchema.ts); metrics still
// read them through the checked getters, so a type here is a promise the door keeps.

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
export type ValueFormat =
  | "plain" | "percent" | "decimal1" | "money" | "date"
  | "days" | "days_ago" | "hours" | "working_hours" | "months" | "times" | "characters"
  | "channel" | "specialization" | "answer";
export type UnknownReason = "not_on_page" | "markup_changed" | "backend_unreachable" | "partner_not_found" | "not_checked_by_you";
export type ProfileChoice = "kind" | "user" | "default";

export type MetricName =
  | "demo_length" | "support_channel_class" | "value_at" | "first_known" | "timezone_offset_msk"
  | "days_since_newest" | "count_within_days" | "median_of_field" | "items_per_month" | "answered_share"
  | "age_days" | "partner_rating_zone" | "link_present" | "list_length" | "price_state" | "measured_over_declared"
  | "support_breaches";

// ---- facts (mpcheck.facts/1) -------------------------------------------------------------

type Maybe<T> = T | null;
export interface DatedItem { date: Maybe<string>; stars?: Maybe<number>; answered?: Maybe<boolean> }
export interface ChangelogEntry { version: Maybe<string>; date: Maybe<string>; chars?: Maybe<number> }

export interface SupportTest {
  asked_at?: Maybe<string>; answered_at?: Maybe<string>; response_hours?: Maybe<number>; recorded?: Maybe<string>;
}

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
  price?: Maybe<{ rub?: Maybe<number>; old_rub?: Maybe<number>; free?: Maybe<boolean>; discount_until?: Maybe<string> }>;
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
    support_test?: Maybe<SupportTest>;
    /** Every recorded test, newest first (support_test is the newest). */
    support_tests?: Maybe<SupportTest[]>;
    account_manager?: Maybe<"offered" | "not_offered" | "unresponsive">;
    cases_checked?: Maybe<"worked" | "broken">;
    docs_quality?: Maybe<"good" | "poor">;
    specialization?: Maybe<"software" | "agency">;
    recorded?: Maybe<string>;
  }>;
  sources?: Record<string, EvidenceSource>;
  /** What the backend lookups came to (absent: none was made); feeds unknown_reason. */
  lookups?: { backend?: Maybe<"ok" | "unreachable">; partner_rating?: Maybe<"found" | "not_found"> };
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
/** An extra evidence entry of a signal; {name} in its messages is the entry's formatted value. */
export interface EvidenceEntry { name: string; fact: string; label: Text; format: ValueFormat }
export interface Excuse { metric: MetricName; args: MetricArgs; when: When; key: string; origin: Origin }
export interface Signal {
  id: string; label: Text; question: Text; metric: MetricName; args: MetricArgs; facts: string[]; weight: number;
  weights_by_profile?: Partial<Record<Profile, number>>; display?: string; format?: ValueFormat;
  evidence?: EvidenceEntry[]; not_applicable_when?: Excuse; bands: Band[];
}
export interface CriterionRule {
  $comment?: string; id: CriterionId; step: number; title: Text; page_anchor?: string | null; bonus?: boolean;
  /** Shows facts with no verdict (the price): a step whose only findings are not_applicable is not applicable. */
  informational?: boolean;
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
  unknown_reasons: {
    by_source: Record<EvidenceSource, UnknownReason>;
    overrides: { source: EvidenceSource; fact: string; eq: Scalar; reason: UnknownReason }[];
  };
  numbers: Record<Lang, NumberStyle>;
  evidence_sources: { default: EvidenceSource; prefixes: { prefix: string; source: EvidenceSource }[] };
  headline: {
    rules: HeadlineRule[];
    score_bands: { min: number; status: Status; key: string }[];
    no_score: { status: Status; key: string };
    messages: Record<string, Text>;
  };
  texts: {
    coverage: Text; status: Record<Status, Text>; unknown: Text; disabled: Text;
    unknown_reasons: Record<UnknownReason, Text>; mixed: Text; signals: Text;
  };
}
/** One locale's number style (scoring.json "numbers", docs/ENGINE-NUMBERS.md). */
export interface NumberStyle {
  decimal: string; group: string; percent: string; money: string; date: string; yes: string; no: string;
  /** Twelve month names for the date template's {mon}. */
  months: string[];
  plural: PluralRule;
  /** An empty list («не указаны»). */
  none: string;
  units: Readonly<Record<string, Unit>>;
  /** Fact values as people say them, per vocabulary («ticket» -> «тикеты»). */
  words: Readonly<Record<string, Readonly<Record<string, string>>>>;
}
/** The language whose plural rule counts (formatting.pluralIndex). */
export type PluralRule = "ru" | "en";
/** A counted unit: plural forms with {n}, and the word a zero reads as, if it has one. */
export interface Unit { forms: string[]; zero?: string }
/** A headline rule: a fact test, or a criterion's (or one of its signals') key; `status` caps the band's. */
export type HeadlineRule = { key: string; status?: Status } & (
  | { fact: string; eq: Scalar }
  | { criterion: CriterionId; signal?: string; keys: string[] }
);
export interface RulesBundle { version: string; scoring: Scoring; criteria: Record<CriterionId, CriterionRule> }

// ---- report (mpcheck.report/1) -------------------------------------------------------------

export interface Evidence { fact: string; value: Json; source: EvidenceSource; signal: string; label: Text; text: Text }
export interface PublicFinding {
  signal: string; outcome: Outcome; key: string | null; value: Scalar | null; weight: number;
  unknown_reason: UnknownReason | null;
}
export interface CriterionReport {
  id: CriterionId; step: number; title: Text; status: Status; key: string | null;
  points: number | null; max_points: number;
  /** The criterion's share of the checklist for the profile; known_weight: the part of it whose signals are known. */
  weight: number; known_weight: number | null; signals: { known: number; total: number };
  unknown_reason: UnknownReason | null;
  fraction: number | null; bonus: boolean;
  evidence: Evidence[]; findings: PublicFinding[]; message: Text; check_yourself: Text; page_anchor: string | null;
}
export interface Headline { status: Status; key: string; message: Text }
export interface Report {
  schema: "mpcheck.report/1";
  rules_version: string;
  code: string | null;
  name: string | null;
  profile: { id: string; chosen_by: ProfileChoice };
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

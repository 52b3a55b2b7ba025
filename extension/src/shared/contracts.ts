// Minimal local views of the SPEC §3/§4 contracts that the shell reads. The engine's own types
// (extension/src/engine/types.ts) are the source of truth; these are structural subsets of them
// (checked at compile time in shared/evaluate.ts), so the UI and the message validators depend
// only on the fields they use and on nothing engine-internal (findings, fractions, ...).

export const CRITERIA = [
  "demo", "support", "reviews", "updates", "developer", "packaging", "cases", "price", "account_manager",
] as const;
export type CriterionId = (typeof CRITERIA)[number];

export const STATUSES = ["good", "warn", "bad", "unknown", "not_applicable"] as const;
export type Status = (typeof STATUSES)[number];

export type Profile = "module" | "site" | "narrow";
export type Lang = "ru" | "en";
export type Localized = { ru: string; en: string };
export type EvidenceSource = "page" | "backend" | "you";

export interface Evidence {
  fact: string; value: unknown; source: EvidenceSource; signal?: string;
  /** The engine's short name and locale text of the value (absent in reports stored by older versions). */
  label?: Localized; text?: Localized;
}

export type UnknownReason = "not_on_page" | "markup_changed" | "backend_unreachable" | "partner_not_found" | "not_checked_by_you";

export interface CriterionReport {
  id: CriterionId;
  step: number;
  status: Status;
  points?: number | null;
  max_points?: number | null;
  /** Signals known out of those that apply: a partly known step reads "3 из 5 сигналов". */
  signals?: { known: number; total: number };
  known_weight?: number | null;
  weight?: number;
  unknown_reason?: UnknownReason | null;
  evidence: Evidence[];
  message: Localized;
  check_yourself: Localized;
}

export interface Report {
  schema: "mpcheck.report/1";
  rules_version: string;
  code: string | null;
  score: number | null;
  coverage: number;
  /** The engine's coverage counts (n/a steps are outside the total). */
  coverage_known?: number;
  coverage_total?: number;
  /** Which profile judged it and why (SPEC §4); absent in reports stored by older versions. */
  profile?: { id: string; chosen_by: "kind" | "user" | "default" } | string;
  profile_label?: Localized;
  headline: { status: Status; key: string; message?: Localized };
  criteria: CriterionReport[];
}

/** Partner facts the backend adds (SPEC §3): merged under facts.partner. */
export interface PartnerExtra {
  rating_position?: number | null;
  rating_total?: number | null;
  solutions_count?: number | null;
  status?: string | null;
  specialization?: "software" | "agency" | null;
}

/** Only the fields the shell itself touches; everything else passes through untouched. */
export interface FactsView {
  schema: "mpcheck.facts/1";
  page_type: string;
  url: string;
  code: string | null;
  name: string | null;
  partner: ({ id: number | null; name: string | null } & PartnerExtra) | null;
  changelog?: unknown[] | null;
  [key: string]: unknown;
}

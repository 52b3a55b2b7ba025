// One candidate of a comparison, read from its report and facts (pure, defensive). Twin of
// backend/mpcheck/compare/candidates.py. Reports may come from an older build (a snapshot in the
// shortlist) or a newer one, so every field is read with a fallback: the profile as a string or as
// {id, chosen_by}; a step's known share from known_weight / weight when the report has them, else
// all-or-nothing from its status. Dates and numbers are read with the engine's own helpers
// (engine/factsAccess), so «2026-11-20\n» is no date here either, in TypeScript as in Python.
import { isNumber as engineNumber, parseIsoDate } from "../engine/factsAccess";
import type { Localized } from "../shared/contracts";
import { isObject } from "../shared/guards";

const KNOWN = ["good", "warn", "bad"];

export interface Step {
  id: string;
  status: string;
  maxPoints: number;
  bonus: boolean;
  /** 0..1: the share of the step's signal weight whose facts are known. */
  known: number;
  /** Inside the report's score denominator. */
  counted: boolean;
  title: Localized;
  checkYourself: Localized;
  unknownReason: string | null;
}

export interface Price {
  rub: number | null;
  /** "promo_expired" when an «Акция до …» date has passed. */
  note: string | null;
}

export interface Rating {
  position: number | null;
  total: number | null;
  /** The partner's name: the rating ranks developers, not solutions. */
  developer: string | null;
}

export interface Candidate {
  code: string;
  name: string;
  score: number | null;
  coverage: number | null;
  kind: "module" | "site" | null;
  profile: string | null;
  headline: { status: string; key: string };
  withdrawn: boolean;
  price: Price;
  rating: Rating;
  steps: Step[];
}

type Json = Record<string, unknown>;

/** A JSON number (never a bool; the engine's test), finite. */
export function isNumber(v: unknown): v is number {
  return engineNumber(v) && Number.isFinite(v);
}

const dict = (v: unknown): Json => (isObject(v) ? v : {});
const str = (v: unknown): string | null => (typeof v === "string" ? v : null);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function knownShare(criterion: Json, status: string): number {
  if (!KNOWN.includes(status)) return 0;
  const known = criterion.known_weight;
  const weight = criterion.weight;
  if (isNumber(known) && isNumber(weight) && weight > 0) return Math.min(1, Math.max(0, known / weight));
  return 1;
}

function localized(v: unknown, fallback: string): Localized {
  const got = dict(v);
  return { ru: str(got.ru) ?? fallback, en: str(got.en) ?? fallback };
}

function step(criterion: Json): Step {
  const id = str(criterion.id) || "?";
  const status = str(criterion.status) || "unknown";
  const max = criterion.max_points;
  const maxPoints = isNumber(max) && max > 0 ? max : 0;
  const bonus = criterion.bonus === true;
  return {
    id,
    status,
    maxPoints,
    bonus,
    known: knownShare(criterion, status),
    counted: KNOWN.includes(status) && maxPoints > 0 && (!bonus || status === "good"),
    title: localized(criterion.title, id),
    checkYourself: localized(criterion.check_yourself, ""),
    unknownReason: str(criterion.unknown_reason),
  };
}

/** The price the report cited (a snapshot kept without its facts). */
function reportPrice(report: Json): number | null {
  for (const criterion of list(report.criteria)) {
    if (dict(criterion).id !== "price") continue;
    for (const evidence of list(dict(criterion).evidence)) {
      const value = dict(evidence).value;
      if (dict(evidence).fact === "price.rub" && isNumber(value) && value >= 0) return Math.trunc(value);
    }
  }
  return null;
}

/** Free is 0; an «Акция до» date in the past means the promotion is over: the old price holds. */
export function effectivePrice(facts: Json, report: Json, today: string): Price {
  const price = dict(facts.price);
  const { rub, old_rub: old, discount_until: until } = price;
  if (price.free === true) return { rub: 0, note: null };
  if (isNumber(rub) && rub >= 0) {
    const ends = parseIsoDate(until);
    const now = parseIsoDate(today);
    const expired = ends !== null && now !== null && ends < now;
    if (expired && isNumber(old) && old >= 0) return { rub: Math.trunc(old), note: "promo_expired" };
    return { rub: Math.trunc(rub), note: null };
  }
  return { rub: reportPrice(report), note: null };
}

function rating(facts: Json): Rating {
  const partner = dict(facts.partner);
  const { rating_position: position, rating_total: total } = partner;
  const developer = str(partner.name) || null; // "" is no name, as in the twin
  if (!isNumber(position) || position < 1) return { position: null, total: null, developer };
  return { position: Math.trunc(position), total: isNumber(total) && total >= position ? Math.trunc(total) : null, developer };
}

function profile(report: Json): string | null {
  const p = report.profile;
  return isObject(p) ? str(p.id) : str(p);
}

/** A candidate from its report (mpcheck.report/1) and its facts (mpcheck.facts/1, or null).
 *  `place`: its 1-based place in the list, the code («#2») of one that has none; a nameless one is
 *  named by its code (an empty string is no name, as in the twin). */
export function readCandidate(reportIn: unknown, factsIn: unknown, today: string, place = 1): Candidate {
  const report = dict(reportIn);
  const facts = dict(factsIn);
  const code = str(report.code) || str(facts.code) || `#${place}`;
  const headline = dict(report.headline);
  const { score, coverage } = report;
  const kind = facts.kind === "module" || facts.kind === "site" ? facts.kind : null;
  return {
    code,
    name: str(report.name) || str(facts.name) || code,
    score: isNumber(score) ? score : null,
    coverage: isNumber(coverage) ? coverage : null,
    kind,
    profile: profile(report),
    headline: { status: str(headline.status) || "unknown", key: str(headline.key) ?? "" },
    withdrawn: facts.withdrawn === true || headline.key === "withdrawn",
    price: effectivePrice(facts, report, today),
    rating: rating(facts),
    steps: list(report.criteria).map((c) => step(dict(c))),
  };
}

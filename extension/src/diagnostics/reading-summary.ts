// How the page was read, from the facts alone (pure): which fields were found and by which
// strategy (facts.found_by), which are missing, and whether the markup looks changed
// (facts.extraction). The popup's «Как прочитана страница» section renders it (reading-section.ts).
import type { FactsView } from "../shared/contracts";

/** The page facts a buyer can miss, in the order of the facts schema (SPEC §3). */
export const READ_FIELDS = [
  "name", "code", "kind", "withdrawn", "partner", "price", "demo", "installs", "published", "updated",
  "version", "rating", "reviews", "comments", "changelog", "support", "links", "editions", "adaptive", "composite",
] as const;
export type ReadField = (typeof READ_FIELDS)[number];

/** found: has a value; partial: a count without its items (reviews/comments); missing: unknown. */
export type FieldState = "found" | "partial" | "missing";

export interface FieldReading {
  field: ReadField;
  state: FieldState;
  /** The extractor's strategy (found_by), null when it did not say. */
  strategy: string | null;
}

export interface ReadingSummary {
  fields: FieldReading[];
  found: number;
  markupChanged: boolean;
  /** Confirmed fields (code, partner, changelog dates) that came out empty. */
  missingConfirmed: string[];
  /** Fields whose value was read but dropped as implausible (extraction.rejected), top-level names. */
  rejected: string[];
}

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function anyKnown(v: Obj, keys: string[]): boolean {
  return keys.some((k) => {
    const x = v[k];
    return x !== null && x !== undefined && !(Array.isArray(x) && x.length === 0);
  });
}

function stateOf(field: ReadField, value: unknown): FieldState {
  if (value === null || value === undefined) return "missing";
  if (field === "reviews" || field === "comments") {
    if (!isObj(value)) return "missing";
    if (Array.isArray(value.items)) return "found";
    return typeof value.total === "number" ? "partial" : "missing";
  }
  if (field === "changelog" || field === "editions") return Array.isArray(value) && value.length > 0 ? "found" : "missing";
  if (!isObj(value)) return "found";
  const keys: Record<string, string[]> = {
    partner: ["id", "name"],
    price: ["rub", "free"],
    demo: ["available", "days"],
    rating: ["average"],
    support: ["free_months", "channels", "hours", "response_hours"],
    links: ["documentation", "video", "presentation", "cases"],
  };
  return anyKnown(value, keys[field] ?? Object.keys(value)) ? "found" : "missing";
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

export function readingSummary(facts: FactsView): ReadingSummary {
  const foundBy = isObj(facts.found_by) ? facts.found_by : {};
  const fields = READ_FIELDS.map((field): FieldReading => {
    const state = stateOf(field, facts[field]);
    const by = foundBy[field];
    return { field, state, strategy: state !== "missing" && typeof by === "string" ? by : null };
  });
  const extraction = isObj(facts.extraction) ? facts.extraction : {};
  const rejected = Array.isArray(extraction.rejected)
    ? extraction.rejected.map((r) => (isObj(r) && typeof r.field === "string" ? (r.field.split(".")[0] ?? "") : "")).filter(Boolean)
    : [];
  return {
    fields,
    found: fields.filter((f) => f.state !== "missing").length,
    markupChanged: extraction.markup_changed === true,
    missingConfirmed: strings(extraction.missing_confirmed),
    rejected: [...new Set(rejected)],
  };
}

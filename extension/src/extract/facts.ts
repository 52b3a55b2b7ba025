// The mpcheck.facts/1 object as this extractor builds it (SPEC §3): its TypeScript shape. The
// all-unknown value is solution.ts::emptyFacts, like backend/mpcheck/extract/solution.py::empty_facts.
import type { Facts } from "../engine/types";
import type { Comment } from "./comments";
import type { Entry } from "./changelog";
import type { Review } from "./reviews";
import type { Partner } from "./identity";
import type { Links } from "./links";
import type { Demo, OwnPrice } from "./offer";
import type { Support } from "./support";
import type { Installs } from "./values";

export const SCHEMA = "mpcheck.facts/1";
export const CONFIRMED = ["code", "partner", "changelog"] as const;

/** The facts object while it is filled in; returned as `Facts` (a structural subset). */
export interface MutableFacts {
  schema: typeof SCHEMA;
  page_type: "solution";
  url: string | null;
  code: string | null;
  name: string | null;
  kind: "module" | "site" | null;
  withdrawn: boolean | null;
  partner: Partner;
  price: OwnPrice;
  demo: Demo;
  installs: Installs | null;
  published: string | null;
  updated: string | null;
  version: string | null;
  rating: { average: number | null };
  reviews: { total: number | null; items: Review[] | null };
  comments: { total: number | null; items: Comment[] | null };
  changelog: Entry[] | null;
  support: Support;
  links: Links;
  editions: string[] | null;
  adaptive: boolean | null;
  composite: boolean | null;
  found_by: Record<string, string>;
  extraction: Extraction;
}

/** How the extractor fared: `rejected` lists values dropped as implausible, `failed` the readers that threw. */
export interface Extraction {
  markup_changed: boolean;
  missing_confirmed: string[];
  sources: Record<string, string>;
  rejected?: Rejection[];
  failed?: string[];
}

export interface Rejection { field: string; value: unknown; why: string }

export function asFacts(facts: MutableFacts): Facts {
  return facts;
}

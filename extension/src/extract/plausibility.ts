// Plausibility (backend/mpcheck/extract/plausibility.py): a value that contradicts the page itself is
// dropped (null), never passed on. A wrong value flips a verdict; a null only asks the buyer to check.
// Checked after every field is read: a date after today (a changelog entry's too: a release not out
// yet or a date that is not the release's, and nothing tells which, so the whole log goes), a publication after the last update, a
// «version» newer than every release of the changelog (the 1C-Bitrix core's number quoted somewhere), or older than its newest one and none of its releases (a stale JSON-LD number),
// a demo longer than a year, a stated total smaller than the items shown. Each rejection is listed in
// `extraction.rejected` and marks the markup as changed; the other fields are untouched.
import type { MutableFacts, Rejection } from "./facts";
import { versionKey } from "./values";

const EARLIEST = "2009-01-01"; // the Marketplace opened after this: an earlier date is not a page date
const MAX_DEMO_DAYS = 366;
const MAX_PRICE_RUB = 10_000_000;

type Node = Record<string, unknown>;

function reject(facts: MutableFacts, out: Rejection[], path: string[], why: string): void {
  let node = facts as unknown as Node;
  for (const key of path.slice(0, -1)) node = node[key] as Node;
  const last = path[path.length - 1] as string;
  out.push({ field: path.join("."), value: node[last], why });
  node[last] = null;
}

/** Python tuple order of two version keys. */
function newer(a: number[], b: number[]): boolean {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return (a[i] as number) > (b[i] as number);
  return a.length > b.length;
}

function dates(facts: MutableFacts, today: string, out: Rejection[]): void {
  if ((facts.changelog ?? []).some((e) => e.date && e.date > today)) reject(facts, out, ["changelog"], "an entry after today");
  for (const field of ["published", "updated"] as const) {
    const value = facts[field];
    if (value && value > today) reject(facts, out, [field], "after today");
    else if (value && value < EARLIEST) reject(facts, out, [field], "before the Marketplace existed");
  }
  const { published, updated } = facts;
  if (published && updated && published > updated) {
    const releases = (facts.changelog ?? []).map((e) => e.date).filter((d): d is string => Boolean(d)).sort();
    if (releases.length && updated === releases[releases.length - 1]) reject(facts, out, ["published"], "after the last update");
    else if (releases.length && published <= (releases[0] as string)) reject(facts, out, ["updated"], "before the publication");
    else {
      reject(facts, out, ["published"], "after the last update");
      reject(facts, out, ["updated"], "before the publication");
    }
  }
  const until = facts.price.discount_until;
  if (until && until < EARLIEST) reject(facts, out, ["price", "discount_until"], "before the Marketplace existed");
}

function version(facts: MutableFacts, out: Rejection[]): void {
  const value = facts.version;
  const releases = (facts.changelog ?? []).map((e) => e.version).filter((v): v is string => Boolean(v));
  if (!value || !releases.length || releases.includes(value)) return;
  const newest = releases.map(versionKey).reduce((a, b) => (newer(b, a) ? b : a));
  if (newer(versionKey(value), newest)) reject(facts, out, ["version"], "newer than every release in the changelog");
  // a stale number the changelog has passed (a JSON-LD «softwareVersion: 1.9.0» under a log whose newest
  // release is 2.1.0: audit5 a5support m_jsonld_version_noprops); the changelog's then fills it
  else if (newer(trim(newest), trim(versionKey(value)))) reject(facts, out, ["version"], "older than the changelog's newest release");
}

/** A version key without its trailing zeros: «2.1» and «2.1.0» are one version (Python `_trim`). */
function trim(key: number[]): number[] {
  const out = [...key];
  while (out.length && out[out.length - 1] === 0) out.pop();
  return out;
}

function counts(facts: MutableFacts, out: Rejection[]): void {
  for (const block of ["reviews", "comments"] as const) {
    const { total, items } = facts[block];
    if (total !== null && Array.isArray(items) && items.length > total) reject(facts, out, [block, "total"], "fewer than the items shown");
  }
  const days = facts.demo.days;
  if (days !== null && !(days > 0 && days <= MAX_DEMO_DAYS)) reject(facts, out, ["demo", "days"], "not a trial length");
  const rub = facts.price.rub;
  if (rub !== null && !(rub >= 0 && rub <= MAX_PRICE_RUB)) reject(facts, out, ["price", "rub"], "not a price");
}

/** Drop the implausible values of a facts object in place; returns what was dropped and why. */
export function check(facts: MutableFacts, today: string): Rejection[] {
  const out: Rejection[] = [];
  dates(facts, today, out);
  version(facts, out);
  counts(facts, out);
  return out;
}

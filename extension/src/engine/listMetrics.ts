// The metrics over dated lists (reviews, comments, changelog): part of metrics.ts, split only to
// keep files small. Mirror of the matching functions in backend/mpcheck/engine/metrics.py.
import { daysBetween, getPath, isNumber, isObject, own, parseIsoDate } from "./factsAccess";
import { leftSum } from "./formatting";
import { numArg, optionalArg, strArg, strListArg } from "./metricArgs";
import type { MetricArgs, Scalar } from "./types";

/** A truncated list spanning a few days must not extrapolate wildly. */
export const MIN_OBSERVED_DAYS = 30;

/** The greatest of a non-empty list (a loop: spreading 5000 items into Math.max is risky). */
function greatest(values: readonly number[]): number {
  let best = values[0] as number;
  for (let i = 0; i < values.length; i += 1) if ((values[i] as number) > best) best = values[i] as number;
  return best;
}

/** Day numbers of the parseable `field` dates in the list, or null when there is no list. */
function datesIn(facts: unknown, listPath: string, field: string): number[] | null {
  const items = getPath(facts, listPath);
  if (!Array.isArray(items)) return null;
  const found: number[] = [];
  for (let i = 0; i < items.length; i += 1) { // indexed: see factsAccess.ts
    const item: unknown = items[i];
    const day = isObject(item) ? parseIsoDate(own(item, field)) : null;
    if (day !== null) found.push(day);
  }
  return found;
}

/** Days since the newest date in a list (plus any extra date facts); 0 if it is in the future. */
export function daysSinceNewest(facts: unknown, args: MetricArgs, today: number): Scalar | null {
  const dates = datesIn(facts, strArg(args, "list"), strArg(args, "field")) ?? [];
  // Absent `also` means no extra paths.
  const also = optionalArg(args, "also") === undefined ? [] : strListArg(args, "also");
  for (let i = 0; i < also.length; i += 1) {
    const extra = parseIsoDate(getPath(facts, also[i] as string));
    if (extra !== null) dates.push(extra);
  }
  if (dates.length === 0) return null;
  return Math.max(0, daysBetween(greatest(dates), today));
}

/** How many list items are dated within the last args.days days (future dates count too). */
export function countWithinDays(facts: unknown, args: MetricArgs, today: number): Scalar | null {
  const dates = datesIn(facts, strArg(args, "list"), strArg(args, "field"));
  if (dates === null) return null;
  const days = numArg(args, "days");
  return dates.filter((day) => daysBetween(day, today) <= days).length;
}

/** Median of a numeric field over the first args.take items (newest first). */
export function medianOfField(facts: unknown, args: MetricArgs): Scalar | null {
  const items = getPath(facts, strArg(args, "list"));
  if (!Array.isArray(items)) return null;
  const field = strArg(args, "field");
  const take = numArg(args, "take");
  if (!Number.isInteger(take) || take < 0) throw new Error("median_of_field: take must be a whole number");
  const values = items
    .slice(0, take)
    .map((item) => (isObject(item) ? own(item, field) : undefined))
    .filter(isNumber)
    .sort((a, b) => a - b);
  if (values.length === 0) return null;
  const middle = Math.floor(values.length / 2);
  const upper = values[middle] as number;
  if (values.length % 2 === 1) return upper;
  return ((values[middle - 1] as number) + upper) / 2;
}

/**
 * Items a month over the last window_days. When the page shows only the newest part of the list
 * (total > items shown) and even the oldest shown item falls inside the window, the rate is taken
 * over the span the shown items cover, because the older items of the window are on other pages.
 */
export function itemsPerMonth(facts: unknown, args: MetricArgs, today: number): Scalar | null {
  const listPath = strArg(args, "list");
  const items = getPath(facts, listPath);
  const total = getPath(facts, strArg(args, "total"));
  if (!Array.isArray(items)) return null;
  if (total === 0) return 0;
  if (items.length === 0) return null;
  const window = numArg(args, "window_days");
  const deltas = (datesIn(facts, listPath, "date") ?? []).map((day) => daysBetween(day, today));
  const count = deltas.filter((delta) => delta <= window).length;
  const truncated = isNumber(total) && total > items.length;
  const oldest = deltas.length > 0 ? greatest(deltas) : null;
  if (truncated && count > 0 && oldest !== null && oldest <= window) {
    return perMonth(count, Math.max(oldest, MIN_OBSERVED_DAYS));
  }
  return perMonth(count, window);
}

/** count over `days` as a monthly rate, a month being 365/12 days (12 in 365 days is exactly 1). */
export function perMonth(count: number, days: number): number {
  // (count * 365) / (days * 12), in this order in both engines.
  return (count * 365) / (days * 12);
}

/** Share of items (optionally only those with stars <= max_stars) that the developer answered. */
export function answeredShare(facts: unknown, args: MetricArgs): Scalar | null {
  const items = getPath(facts, strArg(args, "list"));
  if (!Array.isArray(items)) return null;
  const maxStars = optionalArg(args, "max_stars") ?? null; // absent and null both mean "every item"
  const considered: Record<string, unknown>[] = [];
  for (let i = 0; i < items.length; i += 1) {
    const item: unknown = items[i];
    if (!isObject(item)) continue;
    const stars = own(item, "stars");
    if (maxStars === null || (isNumber(stars) && isNumber(maxStars) && stars <= maxStars)) considered.push(item);
  }
  if (considered.length === 0) return "no_items";
  // An item whose answer could not be told (answered null) is unknown, never "not answered";
  // when no considered item is known the share is unknown, not "no items".
  const known = considered.filter((item) => typeof own(item, "answered") === "boolean");
  if (known.length === 0) return null;
  return leftSum(known, (item) => (own(item, "answered") === true ? 1 : 0)) / known.length;
}

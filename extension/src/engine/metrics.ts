// Metrics: small pure functions named in the rule files (`"metric": "<name>"`). Port of
// backend/mpcheck/engine/metrics.py; METRICS has exactly the same keys. Each takes
// (facts, args, today as a UTC day number) and returns a scalar or null (= unknown). Thresholds are
// never here: they live in the bands of shared_rules/criteria/*.json.
import { daysBetween, getPath, isInt, isNumber, isObject, isScalar, own, parseIsoDate } from "./factsAccess";
import {
  answeredShare, countWithinDays, daysSinceNewest, itemsPerMonth, medianOfField,
} from "./listMetrics";
import { listArg, numArg, strArg, strListArg } from "./metricArgs";
import type { MetricArgs, MetricName, Scalar } from "./types";

export type Metric = (facts: unknown, args: MetricArgs, today: number) => Scalar | null;

/** Trial length in days; 0 = no trial; "length_unknown" = a trial whose length is not shown. */
function demoLength(facts: unknown): Scalar | null {
  const available = getPath(facts, "demo.available");
  const days = getPath(facts, "demo.days");
  if (available === false) return 0;
  if (isInt(days)) return days;
  return available === true ? "length_unknown" : null;
}

/** Classify the support channels into the tiers named in args (minimum / strong / weak). */
function supportChannelClass(facts: unknown, args: MetricArgs): Scalar | null {
  const channels = getPath(facts, "support.channels");
  if (!Array.isArray(channels)) return null;
  const present = new Set(channels.filter((c): c is string => typeof c === "string"));
  if (present.size === 0) return "none";
  const hasAny = (tier: readonly unknown[]): boolean => tier.some((c) => typeof c === "string" && present.has(c));
  const hasMinimum = hasAny(listArg(args, "minimum"));
  const hasStrong = hasAny(listArg(args, "strong"));
  if (hasMinimum && hasStrong) return "ticket_plus";
  if (hasMinimum) return "ticket";
  if (hasStrong) return "live_only";
  const weak = listArg(args, "weak");
  if ([...present].every((c) => weak.includes(c))) return "email_only"; // present <= set(weak)
  return "other";
}

/** The scalar at args.path, or null. */
function valueAt(facts: unknown, args: MetricArgs): Scalar | null {
  const value = getPath(facts, strArg(args, "path"));
  return isScalar(value) ? value : null;
}

/** The first scalar found among args.paths (e.g. the buyer's own finding before the backend's). */
function firstKnown(facts: unknown, args: MetricArgs): Scalar | null {
  for (const path of strListArg(args, "paths")) {
    const value = getPath(facts, path);
    if (isScalar(value)) return value;
  }
  return null;
}

// Python's `\s` (str patterns) is Unicode whitespace per str.isspace(); JS `\s` differs (it adds
// U+FEFF and lacks U+001C-U+001F, U+0085), so the class is spelled out: the exact set Python matches.
const PY_SPACE = "[\\t-\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]";
const MSK_OFFSET = new RegExp(`мск${PY_SPACE}*([+\\-−–])${PY_SPACE}*([0-9]{1,2})`);
const UTC_OFFSET = new RegExp(`(?:utc|gmt)${PY_SPACE}*([+\\-−–])${PY_SPACE}*([0-9]{1,2})`);
export const MOSCOW_UTC_OFFSET = 3;

/** Absolute distance in hours between the support time zone and Moscow time. */
function timezoneOffsetMsk(facts: unknown, args: MetricArgs): Scalar | null {
  const text = getPath(facts, strArg(args, "path"));
  if (typeof text !== "string") return null;
  // toLowerCase (locale-free) vs Python's lower(): they differ only for characters that cannot
  // form "мск", "москов", "utc", "gmt", a sign or an ASCII digit, so the matches are the same.
  const lowered = text.toLowerCase();
  let match = MSK_OFFSET.exec(lowered);
  if (match !== null) return Number(match[2]);
  match = UTC_OFFSET.exec(lowered);
  if (match !== null) {
    const sign = match[1] === "+" ? 1 : -1;
    return Math.abs(sign * Number(match[2]) - MOSCOW_UTC_OFFSET);
  }
  if (lowered.includes("мск") || lowered.includes("москов")) return 0;
  return null;
}

/** Days since the date at args.path (negative if in the future). */
function ageDays(facts: unknown, args: MetricArgs, today: number): Scalar | null {
  const when = parseIsoDate(getPath(facts, strArg(args, "path")));
  return when === null ? null : daysBetween(when, today);
}

/** top / upper / middle / bottom of the partner rating; the top zone ignores small differences. */
function partnerRatingZone(facts: unknown, args: MetricArgs): Scalar | null {
  const position = getPath(facts, "partner.rating_position");
  const total = getPath(facts, "partner.rating_total");
  if (!isInt(position)) return null;
  if (position <= numArg(args, "top")) return "top";
  if (isInt(total) && position > total - numArg(args, "bottom")) return "bottom";
  return position <= numArg(args, "upper") ? "upper" : "middle";
}

/** Whether the page links to it; unknown only when the page's links were not read at all. */
function linkPresent(facts: unknown, args: MetricArgs): Scalar | null {
  if (!isObject(facts) || !isObject(own(facts, "links"))) return null;
  const value = getPath(facts, strArg(args, "path"));
  // bool(value) for a str or list: non-empty.
  return typeof value === "string" || Array.isArray(value) ? value.length > 0 : false;
}

/** Length of the list at args.path, or null when it was not read. */
function listLength(facts: unknown, args: MetricArgs): Scalar | null {
  const value = getPath(facts, strArg(args, "path"));
  return Array.isArray(value) ? value.length : null;
}

/** "free", "discount", or the price in roubles. */
function priceState(facts: unknown): Scalar | null {
  const rub = getPath(facts, "price.rub");
  const old = getPath(facts, "price.old_rub");
  // Python's `rub == 0` is also true for False.
  if (getPath(facts, "price.free") === true || rub === 0 || rub === false) return "free";
  if (!isNumber(rub)) return null;
  if (isNumber(old) && old > rub) return "discount";
  return rub;
}

/** True when the solution costs money and has no trial at all. */
function paidWithoutTrial(facts: unknown): Scalar | null {
  const state = priceState(facts);
  const available = getPath(facts, "demo.available");
  if (state === null || typeof available !== "boolean") return null;
  return state !== "free" && available === false;
}

/**
 * How many times longer the buyer's measured answer took than the declared response time.
 * Unknown unless both are numbers; a declared time of 0 (or less) cannot be a yardstick.
 */
function measuredOverDeclared(facts: unknown, args: MetricArgs): Scalar | null {
  const measured = getPath(facts, strArg(args, "measured"));
  const declared = getPath(facts, strArg(args, "declared"));
  if (!isNumber(measured) || !isNumber(declared) || measured < 0 || declared <= 0) return null;
  return measured / declared; // IEEE division, as Python's true division: same bits in both engines
}

export const METRICS: Readonly<Record<MetricName, Metric>> = {
  demo_length: demoLength,
  support_channel_class: supportChannelClass,
  value_at: valueAt,
  first_known: firstKnown,
  timezone_offset_msk: timezoneOffsetMsk,
  days_since_newest: daysSinceNewest,
  count_within_days: countWithinDays,
  median_of_field: medianOfField,
  items_per_month: itemsPerMonth,
  answered_share: answeredShare,
  age_days: ageDays,
  partner_rating_zone: partnerRatingZone,
  link_present: linkPresent,
  list_length: listLength,
  price_state: priceState,
  paid_without_trial: paidWithoutTrial,
  measured_over_declared: measuredOverDeclared,
};

/** The metric named in a rule file; an unknown name fails as Python's KeyError does. */
export function metric(name: string): Metric {
  if (!Object.hasOwn(METRICS, name)) throw new Error(`unknown metric ${JSON.stringify(name)}`);
  return METRICS[name as MetricName];
}

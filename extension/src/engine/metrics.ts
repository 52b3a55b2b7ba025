// Metrics: small pure functions named in the rule files (`"metric": "<name>"`). Mirror of
// backend/mpcheck/engine/metrics.py; METRICS has exactly the same keys. Each takes
// (facts, args, today as a UTC day number) and returns a scalar or null (= unknown). Thresholds are
// never here: they live in the bands of shared_rules/criteria/*.json.
import { daysBetween, getPath, isNumber, isObject, isScalar, own, parseIsoDate } from "./factsAccess";
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
  if (isNumber(days)) return days;
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
  const paths = strListArg(args, "paths");
  for (let i = 0; i < paths.length; i += 1) {
    const value = getPath(facts, paths[i] as string);
    if (isScalar(value)) return value;
  }
  return null;
}

// Between the zone name, the sign and the hours: spaces and tabs, plain or no-break (the ones
// Marketplace pages use). Spelled out because "\\s" means different sets in Python and JavaScript.
const GAP = "[ \\t\\u00a0\\u202f]";
const MSK_OFFSET = new RegExp(`мск${GAP}*([+\\-−–])${GAP}*([0-9]{1,2})`);
const UTC_OFFSET = new RegExp(`(?:utc|gmt)${GAP}*([+\\-−–])${GAP}*([0-9]{1,2})`);
export const MOSCOW_UTC_OFFSET = 3;

/** Absolute distance in hours between the support time zone and Moscow time. */
function timezoneOffsetMsk(facts: unknown, args: MetricArgs): Scalar | null {
  const text = getPath(facts, strArg(args, "path"));
  if (typeof text !== "string") return null;
  // Lower case: the zone names are matched in lower case (Cyrillic and Latin).
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
  if (!isNumber(position)) return null;
  if (position <= numArg(args, "top")) return "top";
  if (isNumber(total) && position > total - numArg(args, "bottom")) return "bottom";
  return position <= numArg(args, "upper") ? "upper" : "middle";
}

/** Whether the page links to it; unknown only when the page's links were not read at all. */
function linkPresent(facts: unknown, args: MetricArgs): Scalar | null {
  if (!isObject(facts) || !isObject(own(facts, "links"))) return null;
  const value = getPath(facts, strArg(args, "path"));
  // A string or list links when it is non-empty.
  return typeof value === "string" || Array.isArray(value) ? value.length > 0 : false;
}

/** Length of the list at args.path, or null when it was not read. */
function listLength(facts: unknown, args: MetricArgs): Scalar | null {
  const value = getPath(facts, strArg(args, "path"));
  return Array.isArray(value) ? value.length : null;
}

/**
 * "free", "discount" (a struck-out price above the current one), "promo_expired" (the same, but
 * «Акция до» is already past, so the old price is not a current discount) or "paid".
 */
function priceState(facts: unknown, _args: MetricArgs, today: number): Scalar | null {
  const rub = getPath(facts, "price.rub");
  const old = getPath(facts, "price.old_rub");
  if (getPath(facts, "price.free") === true || rub === 0) return "free";
  if (!isNumber(rub)) return null;
  if (isNumber(old) && old > rub) {
    const until = parseIsoDate(getPath(facts, "price.discount_until"));
    return until !== null && until < today ? "promo_expired" : "discount";
  }
  return "paid";
}

/**
 * How many times longer the buyer's measured answer took than the declared response time.
 * Unknown unless both are numbers; a declared time of 0 (or less) cannot be a yardstick.
 */
function measuredOverDeclared(facts: unknown, args: MetricArgs): Scalar | null {
  const measured = getPath(facts, strArg(args, "measured"));
  const declared = getPath(facts, strArg(args, "declared"));
  if (!isNumber(measured) || !isNumber(declared) || measured < 0 || declared <= 0) return null;
  return measured / declared;
}

/**
 * How many of the buyer's support tests took more than args.factor times the declared time. The
 * tests are the list at args.tests, else the single newest test at args.latest. Unknown when the
 * buyer recorded none or nothing declared is there to compare with.
 */
function supportBreaches(facts: unknown, args: MetricArgs): Scalar | null {
  const declared = getPath(facts, strArg(args, "declared"));
  let tests = getPath(facts, strArg(args, "tests"));
  if (!Array.isArray(tests)) {
    const latest = getPath(facts, strArg(args, "latest"));
    tests = isObject(latest) ? [latest] : [];
  }
  const list = tests as unknown[];
  if (list.length === 0 || !isNumber(declared) || declared <= 0) return null;
  const factor = numArg(args, "factor");
  return list.filter((test) => {
    const hours = isObject(test) ? own(test, "response_hours") : undefined;
    return isNumber(hours) && hours / declared > factor;
  }).length;
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
  measured_over_declared: measuredOverDeclared,
  support_breaches: supportBreaches,
};

/** The metric named in a rule file; an unknown name is a broken rule file and fails loudly. */
export function metric(name: string): Metric {
  if (!Object.hasOwn(METRICS, name)) throw new Error(`unknown metric ${JSON.stringify(name)}`);
  return METRICS[name as MetricName];
}

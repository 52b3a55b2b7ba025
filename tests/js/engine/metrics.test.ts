// Edge cases of the TypeScript engine where JavaScript's defaults would silently differ from the
// rules SPEC writes down: bools vs numbers, future dates, empty lists, truncated lists, date
// validity, rounding, regexes. (The number rules themselves are vectors: numbers.test.ts.)
import { describe, expect, test } from "vitest";
import { matches, sameScalar } from "../../../extension/src/engine/bands";
import { getPath, parseIsoDate } from "../../../extension/src/engine/factsAccess";
import { fill, roundHalfUp } from "../../../extension/src/engine/formatting";
import { METRICS } from "../../../extension/src/engine/metrics";
import type { MetricArgs, MetricName, Scalar } from "../../../extension/src/engine/types";

const TODAY = parseIsoDate("2026-11-27") as number;
const facts = (extra: Record<string, unknown>): Record<string, unknown> => ({ schema: "mpcheck.facts/1", ...extra });
const REVIEWS_RATE: MetricArgs = { list: "reviews.items", total: "reviews.total", window_days: 365 };
const dated = (...dates: string[]): { date: string }[] => dates.map((date) => ({ date }));

describe("strict typing: true is not 1", () => {
  test("bands never mix bools and numbers", () => {
    expect(sameScalar(true, 1)).toBe(false);
    expect(sameScalar(0, false)).toBe(false);
    expect(sameScalar("1", 1)).toBe(false);
    expect(matches({ gte: 1 }, true, "module")).toBe(false);
    expect(matches({ in: [1, "x"] }, true, "module")).toBe(false);
    expect(matches({ eq: true }, true, "module")).toBe(true);
  });
  test("metrics do not read a bool as a count", () => {
    expect(METRICS.demo_length(facts({ demo: { available: true, days: true } }), {}, TODAY)).toBe("length_unknown");
    expect(METRICS.partner_rating_zone(facts({ partner: { rating_position: true } }), { top: 10, upper: 50, bottom: 30 }, TODAY)).toBeNull();
    expect(METRICS.value_at(facts({ support: { response_hours: true } }), { path: "support.response_hours" }, TODAY)).toBe(true);
    expect(METRICS.price_state(facts({ price: { rub: false } }), {}, TODAY)).toBeNull();
    expect(METRICS.items_per_month(facts({ reviews: { total: false, items: [] } }), REVIEWS_RATE, TODAY)).toBeNull();
  });
});

describe("future dates", () => {
  test("newest date in the future counts as today", () => {
    const f = facts({ changelog: dated("2027-01-01", "2026-01-01") });
    expect(METRICS.days_since_newest(f, { list: "changelog", field: "date" }, TODAY)).toBe(0);
    expect(METRICS.count_within_days(f, { list: "changelog", field: "date", days: 365 }, TODAY)).toBe(2);
  });
  test("age of a future date is negative", () => {
    expect(METRICS.age_days(facts({ published: "2026-12-07" }), { path: "published" }, TODAY)).toBe(-10);
  });
});

describe("empty lists", () => {
  const empty = facts({ reviews: { total: 4, items: [] }, support: { channels: [] }, changelog: [], links: { video: [] } });
  const table: [MetricName, MetricArgs, Scalar | null][] = [
    ["items_per_month", REVIEWS_RATE, null],
    ["answered_share", { list: "reviews.items" }, "no_items"],
    ["support_channel_class", { minimum: ["ticket"], strong: ["chat"], weak: ["email"] }, "none"],
    ["median_of_field", { list: "changelog", field: "chars", take: 5 }, null],
    ["days_since_newest", { list: "changelog", field: "date" }, null],
    ["count_within_days", { list: "changelog", field: "date", days: 365 }, 0],
    ["list_length", { path: "changelog" }, 0],
    ["link_present", { path: "links.video" }, false],
  ];
  test.each(table)("%s", (name, args, want) => {
    expect(METRICS[name](empty, args, TODAY)).toBe(want);
  });
});

describe("items_per_month truncation", () => {
  const rate = (total: number, ...dates: string[]): unknown =>
    METRICS.items_per_month(facts({ reviews: { total, items: dated(...dates) } }), REVIEWS_RATE, TODAY);
  test("a full list is rated over the whole window", () => {
    expect(rate(3, "2026-11-20", "2026-10-01", "2025-01-01")).toBe((2 * 365) / (365 * 12));
  });
  test("a truncated list is rated over the span it covers", () => {
    expect(rate(37, "2026-11-20", "2026-09-28")).toBe((2 * 365) / (60 * 12));
  });
  test("a short span is stretched to 30 days", () => {
    expect(rate(37, "2026-11-26", "2026-11-24")).toBe((2 * 365) / (30 * 12));
  });
  test("a truncated list reaching past the window uses the window", () => {
    expect(rate(37, "2026-11-20", "2024-01-01")).toBe((1 * 365) / (365 * 12));
  });
});

describe("facts access", () => {
  test("dates must be real, UTC, and year 1 or later", () => {
    expect(parseIsoDate("2026-02-29")).toBeNull();
    expect(parseIsoDate("2024-02-29")).not.toBeNull();
    expect(parseIsoDate("0000-01-01")).toBeNull();
    expect(parseIsoDate("2026-11-27T00:00")).toBeNull();
    expect(parseIsoDate("٢٠٢٦-١١-٢٧")).toBeNull();
    expect((parseIsoDate("0100-01-01") as number) - (parseIsoDate("0099-12-31") as number)).toBe(1);
  });
  test("paths never reach the prototype", () => {
    expect(getPath({}, "constructor")).toBeNull();
    expect(getPath({ links: {} }, "links.toString")).toBeNull();
    expect(getPath({ changelog: [{ date: "x" }] }, "changelog.0.date")).toBe("x");
    expect(getPath({ changelog: [] }, "changelog.0.date")).toBeNull();
  });
});

describe("time zones: spaces and tabs, plain or no-break, between name, sign and hours", () => {
  const offset = (tz: string): unknown =>
    METRICS.timezone_offset_msk(facts({ support: { timezone: tz } }), { path: "support.timezone" }, TODAY);
  test.each([
    ["МСК+4", 4], ["мск\u00a0+\u00a02", 2], ["мск\t+\u202f3", 3], ["мск\u001c+3", 0], ["мск\ufeff+3", 0],
    ["UTC−5", 8], ["gmt+7", 4],
    ["Московское время", 0], ["Europe/Berlin", null],
  ] as const)("%j -> %j", (tz, want) => {
    expect(offset(tz)).toBe(want);
  });
});

describe("formatting", () => {
  test("half up, never Math.round's near-half surprise", () => {
    expect(roundHalfUp(0.49999999999999994)).toBe(1);
    expect(roundHalfUp(-0.5)).toBe(0);
    expect(roundHalfUp(2.5)).toBe(3);
  });
  test("fill substitutes each placeholder once and never expands replacement patterns", () => {
    expect(fill("a {value} b {value}", { value: "$&" })).toBe("a $& b $&");
    expect(fill("a {value} b {old} {x}", { value: "{old}", old: "9" })).toBe("a {old} b 9 {x}");
    expect(fill("{{value}}", { value: "1" })).toBe("{1}");
  });
});

describe("price and support breaches", () => {
  const price = (p: Record<string, unknown>): unknown => METRICS.price_state(facts({ price: p }), {}, TODAY);
  test("an expired promotion is no discount; one ending today still is", () => {
    expect(price({ rub: 7900, old_rub: 9900, discount_until: "2026-11-26" })).toBe("promo_expired");
    expect(price({ rub: 7900, old_rub: 9900, discount_until: "2026-11-27" })).toBe("discount");
    expect(price({ rub: 7900, old_rub: 9900 })).toBe("discount");
    expect(price({ rub: 9900, old_rub: 9900 })).toBe("paid");
    expect(price({ rub: 0 })).toBe("free");
    expect(price({ rub: null, free: true })).toBe("free");
    expect(price({ rub: null })).toBeNull();
  });
  const BREACH = { tests: "buyer.support_tests", latest: "buyer.support_test", declared: "support.response_hours", factor: 2 };
  const breaches = (buyer: unknown, declared: unknown): unknown =>
    METRICS.support_breaches(facts({ buyer, support: { response_hours: declared } }), BREACH, TODAY);
  test("counts tests over twice the declared time; exactly twice is no breach", () => {
    expect(breaches({ support_tests: [{ response_hours: 8 }, { response_hours: 8.5 }, { response_hours: 20 }] }, 4)).toBe(2);
    expect(breaches({ support_test: { response_hours: 9 } }, 4)).toBe(1);
    expect(breaches({ support_tests: [] }, 4)).toBeNull();
    expect(breaches({ support_test: { response_hours: 9 } }, 0)).toBeNull();
    expect(breaches(null, 4)).toBeNull();
  });
});

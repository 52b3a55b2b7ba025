// @vitest-environment jsdom
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import type { FactsView } from "../../../extension/src/shared/contracts";
import { RULES } from "../../../extension/src/shared/rules";
import { baselineOf, changeId, changesSince, negativeMaxStars, newestFacts } from "../../../extension/src/history/changes";
import { historyFigure, POPUP_SIZE } from "../../../extension/src/history/chart";
import { changeText, pointText } from "../../../extension/src/history/format";
import { mergePoints } from "../../../extension/src/history/points";
import { scorePoints } from "../../../extension/src/history/score";
import { unseenIds } from "../../../extension/src/history/seen";
import { appendToTrail } from "../../../extension/src/history/trail";
import { badgeText } from "../../../extension/src/worker/action-badge";
import type { Observation } from "../../../extension/src/snapshots/observations";
import type { Snapshot } from "../../../extension/src/snapshots/snapshot";
import { fill } from "../../../extension/src/ui/strings";
import ru from "../../../extension/static/_locales/ru/messages.json";
import en from "../../../extension/static/_locales/en/messages.json";

// The build's virtual rules module, read from shared_rules the way the build does it.
vi.mock("../../../extension/src/shared/rules", async () => {
  const { readRulesBundle } = await import("../../../extension/build/rules-bundle.mjs");
  return { RULES: readRulesBundle(join(__dirname, "..", "..", "..", "shared_rules")) };
});

const CODE = "nordlab.smartseo";
const msgOf = (file: Record<string, { message: string }>) => (key: string, subs?: Record<string, string | number>) =>
  fill(file[key]?.message ?? key, subs);
const RU = msgOf(ru);
const EN = msgOf(en);
// A price as the engine's style writes it (scoring.json numbers.<lang>: the digit-group mark and the
// money template), so prices read as in the reports wherever the style sets them: RUB("12 990", "ru").
function RUB(digits: string, lang: "ru" | "en"): string {
  const style = (RULES.scoring as { numbers: Record<string, { group: string; money: string }> }).numbers[lang]!;
  return style.money.replace("{n}", digits.replace(" ", style.group));
}

const facts = (over: Record<string, unknown> = {}): FactsView => ({
  schema: "mpcheck.facts/1", page_type: "solution", url: "https://x/", code: CODE, name: "SmartSEO", partner: null,
  version: "3.4.2", price: { rub: 12990, free: false }, withdrawn: false,
  reviews: { total: 3, items: [{ date: "2026-10-01", stars: 5, answered: true }, { date: "2026-11-02", stars: 4, answered: null }] },
  ...over,
});
const obs = (iso: string, price: number | null, version: string | null, reviews: number | null): Observation => ({
  at: Date.parse(iso), price, reviews_total: reviews, comments_total: null, version,
});
const visit = (iso: string, over: Partial<Snapshot> = {}): Snapshot => ({
  code: CODE, captured: iso, price: 12990, reviews_total: 37, comments_total: 5, version: "3.4.2", score: 99, facts: null, ...over,
});

describe("mergePoints", () => {
  it("one point per day: the day's latest values, gaps filled from the day's other point, visits marked", () => {
    const f = facts();
    const points = mergePoints(
      [obs("2026-11-01T08:00:00Z", 12990, "3.4.1", 30), obs("2026-11-10T08:00:00Z", 11990, "3.4.2", 33),
        obs("2026-11-15T20:00:00Z", 10990, null, 35)],
      [visit("2026-11-10T12:00:00Z", { reviews_total: null, price: 11490, facts: f }), visit("2026-11-15T09:00:00Z", { facts: f }),
        visit("2026-11-20T09:00:00Z")],
    );
    expect(points.map((p) => [p.date, p.source, p.visited, p.price, p.version, p.reviews_total, p.facts === f])).toEqual([
      ["2026-11-01", "backend", false, 12990, "3.4.1", 30, false],
      ["2026-11-10", "visit", true, 11490, "3.4.2", 33, true],
      ["2026-11-15", "backend", true, 10990, "3.4.2", 35, false], // the later observation: not the visit's facts
      ["2026-11-20", "visit", true, 12990, "3.4.2", 37, false],
    ]);
  });

  it("gives the newest observation the backend's latest read, and keeps only the newest points", () => {
    const read = facts({ version: "3.5.0" });
    const points = mergePoints([obs("2026-11-01T08:00:00Z", 1, "a", 1), obs("2026-11-02T08:00:00Z", 2, "b", 2)], [], { at: Date.parse("2026-11-02T08:00:00Z"), facts: read }, 1);
    expect(points).toEqual([{ date: "2026-11-02", at: Date.parse("2026-11-02T08:00:00Z"), source: "backend", visited: false, price: 2, reviews_total: 2, version: "b", facts: read }]);
  });
});

describe("scorePoints", () => {
  it("scores only points with facts, with today's yardstick, and the newest buyer checks on all", () => {
    const seen: unknown[] = [];
    const points = mergePoints([obs("2026-11-01T08:00:00Z", 12990, "3.4.1", 30)], [
      visit("2026-11-10T12:00:00Z", { facts: facts({ buyer: { old: true } }) }),
      visit("2026-11-20T12:00:00Z", { facts: facts({ buyer: { now: true }, version: "3.5.0" }) }),
    ]);
    const scored = scorePoints(points, (f) => { seen.push(f.buyer); return f.version === "3.5.0" ? 81.6 : 74.2; }, []);
    expect(scored.map((p) => [p.date, p.score])).toEqual([["2026-11-01", null], ["2026-11-10", 74], ["2026-11-20", 82]]);
    expect(seen).toEqual([{ now: true }, { now: true }]);
    expect(scored[1]).not.toHaveProperty("facts");
  });

  it("leaves the backend's additions out of every point when the backend answered for some only", () => {
    const withBackend = facts({ lookups: { backend: "ok", partner_rating: "found" }, partner: { id: 1, name: "N", rating_position: 3 } });
    const without = facts({ partner: { id: 1, name: "N", rating_position: null } });
    const got: unknown[] = [];
    scorePoints(mergePoints([], [visit("2026-11-10T12:00:00Z", { facts: withBackend }), visit("2026-11-20T12:00:00Z", { facts: without })]),
      (f) => { got.push((f.partner as { rating_position: unknown }).rating_position); return 50; }, ["partner.rating_position"]);
    expect(got).toEqual([null, null]);
  });
});

describe("changesSince", () => {
  const base = baselineOf(facts(), "2026-11-15");

  it("takes the baseline from the facts at add time", () => {
    expect(base).toEqual({ date: "2026-11-15", version: "3.4.2", price: 12990, withdrawn: false, reviewsUpTo: "2026-11-02" });
  });

  it("lists a release, the new negative reviews (rules' threshold), a price change and withdrawn", () => {
    expect(negativeMaxStars(RULES.criteria)).toBe(3);
    const newest = facts({
      version: "3.5.0", price: { rub: 10990, free: false }, withdrawn: true,
      reviews: { total: 6, items: [
        { date: "2026-11-01", stars: 1 }, // before the newest review at add time: not new
        { date: "2026-11-20", stars: 3 }, { date: "2026-11-21", stars: 4 }, { date: "2026-11-22", stars: 2 }, { date: "2026-11-23", stars: null },
      ] },
    });
    const changes = changesSince(base, newest, 3);
    expect(changes).toEqual([
      { kind: "release", from: "3.4.2", to: "3.5.0" },
      { kind: "negative_review", date: "2026-11-20", stars: 3 },
      { kind: "negative_review", date: "2026-11-22", stars: 2 },
      { kind: "price", from: 12990, to: 10990 },
      { kind: "withdrawn" },
    ]);
    expect(changes.map((c) => changeId(CODE, c))).toEqual([
      "nordlab.smartseo|release|3.5.0", "nordlab.smartseo|negative|2026-11-20|3", "nordlab.smartseo|negative|2026-11-22|2",
      "nordlab.smartseo|price|10990", "nordlab.smartseo|withdrawn",
    ]);
    expect(changes.map((c) => changeText(c, "ru", RU))).toEqual([
      "новая версия: 3.4.2 → 3.5.0", "новый негативный отзыв: 3★ от 20.11.2026", "новый негативный отзыв: 2★ от 22.11.2026",
      `цена: ${RUB("12 990", "ru")} → ${RUB("10 990", "ru")}`, "снято с публикации",
    ]);
    expect(changeText(changes[3]!, "en", EN)).toBe(`price: ${RUB("12 990", "en")} → ${RUB("10 990", "en")}`);
    expect(changeText(changes[2]!, "en", EN)).toBe("new negative review: 2★ on 22 Nov 2026"); // never ISO
  });

  it("finds nothing when nothing changed, and a free solution's price is 0", () => {
    expect(changesSince(base, facts(), 3)).toEqual([]);
    expect(changesSince(base, facts({ price: { rub: null, free: true } }), 3)).toEqual([{ kind: "price", from: 12990, to: 0 }]);
  });

  it("takes the newest candidate facts", () => {
    const a = facts({ version: "a" });
    const b = facts({ version: "b" });
    expect(newestFacts([{ at: 2, facts: a }, { at: 3, facts: null }, { at: 1, facts: b }])).toBe(a);
    expect(newestFacts([{ at: 1, facts: null }])).toBeNull();
  });
});

describe("seen and the icon", () => {
  it("counts the changes not seen yet", () => {
    const solutions = [{ code: CODE, name: "S", changes: [{ kind: "withdrawn" as const }, { kind: "price" as const, from: 1, to: 2 }] }];
    expect(unseenIds(solutions, ["nordlab.smartseo|withdrawn"])).toEqual(["nordlab.smartseo|price|2"]);
    expect([badgeText(0), badgeText(2), badgeText(120)]).toEqual(["", "2", "99+"]);
  });
});

describe("appendToTrail", () => {
  it("keeps one visit per day and facts only in the newest visits within the budget", () => {
    const f = facts();
    const size = JSON.stringify(f).length;
    const trail = appendToTrail(
      [visit("2026-11-01T08:00:00Z", { facts: f }), visit("2026-11-02T08:00:00Z", { facts: f, price: 1 })],
      visit("2026-11-02T18:00:00Z", { facts: f, price: 2 }),
      size * 1.5,
    );
    expect(trail.map((s) => [s.captured, s.price, s.facts !== null])).toEqual([
      ["2026-11-01T08:00:00Z", 12990, false], ["2026-11-02T18:00:00Z", 2, true],
    ]);
  });
});

describe("history words and figure", () => {
  const point = { date: "2026-12-01", at: 0, source: "visit" as const, visited: true, price: 12990, reviews_total: 37, version: "3.4.2", score: 78 };

  it("says each point in Russian and English", () => {
    expect(pointText(point, "ru", RU)).toBe(`01.12.2026, ваш визит: оценка 78, ${RUB("12 990", "ru")}, версия 3.4.2, 37 отзывов`);
    expect(pointText({ ...point, source: "backend", visited: false, score: null, reviews_total: 1 }, "en", EN))
      .toBe(`1 Dec 2026, server observation: no score, ${RUB("12 990", "en")}, version 3.4.2, 1 review`);
    expect(pointText({ ...point, source: "backend", reviews_total: 22, price: null, version: null }, "ru", RU))
      .toBe("01.12.2026, наблюдение сервера (в этот день был и ваш визит): оценка 78, 22 отзыва");
  });

  it("draws one mark per point and lists the same points as text, newest first", () => {
    const older = { ...point, date: "2026-11-01", at: 1, source: "backend" as const, visited: false, score: null, price: 0 };
    const fig = historyFigure([older, { ...point, at: 2 }], "ru", RU, POPUP_SIZE, document);
    expect(fig.querySelectorAll("svg .mp-history-point").length).toBe(2);
    expect(fig.querySelector("svg .mp-history-visit")?.getAttribute("data-score")).toBe("78");
    expect(fig.querySelector("svg")?.getAttribute("aria-label")).toBe("Оценка по дням, с 01.11.2026 по 01.12.2026: 01.12.2026 78");
    expect([...fig.querySelectorAll("li")].map((li) => li.textContent)).toEqual([
      `01.12.2026, ваш визит: оценка 78, ${RUB("12 990", "ru")}, версия 3.4.2, 37 отзывов`,
      "01.11.2026, наблюдение сервера: оценки нет, бесплатно, версия 3.4.2, 37 отзывов",
    ]);
  });

  it("dates the English chart's label and axis as the engine does, never ISO", () => {
    const older = { ...point, date: "2026-11-01", at: 1, source: "backend" as const, visited: false, score: null, price: 0 };
    const svg = historyFigure([older, { ...point, at: 2 }], "en", EN, POPUP_SIZE, document).querySelector("svg");
    expect(svg?.getAttribute("aria-label")).toBe("Score by day, 1 Nov 2026 to 1 Dec 2026: 1 Dec 2026 78");
    expect([...(svg?.querySelectorAll(":scope > text") ?? [])].map((t) => t.textContent).slice(-2)).toEqual(["1 Nov 2026", "1 Dec 2026"]);
  });
});

describe("shortlist baseline", () => {
  it("is taken at add time and kept when a later visit refreshes the entry", async () => {
    const { coerceShortlist, refreshInList, shortlistItem } = await import("../../../extension/src/shared/shortlist");
    const added = shortlistItem(facts(), null, "2026-11-15");
    expect(added.baseline).toEqual({ date: "2026-11-15", version: "3.4.2", price: 12990, withdrawn: false, reviewsUpTo: "2026-11-02" });
    const later = shortlistItem(facts({ version: "3.5.0", price: { rub: 9990, free: false } }), null, "2026-11-30");
    const [refreshed] = refreshInList([added], later);
    expect([refreshed?.added, refreshed?.captured, refreshed?.baseline?.version, refreshed?.baseline?.price]).toEqual(["2026-11-15", "2026-11-30", "3.4.2", 12990]);
    expect(coerceShortlist(JSON.parse(JSON.stringify([refreshed])))[0]?.baseline).toEqual(added.baseline);
  });
});

describe("history chart series", () => {
  const p = (date: string, at: number, price: number | null, version: string | null, score: number | null) =>
    ({ date, at, source: "backend" as const, visited: false, price, reviews_total: null, version, score });

  it("draws the price as steps on its own scale and a tick for each new version", () => {
    const points = [p("2026-11-01", 0, 14990, "3.4.1", null), p("2026-11-11", 10, 12990, "3.4.2", 70), p("2026-11-21", 20, 12990, "3.5.0", 80)];
    const svg = historyFigure(points, "ru", RU, POPUP_SIZE, document).querySelector("svg") as SVGSVGElement;
    // x: 26..352 over the days; price y: 14 990 at the top (8), 12 990 at the bottom (80).
    expect(svg.querySelector(".mp-history-price")?.getAttribute("points")).toBe("26,8 189,8 189,80 352,80");
    expect([...svg.querySelectorAll(".mp-history-release")].map((g) => g.getAttribute("data-version"))).toEqual(["3.4.2", "3.5.0"]);
    expect(svg.querySelector(".mp-history-line")?.getAttribute("points")).toBe("189,29.6 352,22.4");
  });
});

describe("history messages (a trust boundary)", async () => {
  const { parseChangesReply, parseHistoryReply, parseHistoryRequest } = await import("../../../extension/src/history/messages");
  it("accepts only well-formed requests and replies", () => {
    expect(parseHistoryRequest({ kind: "history", code: CODE })).toEqual({ kind: "history", code: CODE });
    expect(parseHistoryRequest({ kind: "history", code: "<x>" })).toBeNull();
    expect(parseHistoryRequest({ kind: "shortlist-seen", ids: [5] })).toBeNull();
    const point = { date: "2026-12-01", at: 1, source: "visit", visited: true, price: 1, reviews_total: null, version: "1", score: 50 };
    expect(parseHistoryReply({ ok: true, points: [point] })).toEqual([point]);
    expect(parseHistoryReply({ ok: true, points: [{ ...point, score: "50" }] })).toBeNull();
    expect(parseChangesReply({ ok: true, solutions: [{ code: CODE, name: "S", changes: [{ kind: "price", from: 1, to: 2 }] }], unseen: ["x"] }))
      .toEqual({ ok: true, solutions: [{ code: CODE, name: "S", changes: [{ kind: "price", from: 1, to: 2 }] }], unseen: ["x"] });
    expect(parseChangesReply({ ok: true, solutions: [{ code: CODE, name: "S", changes: [{ kind: "evil" }] }], unseen: [] })).toBeNull();
  });
});

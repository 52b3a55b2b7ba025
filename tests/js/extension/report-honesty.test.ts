// @vitest-environment jsdom
// The honesty fields of a real engine report on screen: a partly known step reads "1 из 5
// сигналов", the badge names the profile, a withdrawn solution is bad with no score, and the rows
// keep data-criterion / data-status (SPEC §7).
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { buildReport, type RulesBundle } from "../../../extension/src/engine";
import type { Report } from "../../../extension/src/shared/contracts";
import { createBadgeHost, renderBadge } from "../../../extension/src/ui/badge";
import { readRules } from "../engine/rulesDir";
import { localeMsg, readRulesTexts } from "./fixtures";

// The build's virtual rules module (the badge's dates and prices use the engine's number style),
// read from shared_rules the way the build does it.
vi.mock("../../../extension/src/shared/rules", async () => {
  const { readRulesBundle } = await import("../../../extension/build/rules-bundle.mjs");
  return { RULES: readRulesBundle(join(__dirname, "..", "..", "..", "shared_rules")) };
});

const RULES: RulesBundle = readRules(join(__dirname, "..", "..", "..", "shared_rules"));
const texts = readRulesTexts();

function badge(report: Report, lang: "ru" | "en" = "ru"): ShadowRoot {
  const host = createBadgeHost(document);
  document.body.replaceChildren(host);
  renderBadge(host, { state: "ready", report, partner: "ok", compare: null }, {
    rules: texts, lang, msg: localeMsg(lang), onCompare: () => {},
  });
  return host.shadowRoot as ShadowRoot;
}

const reviewsOnlyCount = buildReport(
  { schema: "mpcheck.facts/1", kind: "site", published: "2020-01-01", reviews: { total: 23, items: null } },
  RULES, { today: "2026-11-27" },
);

describe("a partly known step", () => {
  it("reads as partly known, next to its status", () => {
    const row = badge(reviewsOnlyCount).querySelector('[data-criterion="reviews"]');
    expect(row?.getAttribute("data-status")).toBe("good");
    expect(row?.querySelector(".mp-row-signals")?.textContent).toBe("1 из 5 сигналов");
  });
  it("says nothing extra for a fully known or unknown step", () => {
    const root = badge(reviewsOnlyCount, "en");
    expect(root.querySelector('[data-criterion="demo"] .mp-row-signals')).toBeNull();
  });
});

describe("the profile", () => {
  it("is named on the badge, following the kind", () => {
    expect(badge(reviewsOnlyCount).querySelector(".mp-profile")?.textContent).toBe("Готовый сайт / магазин");
  });
});

describe("a withdrawn solution", () => {
  it("is bad with no score, and the headline says why", () => {
    const report = buildReport({ schema: "mpcheck.facts/1", withdrawn: true }, RULES, { today: "2026-11-27" });
    const root = badge(report);
    expect(report.score).toBeNull();
    expect(root.querySelector(".mp-badge")?.getAttribute("data-status")).toBe("bad");
    expect(root.querySelector(".mp-headline")?.textContent).toContain("снято с публикации");
  });
});

// @vitest-environment jsdom
// jsdom has no layout (no innerText), so everything is read through textContent and attributes.
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { CRITERIA } from "../../../extension/src/shared/contracts";
import { createBadgeHost, renderBadge, type BadgeView } from "../../../extension/src/ui/badge";
import { renderMiniBadge } from "../../../extension/src/ui/mini-badge";
import { localeMsg, readRulesTexts, sampleReport } from "./fixtures";

// The build's virtual rules module (the badge's dates and prices use the engine's number style),
// read from shared_rules the way the build does it.
vi.mock("../../../extension/src/shared/rules", async () => {
  const { readRulesBundle } = await import("../../../extension/build/rules-bundle.mjs");
  return { RULES: readRulesBundle(join(__dirname, "..", "..", "..", "shared_rules")) };
});

const rules = readRulesTexts();

function mount(view: Partial<BadgeView>, lang: "ru" | "en" = "ru", onCompare = () => {}) {
  document.body.replaceChildren();
  const h1 = document.createElement("h1");
  h1.textContent = "NordLab";
  document.body.append(h1);
  const host = createBadgeHost(document);
  h1.after(host);
  const full: BadgeView = { state: "ready", report: sampleReport(), partner: "pending", compare: null, ...view };
  renderBadge(host, full, { rules, lang, msg: localeMsg(lang), onCompare });
  return { host, root: host.shadowRoot as ShadowRoot };
}

describe("full badge", () => {
  it("exposes the SPEC §7 contract on the host", () => {
    const { host } = mount({});
    expect(host.tagName).toBe("MPCHECK-BADGE");
    expect(host.shadowRoot).not.toBeNull(); // open
    expect(host.dataset.state).toBe("ready");
    expect(host.dataset.score).toBe("78");
    expect(host.dataset.coverage).toBe("0.78");
  });

  it("shows score, coverage and headline as text, in Russian", () => {
    const { root } = mount({});
    const text = root.textContent ?? "";
    expect(text).toContain("78 из 100");
    expect(text).toContain("данные по 6 из 9 шагов"); // 2 unknown + 1 n/a of the sample's 9
    expect(text).toContain("сначала установите демо");
    expect(text).toContain("запрашиваем рейтинг партнёра");
  });

  it("renders nine rows with data-criterion / data-status, each with an icon and a status word", () => {
    const { root } = mount({});
    const rows = [...root.querySelectorAll("[data-criterion]")];
    expect(rows.map((r) => r.getAttribute("data-criterion"))).toEqual([...CRITERIA]);
    expect(rows[2]?.getAttribute("data-status")).toBe("warn");
    for (const row of rows) {
      expect(row.querySelector(".mp-icon")?.textContent).toBeTruthy();
      expect(row.querySelector(".mp-row-status")?.textContent).toBeTruthy();
    }
  });

  it("expands and collapses with an aria-expanded button", () => {
    const { root } = mount({}, "en");
    const toggle = root.querySelector<HTMLButtonElement>(".mp-toggle")!;
    const panel = root.getElementById("mp-details")!;
    expect(toggle.tagName).toBe("BUTTON");
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    expect(panel.hidden).toBe(true);
    toggle.click();
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    expect(panel.hidden).toBe(false);
    expect(toggle.textContent).toBe("Hide the steps");
  });

  it("keeps the expanded state across a re-render (enrichment arriving)", () => {
    const { host, root } = mount({});
    root.querySelector<HTMLButtonElement>(".mp-toggle")!.click();
    renderBadge(host, { state: "ready", report: sampleReport({ score: 81 }), partner: "unavailable", compare: null },
      { rules, lang: "ru", msg: localeMsg("ru"), onCompare: () => {} });
    expect(root.querySelector(".mp-toggle")?.getAttribute("aria-expanded")).toBe("true");
    expect(root.textContent).toContain("рейтинг партнёра недоступен");
    expect(host.dataset.score).toBe("81");
  });

  it("has a compare-add control", () => {
    const onCompare = vi.fn();
    const { root } = mount({}, "ru", onCompare);
    root.querySelector<HTMLButtonElement>('[data-action="compare-add"]')!.click();
    expect(onCompare).toHaveBeenCalledOnce();
  });

  it("renders page text as text, never as markup", () => {
    const evil = '<img src=x onerror="window.__pwned=1"></style><script>window.__pwned=2</script>';
    const report = sampleReport({ headline: { status: "bad", key: "x", message: { ru: evil, en: evil } } });
    const { root } = mount({ report });
    expect(root.querySelector("img, script")).toBeNull();
    expect(root.textContent).toContain(evil);
  });

  it("shows loading and error states without a report", () => {
    const { host, root } = mount({ state: "loading", report: null });
    expect(host.dataset.state).toBe("loading");
    expect(host.dataset.score).toBeUndefined();
    expect(root.textContent).toContain("проверяем страницу");
    const failed = mount({ state: "error", report: null });
    expect(failed.host.dataset.state).toBe("error");
  });

  it("uses the engine's coverage counts when it gives them (n/a outside the total)", () => {
    const { root } = mount({ report: { ...sampleReport(), coverage_known: 7, coverage_total: 8 } });
    expect(root.textContent).toContain("данные по 7 из 8 шагов");
  });

  it("says 'no score' when the score is null", () => {
    const { host, root } = mount({ report: sampleReport({ score: null, coverage: 0.2 }) });
    expect(host.dataset.score).toBeUndefined();
    expect(root.textContent).toContain("без оценки");
  });
});

describe("mini badge", () => {
  it("shows the score with an accessible label, and never a bare ? without one", () => {
    const host = createBadgeHost(document, "mini");
    document.body.append(host);
    const deps = { rules, lang: "ru" as const, msg: localeMsg("ru") };
    renderMiniBadge(host, "ready", sampleReport({ score: 64 }), deps);
    expect(host.dataset.size).toBe("mini");
    expect(host.dataset.score).toBe("64");
    const box = host.shadowRoot!.querySelector(".mp-mini")!;
    expect(box.textContent).toContain("64");
    expect(box.getAttribute("aria-label")).toContain("64 из 100");
    renderMiniBadge(host, "loading", null, deps);
    expect(host.shadowRoot!.querySelector(".mp-mini-value")!.textContent).toBe("…");
    expect(host.shadowRoot!.querySelector(".mp-mini")!.getAttribute("aria-label")).toBe("mpcheck: оцениваем карточку…");
    expect(host.dataset.score).toBeUndefined();
  });
});

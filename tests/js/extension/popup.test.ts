// @vitest-environment jsdom
import { describe, expect, it, vi } from "vitest";
import { CRITERIA } from "../../../extension/src/shared/contracts";
import { completeFacts } from "../../../extension/src/shared/facts-skeleton";
import { renderPopup } from "../../../extension/src/popup/render";
import { localeMsg, readRulesTexts, sampleReport } from "./fixtures";

const rules = readRulesTexts();
const facts = completeFacts({ partner: { id: 731204, name: "NordLab" } }, "nordlab.smartseo");

function render(lang: "ru" | "en", state: Parameters<typeof renderPopup>[1], onOpenLink = vi.fn()) {
  const root = document.createElement("main");
  document.body.replaceChildren(root);
  renderPopup(root, state, { rules, lang, msg: localeMsg(lang), onCompare: vi.fn(), onOpenLink });
  return root;
}

describe("popup", () => {
  it("shows the nine steps with evidence, source, message and check-it-yourself", () => {
    const root = render("ru", { state: "ready", report: sampleReport(), facts, partner: "unavailable" });
    expect(root.dataset.state).toBe("ready");
    const rows = [...root.querySelectorAll("[data-criterion]")];
    expect(rows.map((r) => r.getAttribute("data-criterion"))).toEqual([...CRITERIA]);
    const demo = rows[0]!;
    expect(demo.querySelector("[data-source='page']")?.textContent).toContain("(страница)");
    expect(demo.querySelector(".mp-check")?.textContent).toBe("проверьте demo");
    expect(root.textContent).toContain("рейтинг партнёра недоступен");
    expect(root.querySelectorAll('[data-action="compare-add"]')).toHaveLength(1);
  });

  it("links steps to the page's tabs and opens them in the tab", () => {
    const onOpenLink = vi.fn();
    const root = render("en", { state: "ready", report: sampleReport(), facts, partner: "ok" }, onOpenLink);
    const link = root.querySelector<HTMLAnchorElement>('[data-criterion="reviews"] a.mp-open')!;
    expect(link.getAttribute("href")).toBe("https://marketplace.1c-bitrix.ru/solutions/nordlab.smartseo/#tab-rating-link");
    expect(link.getAttribute("aria-label")).toContain("Open on the page:");
    link.click();
    expect(onOpenLink).toHaveBeenCalledWith(link.getAttribute("href"));
  });

  it("explains when the tab is not a solution page, or still loading", () => {
    expect(render("en", null).textContent).toContain("Open a solution page");
    const loading = render("ru", { state: "loading", report: null, facts: null, partner: "pending" });
    expect(loading.textContent).toContain("Ждём оценку");
  });
});

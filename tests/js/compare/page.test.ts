// @vitest-environment jsdom
// The comparison page's DOM: cells with data-code/-criterion/-status/-best, "—" for missing data,
// sort buttons with aria-sort, remove controls, and page text that stays text.
import { describe, expect, it, vi } from "vitest";
import type { ExportContext } from "../../../extension/src/compare/export-text";
import { renderComparison, renderEmpty, type PageDeps } from "../../../extension/src/compare/render-page";
import { COMPARISON_RULES } from "../../../extension/src/compare/rules";
import { sortColumns, type SortState } from "../../../extension/src/compare/sort";
import { localeMsg, readRulesTexts } from "../extension/fixtures";
import { buildModel } from "../../../extension/src/compare/model";
import { entryFor, modelFor, reportFor, TRIO } from "./helpers";

const ctx: ExportContext = { lang: "en", rules: COMPARISON_RULES, texts: readRulesTexts(), judgedOn: "2026-11-27" };

function render(specs = TRIO, sort: SortState = { key: "score", dir: "descending" }, overrides: Partial<PageDeps> = {}) {
  const root = document.createElement("main");
  document.body.replaceChildren(root);
  const model = modelFor(specs);
  const deps: PageDeps = {
    msg: localeMsg("en"), lang: "en", ctx, sort, exportLang: "en", clearArmed: false,
    onSort: vi.fn(), onRemove: vi.fn(), onClear: vi.fn(), onExport: vi.fn(), onExportLang: vi.fn(), onPrint: vi.fn(),
    ...overrides,
  };
  renderComparison(root, model, sortColumns(model, sort, COMPARISON_RULES), deps);
  return { root, deps, model };
}

const order = (root: HTMLElement) => [...root.querySelectorAll<HTMLElement>("thead th[data-code]")].map((th) => th.dataset.code);

describe("comparison page", () => {
  it("renders one cell per solution and step with the contract attributes", () => {
    const { root } = render();
    const cells = root.querySelectorAll<HTMLElement>("td[data-criterion]");
    expect(cells).toHaveLength(27);
    const demo = root.querySelector<HTMLElement>('td[data-code="quickdev.callbackpro"][data-criterion="demo"]')!;
    expect(demo.dataset.status).toBe("bad");
    expect(demo.querySelector(".mp-icon")?.textContent).toBe("✕"); // icon + word, not colour alone
    expect(demo.querySelector(".cmp-status-word")?.textContent).toBe("bad");
    const best = [...root.querySelectorAll<HTMLElement>("td[data-best]")].map((td) => `${td.dataset.code}:${td.dataset.criterion}`);
    expect(best).toContain("nordlab.smartseo:packaging");
    expect(best).not.toContain("tehnostar.importer:packaging");
    expect(root.querySelector('td[data-status="unknown"] .cmp-missing')?.textContent).toBe("—");
  });
  it("shows score, coverage and price in the header rows and the recommendation", () => {
    const { root } = render();
    expect(root.querySelector('tr[data-row="score"] td[data-code="nordlab.smartseo"]')?.textContent).toMatch(/^96\/100 · data on \d of \d steps$/);
    expect(root.querySelector('tr[data-row="cost"] td[data-code="tehnostar.importer"]')?.textContent).toBe("7\u00a0900 RUB");
    const rec = root.querySelector<HTMLElement>("#cmp-recommendation")!;
    expect(rec.dataset.winner).toBe("nordlab.smartseo");
    expect(rec.textContent).toContain("insignificant for a module");
    const pairs = [...root.querySelectorAll<HTMLElement>("li[data-pair]")].map((li) => li.dataset.significant);
    expect(pairs).toEqual(["false", "true", "false"]);
  });
  it("sorts by price, by a step and by score, marking the active row with aria-sort", () => {
    expect(order(render(TRIO, { key: "cost", dir: "ascending" }).root)).toEqual(["quickdev.callbackpro", "tehnostar.importer", "nordlab.smartseo"]);
    const { root, deps } = render(TRIO, { key: "packaging", dir: "descending" });
    expect(order(root)[0]).toBe("nordlab.smartseo");
    const sorted = root.querySelectorAll("[aria-sort]");
    expect(sorted).toHaveLength(1);
    expect(sorted[0]?.getAttribute("aria-sort")).toBe("descending");
    root.querySelector<HTMLButtonElement>('[data-sort-key="cost"]')!.click();
    expect(deps.onSort).toHaveBeenCalledWith("cost");
  });
  it("keeps unknown values last whatever the direction", () => {
    const specs = [{ ...TRIO[0]!, rub: null }, TRIO[1]!, TRIO[2]!];
    expect(order(render(specs, { key: "cost", dir: "ascending" }).root).at(-1)).toBe("nordlab.smartseo");
    expect(order(render(specs, { key: "cost", dir: "descending" }).root).at(-1)).toBe("nordlab.smartseo");
  });
  it("names the profile each column was judged with, and the verdict's warnings and open questions", () => {
    const root = document.createElement("main");
    document.body.replaceChildren(root);
    const items = TRIO.map((spec) => ({ item: entryFor(spec), report: { ...reportFor(spec), profile_label: { ru: "Модуль", en: "Module (popular category)" } } }));
    const model = buildModel(items, COMPARISON_RULES, "2026-11-27");
    renderComparison(root, model, model.columns.map((c) => c.code), {
      msg: localeMsg("en"), lang: "en", ctx, sort: { key: "score", dir: "descending" }, exportLang: "en", clearArmed: false,
      onSort: vi.fn(), onRemove: vi.fn(), onClear: vi.fn(), onExport: vi.fn(), onExportLang: vi.fn(), onPrint: vi.fn(),
    });
    expect(root.querySelector('th[data-code="nordlab.smartseo"] .cmp-profile')?.textContent).toBe("Module (popular category)");
    expect(root.querySelector("#cmp-recommendation")?.getAttribute("data-kind")).toBe("winner");
    const questions = [...root.querySelectorAll<HTMLElement>("#cmp-questions li")].map((li) => `${li.dataset.code}:${li.dataset.question}`);
    expect(questions).toEqual([
      "nordlab.smartseo:developer", "nordlab.smartseo:account_manager",
      "tehnostar.importer:developer", "tehnostar.importer:account_manager",
      "quickdev.callbackpro:developer", "quickdev.callbackpro:account_manager",
    ]);
    expect(root.querySelector("#cmp-questions li")?.textContent).toBe("NordLab: The developer — check developer");
    expect(root.querySelector(".cmp-partners")?.textContent).toMatch(/^The places of the developers NordLab, ТехноСтар and QuickDev are unknown: check /);
  });

  it("removes a column through its labelled button", () => {
    const { root, deps } = render();
    const remove = root.querySelector<HTMLButtonElement>('[data-action="compare-remove"][data-code="tehnostar.importer"]')!;
    expect(remove.getAttribute("aria-label")).toBe("Remove ТехноСтар from the comparison");
    remove.click();
    expect(deps.onRemove).toHaveBeenCalledWith("tehnostar.importer");
  });
  it("puts hostile names on the page as text only", () => {
    const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    const { root } = render([{ ...TRIO[0]!, name: evil }, TRIO[1]!]);
    expect(root.querySelectorAll("img, script")).toHaveLength(0);
    expect(root.querySelector(".cmp-name")?.textContent).toBe(evil);
    expect(root.querySelector(".cmp-name")?.getAttribute("href")).toBe("https://marketplace.1c-bitrix.ru/solutions/nordlab.smartseo/");
  });
  it("arms 'clear' before clearing and explains an empty comparison", () => {
    const { root } = render(TRIO, undefined, { clearArmed: true });
    expect(root.querySelector('[data-action="clear"]')?.textContent).toBe("Press again to remove all 3");
    renderEmpty(root, { msg: localeMsg("ru") });
    expect(root.dataset.state).toBe("empty");
    expect(root.textContent).toContain("Сравнение пусто");
  });
});

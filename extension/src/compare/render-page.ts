// The comparison page body: heading, recommendation, toolbar, table, price differences.
// Re-rendered whole on every change (8 columns x 12 rows is small); main.ts restores focus.
import type { Lang } from "../shared/contracts";
import { SHORTLIST_MAX } from "../shared/shortlist";
import type { ComparisonModel } from "./model";
import { dateText, label, openQuestionTexts, pricePairText, recommendationFor } from "./export-text";
import { el } from "../ui/dom";
import { renderTable, type TableDeps } from "./render-table";

export interface PageDeps extends TableDeps {
  exportLang: Lang;
  clearArmed: boolean;
  onExport: (format: "csv" | "md") => void;
  onExportLang: (lang: Lang) => void;
  onPrint: () => void;
  onClear: () => void;
  /** Extra sections (e.g. a timeline) appended after the price differences. */
  extras?: HTMLElement[];
}

function button(doc: Document, action: string, text: string, onClick: () => void): HTMLButtonElement {
  const b = el(doc, "button", "cmp-button", text);
  b.type = "button";
  b.dataset.action = action;
  b.addEventListener("click", onClick);
  return b;
}

function languageSelect(doc: Document, deps: PageDeps): HTMLElement {
  const wrap = el(doc, "label", "cmp-lang");
  wrap.append(doc.createTextNode(`${deps.msg("compareExportLang")} `));
  const select = el(doc, "select", "");
  select.id = "cmp-export-lang";
  for (const [value, text] of [["ru", "Русский"], ["en", "English"]] as const) {
    const option = el(doc, "option", "", text);
    option.value = value;
    option.selected = deps.exportLang === value;
    select.append(option);
  }
  select.addEventListener("change", () => deps.onExportLang(select.value === "en" ? "en" : "ru"));
  wrap.append(select);
  return wrap;
}

function toolbar(doc: Document, count: number, deps: PageDeps): HTMLElement {
  const bar = el(doc, "div", "cmp-toolbar no-print");
  bar.setAttribute("role", "group");
  bar.setAttribute("aria-label", deps.msg("compareActions"));
  const clear = button(doc, "clear", deps.msg(deps.clearArmed ? "compareClearConfirm" : "compareClear", { count }), deps.onClear);
  if (deps.clearArmed) clear.classList.add("cmp-armed");
  bar.append(
    button(doc, "export-csv", deps.msg("compareExportCsv"), () => deps.onExport("csv")),
    button(doc, "export-md", deps.msg("compareExportMd"), () => deps.onExport("md")),
    languageSelect(doc, deps),
    button(doc, "print", deps.msg("comparePrint"), deps.onPrint),
    clear,
  );
  return bar;
}

function recommendation(doc: Document, model: ComparisonModel, deps: PageDeps): HTMLElement {
  const section = el(doc, "section", "cmp-recommendation");
  section.id = "cmp-recommendation";
  const rec = model.comparison.recommendation;
  section.dataset.kind = rec.kind;
  if (rec.code) section.dataset.winner = rec.code;
  section.setAttribute("aria-labelledby", "cmp-recommendation-title");
  const title = el(doc, "h2", "", deps.msg("compareRecommendation"));
  title.id = "cmp-recommendation-title";
  section.append(title, el(doc, "p", "cmp-recommendation-text", recommendationFor(deps.ctx, model)));
  if (model.comparison.warnings.length) {
    const list = el(doc, "ul", "cmp-warnings");
    for (const warning of model.comparison.warnings) {
      const item = el(doc, "li", "cmp-warning", `⚠ ${warning[deps.ctx.lang]}`);
      item.dataset.warning = warning.key;
      item.dataset.codes = warning.codes.join(" ");
      list.append(item);
    }
    section.append(list);
  }
  section.append(el(doc, "p", "cmp-partners", model.comparison.partners[deps.ctx.lang]));
  return section;
}

/** Every candidate's open questions: the unknown (or partly known) steps and how to check them. */
function openQuestions(doc: Document, model: ComparisonModel, order: string[], deps: PageDeps): HTMLElement {
  const section = el(doc, "section", "cmp-questions");
  section.id = "cmp-questions";
  section.append(el(doc, "h2", "", label(deps.ctx, "open_questions")));
  const list = el(doc, "ul", "cmp-question-list");
  for (const q of openQuestionTexts(deps.ctx, model, order)) {
    const item = el(doc, "li", "cmp-question", q.text);
    item.dataset.code = q.code;
    item.dataset.question = q.criterion; // not data-criterion: that marks verdict cells (SPEC §7)
    list.append(item);
  }
  section.append(list);
  return section;
}

function priceDifferences(doc: Document, model: ComparisonModel, deps: PageDeps): HTMLElement {
  const section = el(doc, "section", "cmp-prices");
  section.append(el(doc, "h2", "", deps.msg("comparePriceDiffs")));
  const list = el(doc, "ul", "cmp-price-pairs");
  for (const pair of model.pricePairs) {
    const item = el(doc, "li", "", pricePairText(deps.ctx, model, pair));
    item.dataset.pair = `${pair.a}|${pair.b}`;
    item.dataset.significant = pair.significant === null ? "unknown" : String(pair.significant);
    list.append(item);
  }
  section.append(list);
  return section;
}

export function renderEmpty(root: HTMLElement, deps: Pick<PageDeps, "msg">): void {
  const doc = root.ownerDocument;
  root.dataset.state = "empty";
  root.dataset.count = "0";
  const heading = el(doc, "h1", "cmp-heading", deps.msg("compareHeading"));
  heading.id = "cmp-heading";
  heading.tabIndex = -1;
  root.replaceChildren(heading, el(doc, "p", "cmp-empty", deps.msg("compareEmpty", { max: SHORTLIST_MAX })));
}

export function renderComparison(root: HTMLElement, model: ComparisonModel, order: string[], deps: PageDeps): void {
  const doc = root.ownerDocument;
  root.dataset.state = "ready";
  root.dataset.count = String(model.columns.length);
  const heading = el(doc, "h1", "cmp-heading", deps.msg("compareHeading"));
  heading.id = "cmp-heading";
  heading.tabIndex = -1;
  const intro = el(doc, "p", "cmp-intro", deps.msg("compareIntro", { date: dateText(deps.ctx, deps.ctx.judgedOn), count: model.columns.length, max: SHORTLIST_MAX }));
  const hint = el(doc, "p", "cmp-hint no-print", deps.msg("compareHint"));
  const scroll = el(doc, "div", "cmp-scroll");
  scroll.append(renderTable(doc, model, order, deps));
  root.replaceChildren(
    heading, intro, recommendation(doc, model, deps), toolbar(doc, model.columns.length, deps), hint, scroll,
    openQuestions(doc, model, order, deps), priceDifferences(doc, model, deps), ...(deps.extras ?? []),
  );
}

// compare.html: the shortlisted solutions side by side. Reads the shortlist from storage.local,
// judges every snapshot as of one date (judge.ts), renders, and follows changes made in other
// tabs (a solution added from a page, a card, the popup).
import type { Lang } from "../shared/contracts";
import { RULES } from "../shared/rules";
import { loadSettings, type Settings } from "../shared/settings";
import { clearShortlist, loadShortlist, onShortlistChanged, removeFromShortlist, type ShortlistItem } from "../shared/shortlist";
import { PAGE_CSS } from "../ui/badge-style";
import { bootstrapPage } from "../ui/page-bootstrap";
import { browserMsg, uiLang } from "../ui/strings";
import { loadBuyerRecords, onBuyerChecksChanged, withBuyerChecks } from "./buyer-checks";
import { downloadText } from "./download";
import { comparisonCsv } from "./export-csv";
import { comparisonMarkdown } from "./export-md";
import type { ExportContext } from "./export-text";
import { judgeAll, judgeDate } from "./judge";
import { buildModel, type ComparisonModel } from "./model";
import { renderComparison, renderEmpty } from "./render-page";
import { COMPARISON_RULES } from "./rules";
import { timelineCell } from "./timeline-cell";
import { defaultDir, sortColumns, type SortKey, type SortState } from "./sort";

const CLEAR_ARM_MS = 6000;
// The comparison names the rules it ran with: this build's bundle fingerprint.
const rules = { ...COMPARISON_RULES, version: RULES.version };
const lang: Lang = uiLang();
const today = judgeDate(location.search);
const msg = browserMsg;
let settings: Settings;
let items: ShortlistItem[] = [];
let model: ComparisonModel | null = null;
let sort: SortState = { key: "score", dir: "descending" };
let exportLang: Lang = lang;
let clearArmed = false;
let clearTimer: ReturnType<typeof setTimeout> | undefined;

function context(forLang: Lang): ExportContext {
  return { lang: forLang, rules, texts: RULES, judgedOn: today };
}

function announce(text: string): void {
  const status = document.getElementById("cmp-status");
  if (status) status.textContent = text;
}

/** Where focus goes after a re-render: the same control if it still exists, else the heading. */
function focusAfter(selector: string | null): void {
  const target = (selector && document.querySelector<HTMLElement>(selector)) || document.getElementById("cmp-heading");
  target?.focus();
}

function activeSelector(): string | null {
  const active = document.activeElement as HTMLElement | null;
  if (!active || active === document.body) return null;
  if (active.dataset.sortKey) return `[data-sort-key="${active.dataset.sortKey}"]`;
  const code = active.dataset.code ? `[data-code="${active.dataset.code}"]` : "";
  if (active.dataset.action) return `[data-action="${active.dataset.action}"]${code}`;
  return active.id ? `#${active.id}` : null;
}

function render(focus: string | null = activeSelector()): void {
  const root = document.getElementById("app");
  if (!root) return;
  if (items.length === 0 || !model) {
    renderEmpty(root, { msg });
    return focusAfter(null);
  }
  const order = sortColumns(model, sort, rules);
  renderComparison(root, model, order, {
    msg, lang, ctx: context(lang), sort, exportLang, clearArmed, timeline: timelineCell(items, today, lang),
    onSort, onRemove, onClear, onExport: (format) => exportAs(format, order), onExportLang, onPrint: () => window.print(),
  });
  if (focus) focusAfter(focus);
}

function setItems(list: ShortlistItem[], focus?: string | null): void {
  items = list;
  model = list.length ? buildModel(judgeAll(list, settings, today), rules, today) : null;
  render(focus);
}

/** The shortlist with the buyer's current checks applied (they live under their own keys). */
async function withChecks(list: ShortlistItem[]): Promise<ShortlistItem[]> {
  try {
    return withBuyerChecks(list, await loadBuyerRecords(list.map((x) => x.code)));
  } catch {
    return list; // the page facts alone still compare
  }
}

function onSort(key: SortKey): void {
  sort = { key, dir: sort.key === key ? (sort.dir === "ascending" ? "descending" : "ascending") : defaultDir(key) };
  render(`[data-sort-key="${key}"]`);
  announce(msg(sort.dir === "ascending" ? "compareSortedAsc" : "compareSortedDesc"));
}

function onRemove(code: string): void {
  const index = items.findIndex((x) => x.code === code);
  const name = items[index]?.name ?? code;
  const next = items[index + 1] ?? items[index - 1];
  void removeFromShortlist(code).then(() => {
    setItems(items.filter((x) => x.code !== code), next ? `[data-action="compare-remove"][data-code="${next.code}"]` : null);
    announce(msg("compareRemovedColumn", { name }));
  });
}

function onClear(): void {
  clearTimeout(clearTimer);
  if (!clearArmed) {
    // Two presses, no modal dialog: clearing all 8 by accident would cost the buyer real work.
    clearArmed = true;
    clearTimer = setTimeout(() => ((clearArmed = false), render()), CLEAR_ARM_MS);
    return render('[data-action="clear"]');
  }
  clearArmed = false;
  void clearShortlist().then(() => {
    setItems([], null);
    announce(msg("compareClearedAll"));
  });
}

function onExportLang(next: Lang): void {
  exportLang = next;
  render("#cmp-export-lang");
}

function exportAs(format: "csv" | "md", order: string[]): void {
  if (!model) return;
  const ctx = context(exportLang);
  const file = `mpcheck-comparison-${today}.${format}`;
  if (format === "csv") downloadText(document, file, comparisonCsv(model, order, ctx), "text/csv");
  else downloadText(document, file, comparisonMarkdown(model, order, ctx), "text/markdown");
  announce(msg("compareExported", { file }));
}

async function main(): Promise<void> {
  bootstrapPage(document, lang, msg("compareTitle"), PAGE_CSS);
  const [loaded, list] = await Promise.all([loadSettings(), loadShortlist()]);
  settings = loaded;
  setItems(await withChecks(list), null);
  onShortlistChanged((next) => void withChecks(next).then((checked) => setItems(checked)));
  onBuyerChecksChanged(() => void loadShortlist().then(withChecks).then((checked) => setItems(checked)));
}

void main();

// Toolbar popup: shows the current tab's nine steps as reported by its content script.
import { ext } from "../shared/browser-api";
import type { CriterionReport } from "../shared/contracts";
import type { ReportState } from "../shared/messages";
import { RULES } from "../shared/rules";
import { localToday } from "../shared/dates";
import { loadSettings } from "../shared/settings";
import { toggleCompare } from "../shared/compare-toggle";
import { loadShortlist } from "../shared/shortlist";
import { PAGE_CSS } from "../ui/badge-style";
import { bootstrapPage } from "../ui/page-bootstrap";
import { browserMsg, uiLang } from "../ui/strings";
import { createReadingPanel, READING_CSS } from "../diagnostics/reading-section";
import { requestStructure } from "../diagnostics/structure-client";
import { createPersonalPanel, keepingFocus } from "./buyer-panel";
import { PROFILE_CSS } from "./profile-choice";
import { createProfilePanel } from "./profile-panel";
import { FIX_CSS, unknownFix } from "./unknown-fix";
import { showCatalog } from "./catalog-view";
import { showShortlistChanges } from "./shortlist-changes";
import { pageReport } from "./page-report";
import { renderPopup, showCompareResult } from "./render";
import { targetTabId } from "./target-tab";

async function main(): Promise<void> {
  const lang = uiLang();
  bootstrapPage(document, lang, browserMsg("popupTitle"), PAGE_CSS + READING_CSS + PROFILE_CSS + FIX_CSS);
  const root = document.getElementById("app");
  if (!root) return;
  void showShortlistChanges(document, lang, browserMsg); // «Что изменилось в сравнении», above the footer
  const listedCodes = loadShortlist().then((list) => new Set(list.map((x) => x.code)));
  const settings = loadSettings();
  const tabId = await targetTabId(location.search);
  const reading = createReadingPanel({
    msg: browserMsg,
    requestReport: () => (tabId === null ? Promise.resolve(null) : requestStructure(tabId)),
    writeClipboard: (text) => navigator.clipboard.writeText(text),
  });
  let current: ReportState | null = null;
  let listed = new Set<string>();
  const deps = {
    listed: false,
    rules: RULES,
    lang,
    msg: browserMsg,
    extras: (doc: Document, state: ReportState) => {
      const sections = personal.sections(doc, state);
      const choice = profile.section(doc, state); // the per-solution profile, under the summary
      if (choice) sections.top.unshift(choice);
      if (state.facts) sections.bottom.push(reading.section(doc, state.facts)); // «Как прочитана страница»
      return sections;
    },
    onOpenLink: (href: string) => {
      if (tabId !== null) void ext().tabs.update(tabId, { url: href });
    },
    // An unknown step says how to fill it: open the tab, start the server, record a check.
    rowExtra: (doc: Document, state: ReportState, c: CriterionReport) =>
      unknownFix(doc, c, { rules: RULES, lang, msg: browserMsg, facts: state.facts, onOpenLink: deps.onOpenLink }),
    onCompare: () => {
      const facts = current?.facts;
      if (!facts?.code) return;
      void toggleCompare(facts, current?.report ?? null, localToday()).then((toggled) => {
        deps.listed = toggled.listed;
        if (deps.listed) listed.add(facts.code ?? "");
        else listed.delete(facts.code ?? "");
        renderPopup(root, current, deps);
        showCompareResult(root, browserMsg(toggled.message));
        root.querySelector<HTMLElement>(".mp-compare")?.focus();
      });
    },
  };
  document.getElementById("options-link")?.addEventListener("click", (event) => {
    event.preventDefault();
    void ext().runtime.openOptionsPage();
  });
  const options = document.getElementById("options-link");
  if (options) options.textContent = browserMsg("optionsLink");
  const compareLink = document.getElementById("compare-link");
  if (compareLink) compareLink.textContent = browserMsg("compareOpen");
  compareLink?.addEventListener("click", (event) => {
    event.preventDefault();
    void ext().tabs.create({ url: ext().runtime.getURL("compare.html") });
  });
  // The buyer's checks and the per-solution profile re-score the report here at once
  // (buyer-panel.ts, profile-panel.ts: one settings object, updated by the profile choice); focus stays put.
  const live = await settings;
  const rescore = () => {
    current = personal.adjust(profile.adjust(current));
    keepingFocus(document, () => renderPopup(root, current, deps));
  };
  const profile = createProfilePanel({ rules: RULES, lang, msg: browserMsg, today: localToday(), settings: live, onChange: rescore });
  const personal = createPersonalPanel({ lang, msg: browserMsg, today: localToday(), settings: live, onChange: rescore });
  // A catalog or search page lists its cards instead (catalog-view.ts).
  if (tabId !== null && (await showCatalog(root, tabId, { rules: RULES, lang, msg: browserMsg, today: localToday() }))) return;
  if (tabId === null) return renderPopup(root, null, deps);
  listed = await listedCodes;
  await pageReport(tabId, (state) => {
    current = personal.adjust(profile.adjust(state));
    deps.listed = listed.has(state?.facts?.code ?? "");
    keepingFocus(document, () => renderPopup(root, current, deps));
  });
}

void main();

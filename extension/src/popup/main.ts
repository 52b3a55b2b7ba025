// Toolbar popup: shows the current tab's nine steps as reported by its content script.
import { ext } from "../shared/browser-api";
import type { ReportState } from "../shared/messages";
import { RULES } from "../shared/rules";
import { localToday } from "../shared/dates";
import { addToShortlist } from "../shared/shortlist";
import { PAGE_CSS } from "../ui/badge-style";
import { browserMsg, uiLang } from "../ui/strings";
import { pageReport } from "./page-report";
import { renderPopup, showCompareResult } from "./render";
import { targetTabId } from "./target-tab";

const COMPARE_KEY = { added: "compareAdded", already: "compareAlready", full: "compareFull" } as const;

async function main(): Promise<void> {
  const lang = uiLang();
  document.documentElement.lang = lang;
  document.title = browserMsg("popupTitle");
  const style = document.createElement("style");
  style.textContent = PAGE_CSS;
  document.head.append(style);
  const root = document.getElementById("app");
  if (!root) return;
  const tabId = await targetTabId(location.search);
  let current: ReportState | null = null;
  const deps = {
    rules: RULES,
    lang,
    msg: browserMsg,
    onOpenLink: (href: string) => {
      if (tabId !== null) void ext().tabs.update(tabId, { url: href });
    },
    onCompare: () => {
      const facts = current?.facts;
      if (!facts?.code) return;
      void addToShortlist({ code: facts.code, name: facts.name ?? facts.code, url: facts.url, added: localToday() })
        .then((result) => showCompareResult(root, browserMsg(COMPARE_KEY[result])));
    },
  };
  document.getElementById("options-link")?.addEventListener("click", (event) => {
    event.preventDefault();
    void ext().runtime.openOptionsPage();
  });
  const options = document.getElementById("options-link");
  if (options) options.textContent = browserMsg("optionsLink");
  if (tabId === null) return renderPopup(root, null, deps);
  await pageReport(tabId, (state) => {
    current = state;
    renderPopup(root, state, deps);
  });
}

void main();

// The buyer's own checks for one solution, in the popup: the support test and four
// multiple-choice checks, each labelled, keyboard usable (native controls only) and clearable one
// by one or all at once. Rendering only; popup/buyer-panel.ts stores what the buyer chooses.
import type { Lang } from "../shared/contracts";
import type { Msg } from "../ui/strings";
import type { WorkingCalendar } from "./calendar";
import { CHOICE_NAMES, CHOICES, isEmptyRecord, type BuyerRecord, type CheckName, type ChoiceName } from "./record";
import { supportTestForm } from "./form-support";
import { el } from "../ui/dom";

export interface BuyerFormDeps {
  lang: Lang;
  msg: Msg;
  calendar: WorkingCalendar;
  /** The vendor's calendar the support test is counted in (default: `calendar`). */
  vendorCalendar?: WorkingCalendar;
  declaredHours: number | null;
  /** Last action's confirmation ("Saved"), announced by the form's status line. */
  status: string;
  onSaveTest: (askedLocal: string, answeredLocal: string) => void;
  onChoose: (name: ChoiceName, value: string) => void;
  onClear: (name: CheckName) => void;
  onClearAll: () => void;
}

const QUESTION_KEY: Record<ChoiceName, string> = {
  account_manager: "buyerAccountManager",
  cases_checked: "buyerCases",
  docs_quality: "buyerDocs",
  specialization: "buyerSpecialization",
};


function choiceRow(doc: Document, name: ChoiceName, record: BuyerRecord, deps: BuyerFormDeps): HTMLElement {
  const row = el(doc, "div", "mp-buyer-choice");
  row.dataset.check = name;
  const id = `mp-buyer-${name.replace(/_/g, "-")}`;
  const question = deps.msg(QUESTION_KEY[name]);
  const label = el(doc, "label", "mp-field-label", question);
  label.htmlFor = id;
  const select = el(doc, "select", "mp-field");
  select.id = id;
  select.append(new Option(deps.msg("buyerNotChecked"), ""));
  for (const value of CHOICES[name]) select.append(new Option(deps.msg(`buyerOpt_${name}_${value}`), value));
  const entry = record[name];
  select.value = entry?.value ?? "";
  select.addEventListener("change", () => {
    if (select.value) deps.onChoose(name, select.value);
    else deps.onClear(name);
  });
  const clear = el(doc, "button", "mp-buyer-clear", deps.msg("buyerClear"));
  clear.type = "button";
  clear.id = `${id}-clear`;
  clear.setAttribute("aria-label", deps.msg("buyerClearNamed", { name: question }));
  clear.disabled = entry === undefined;
  clear.addEventListener("click", () => deps.onClear(name));
  const line = el(doc, "div", "mp-actions");
  line.append(select, clear);
  if (entry) line.append(el(doc, "span", "mp-buyer-recorded", deps.msg("buyerRecorded", { date: entry.recorded })));
  row.append(label, line);
  return row;
}

export function renderBuyerForm(doc: Document, record: BuyerRecord, deps: BuyerFormDeps): HTMLElement {
  const section = el(doc, "section", "mp-buyer");
  section.setAttribute("aria-labelledby", "mp-buyer-title");
  const title = el(doc, "h2", "mp-buyer-title", deps.msg("buyerTitle"));
  title.id = "mp-buyer-title";
  title.tabIndex = -1; // where focus goes when the control it was on disappears (cleared)
  section.append(title, el(doc, "p", "mp-hint", deps.msg("buyerIntro")));
  section.append(
    supportTestForm(doc, record.support_test, {
      lang: deps.lang,
      msg: deps.msg,
      calendar: deps.calendar,
      ...(deps.vendorCalendar ? { vendorCalendar: deps.vendorCalendar } : {}),
      declaredHours: deps.declaredHours,
      onSave: deps.onSaveTest,
      onClear: () => deps.onClear("support_test"),
    }),
  );
  for (const name of CHOICE_NAMES) section.append(choiceRow(doc, name, record, deps));
  const all = el(doc, "button", "mp-buyer-clear-all", deps.msg("buyerClearAll"));
  all.type = "button";
  all.id = "mp-buyer-clear-all";
  all.disabled = isEmptyRecord(record);
  all.addEventListener("click", deps.onClearAll);
  const status = el(doc, "p", "mp-buyer-status", deps.status);
  status.setAttribute("role", "status");
  const footer = el(doc, "div", "mp-actions");
  footer.append(all, status);
  section.append(footer);
  return section;
}

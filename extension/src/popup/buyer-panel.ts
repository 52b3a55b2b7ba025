// The popup's personal part: the buyer's own checks (stored per solution, fed into the same rules
// so the popup re-scores at once), "since your last visit" and the timeline. The content script
// re-scores the badge itself when storage changes (buyer/page-checks.ts); the popup does not wait
// for it: same engine, same facts, same settings give the same report.
import type { Lang } from "../shared/contracts";
import { scoreFacts } from "../shared/score-facts";
import type { ReportState } from "../shared/messages";
import type { Settings } from "../shared/settings";
import type { Msg } from "../ui/strings";
import { WORKING_CALENDAR as CAL } from "../buyer/calendar";
import { renderBuyerForm } from "../buyer/form";
import { isEmptyRecord, type BuyerRecord } from "../buyer/record";
import { clearAllChecks, clearCheck, loadBuyerRecord, saveChoice, saveSupportTest } from "../buyer/store";
import { calendarFor } from "../buyer/vendor-calendar";
import { measureLocal, withCalendarZone } from "../buyer/working-hours";
import { sinceList } from "./since-list";
import { timelineSection } from "./timeline-section";

export interface PersonalPanel {
  /** The state re-scored with the buyer's checks (idempotent). */
  adjust(state: ReportState | null): ReportState | null;
  sections(doc: Document, state: ReportState): { top: Node[]; bottom: Node[] };
}

interface Options { lang: Lang; msg: Msg; today: string; settings: Settings; onChange: () => void }

export function createPersonalPanel(opts: Options): PersonalPanel {
  const { lang, msg, today } = opts;
  let code: string | null = null;
  let record: BuyerRecord | null = null; // null until loaded for `code`
  let status = "";
  let form: HTMLElement | null = null; // kept across re-renders so typed values survive polling

  const changed = (next: BuyerRecord, key: string) => {
    record = next;
    status = msg(key);
    form = null;
    opts.onChange();
  };
  const run = (work: Promise<BuyerRecord>, key: string) =>
    void work.then((next) => changed(next, key)).catch(() => changed(record ?? {}, "buyerSaveFailed"));

  const load = (next: string) => {
    code = next;
    record = null;
    void loadBuyerRecord(next).then((loaded) => {
      if (code !== next) return;
      record = loaded;
      form = null;
      opts.onChange();
    });
  };

  // Times are typed in the buyer's zone and counted in the vendor's stated calendar (its days, hours
  // and zone when the page gives them), the same calendar the form's preview uses.
  const handlers = (solution: string, vendor: ReturnType<typeof calendarFor>) => ({
    onSaveTest: (askedLocal: string, answeredLocal: string) => {
      const [asked, answered] = [withCalendarZone(askedLocal, CAL), withCalendarZone(answeredLocal, CAL)];
      const measured = asked && answered ? measureLocal(askedLocal, answeredLocal, CAL, vendor) : null;
      if (!asked || !answered || !measured?.ok) return;
      const test = { asked_at: asked, answered_at: answered, response_hours: measured.hours, recorded: today };
      run(saveSupportTest(solution, test), "buyerSaved");
    },
    onChoose: (name: Parameters<typeof saveChoice>[1], value: string) => run(saveChoice(solution, name, value, today), "buyerSaved"),
    onClear: (name: Parameters<typeof clearCheck>[1]) => run(clearCheck(solution, name), "buyerCleared"),
    onClearAll: () => run(clearAllChecks(solution), "buyerCleared"),
  });

  return {
    adjust(state) {
      const facts = state?.facts;
      if (!state || !facts?.code) return state;
      if (facts.code !== code) load(facts.code);
      if (record === null || (isEmptyRecord(record) && facts.buyer === undefined)) return state;
      try {
        return { ...state, ...scoreFacts(facts, record, opts.settings, today) };
      } catch {
        return state; // odd facts: keep the page's own report rather than none
      }
    },
    sections(doc, state) {
      const top: Node[] = [];
      const bottom: Node[] = [];
      const since = sinceList(doc, state.since, lang, msg);
      if (since) top.push(since);
      const facts = state.facts;
      if (!facts) return { top, bottom };
      bottom.push(timelineSection(doc, facts, today, lang));
      if (facts.code && record !== null && facts.code === code) {
        const support = facts.support as { response_hours?: unknown } | null | undefined;
        const declared = typeof support?.response_hours === "number" ? support.response_hours : null;
        const vendor = calendarFor(facts, CAL);
        form ??= renderBuyerForm(doc, record, { lang, msg, calendar: CAL, vendorCalendar: vendor, declaredHours: declared, status, ...handlers(facts.code, vendor) });
        bottom.push(form);
      }
      return { top, bottom };
    },
  };
}

/** Re-render keeping the keyboard focus on the same control (or the form's title if it is gone). */
export function keepingFocus(doc: Document, render: () => void): void {
  const id = doc.activeElement instanceof HTMLElement ? doc.activeElement.id : "";
  render();
  if (!id) return;
  const target = doc.getElementById(id);
  if (target && !(target as HTMLButtonElement).disabled) target.focus();
  else doc.getElementById("mp-buyer-title")?.focus();
}

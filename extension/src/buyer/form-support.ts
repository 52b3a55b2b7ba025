// The support-test part of the buyer's form: two datetime inputs in the calendar's zone, a live
// working-hours result (role="status") and save / clear. A <form> so Enter submits; the submit is
// always handled here (the extension CSP has form-action 'none', nothing is ever posted).
import type { Lang } from "../shared/contracts";
import type { Msg } from "../ui/strings";
import { calendarText, type WorkingCalendar } from "./calendar";
import type { SupportTest } from "./record";
import { calendarLocal, measureLocal, parseInstant, type WorkingHoursError } from "./working-hours";
import { el } from "../ui/dom";

export interface SupportTestDeps {
  lang: Lang;
  msg: Msg;
  /** The buyer's calendar: the zone the two inputs are typed in. */
  calendar: WorkingCalendar;
  /** The vendor's calendar the answer is counted in (vendor-calendar.ts); default: `calendar`. */
  vendorCalendar?: WorkingCalendar;
  declaredHours: number | null;
  onSave: (askedLocal: string, answeredLocal: string) => void;
  onClear: () => void;
}

const ERROR_KEY: Record<WorkingHoursError, string> = {
  asked_invalid: "buyerErrAsked",
  answered_invalid: "buyerErrAnswered",
  answered_before_asked: "buyerErrOrder",
  too_long: "buyerErrLong",
};


function hoursText(hours: number, lang: Lang): string {
  return lang === "ru" ? String(hours).replace(".", ",") : String(hours);
}

function field(doc: Document, id: string, text: string, value: string): { label: HTMLLabelElement; input: HTMLInputElement } {
  const label = el(doc, "label", "mp-field-label", text);
  label.htmlFor = id;
  const input = el(doc, "input", "mp-field");
  input.type = "datetime-local";
  input.id = id;
  input.value = value;
  return { label, input };
}

function initial(stored: string | undefined, cal: WorkingCalendar): string {
  const ms = stored === undefined ? null : parseInstant(stored, cal.utcOffsetMinutes);
  return ms === null ? "" : calendarLocal(ms, cal);
}

export function supportTestForm(doc: Document, test: SupportTest | undefined, deps: SupportTestDeps): HTMLFormElement {
  const { msg, calendar: cal, lang } = deps;
  const form = el(doc, "form", "mp-buyer-test");
  form.noValidate = true; // our own messages, in the status line
  form.dataset.check = "support_test";
  const legendId = "mp-buyer-test-legend";
  form.setAttribute("aria-labelledby", legendId);
  const legend = el(doc, "h3", "mp-buyer-legend", msg("buyerSupportLegend"));
  legend.id = legendId;
  const zone = cal.zoneLabel[lang];
  const asked = field(doc, "mp-buyer-asked", msg("buyerAsked", { zone }), initial(test?.asked_at, cal));
  const answered = field(doc, "mp-buyer-answered", msg("buyerAnswered", { zone }), initial(test?.answered_at, cal));
  const counted = deps.vendorCalendar ?? cal;
  const hint = el(doc, "p", "mp-hint", msg("buyerCalendar", { calendar: calendarText(counted, lang) }));
  if (deps.declaredHours !== null) hint.textContent += ` ${msg("buyerDeclared", { hours: hoursText(deps.declaredHours, lang) })}`;
  const result = el(doc, "output", "mp-buyer-result");
  result.setAttribute("role", "status");
  result.htmlFor.add(asked.input.id, answered.input.id);
  const update = (): boolean => {
    if (!asked.input.value && !answered.input.value) {
      result.textContent = "";
      return false;
    }
    const measured = measureLocal(asked.input.value, answered.input.value, cal, counted);
    result.textContent = measured.ok ? msg("buyerHours", { hours: hoursText(measured.hours, lang) }) : msg(ERROR_KEY[measured.error]);
    result.dataset.ok = String(measured.ok);
    return measured.ok;
  };
  asked.input.addEventListener("input", update);
  answered.input.addEventListener("input", update);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (update()) deps.onSave(asked.input.value, answered.input.value);
  });
  const save = el(doc, "button", "mp-buyer-save", msg("buyerSaveTest"));
  save.type = "submit";
  save.id = "mp-buyer-save";
  const clear = el(doc, "button", "mp-buyer-clear", msg("buyerClear"));
  clear.type = "button";
  clear.id = "mp-buyer-test-clear";
  clear.setAttribute("aria-label", msg("buyerClearNamed", { name: msg("buyerSupportLegend") }));
  clear.disabled = test === undefined;
  clear.addEventListener("click", deps.onClear);
  const actions = el(doc, "div", "mp-actions");
  actions.append(save, clear);
  if (test) actions.append(el(doc, "span", "mp-buyer-recorded", msg("buyerRecorded", { date: test.recorded })));
  form.append(legend, asked.label, asked.input, answered.label, answered.input, hint, result, actions);
  update();
  return form;
}

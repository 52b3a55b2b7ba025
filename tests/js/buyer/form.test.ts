// @vitest-environment jsdom
import { describe, expect, it, vi } from "vitest";
import { WORKING_CALENDAR as CAL } from "../../../extension/src/buyer/calendar";
import { renderBuyerForm, type BuyerFormDeps } from "../../../extension/src/buyer/form";
import type { BuyerRecord } from "../../../extension/src/buyer/record";
import { vendorCalendar as vendorCalendarOf } from "../../../extension/src/buyer/vendor-calendar";
import { localeMsg } from "../extension/fixtures";

function render(record: BuyerRecord, lang: "ru" | "en" = "en", over: Partial<BuyerFormDeps> = {}) {
  const deps: BuyerFormDeps = {
    lang, msg: localeMsg(lang), calendar: CAL, declaredHours: 4, status: "",
    onSaveTest: vi.fn(), onChoose: vi.fn(), onClear: vi.fn(), onClearAll: vi.fn(), ...over,
  };
  const section = renderBuyerForm(document, record, deps);
  document.body.replaceChildren(section);
  return { section, deps };
}

const type = (id: string, value: string) => {
  const input = document.getElementById(id) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event("input"));
};

describe("the buyer's form", () => {
  it("labels every control and has no untranslated key", () => {
    const { section } = render({});
    for (const control of section.querySelectorAll("input, select")) {
      const label = section.querySelector(`label[for="${control.id}"]`);
      expect(label?.textContent, control.id).toBeTruthy();
    }
    expect(section.textContent).not.toContain("??");
    expect(section.querySelectorAll("select")).toHaveLength(4);
    expect(section.querySelector("#mp-buyer-asked")?.getAttribute("type")).toBe("datetime-local");
    expect(section.textContent).toContain("Mon–Fri, 09:00–18:00 Moscow time");
    expect(section.textContent).toContain("within 4 h");
  });

  it("shows the working hours as you type and saves on submit", () => {
    const { section, deps } = render({});
    type("mp-buyer-asked", "2026-11-27T17:00");
    type("mp-buyer-answered", "2026-11-30T12:00");
    expect(section.querySelector(".mp-buyer-result")?.textContent).toBe("Answered in 4 working hours");
    section.querySelector("form")?.dispatchEvent(new Event("submit", { cancelable: true }));
    expect(deps.onSaveTest).toHaveBeenCalledWith("2026-11-27T17:00", "2026-11-30T12:00");
  });

  it("counts the answer in the vendor's calendar while you type in your own zone", () => {
    const vendorCalendar = vendorCalendarOf({ hours: "пн–пт, 10:00–19:00", timezone: "МСК+4" }, CAL);
    const { section } = render({}, "ru", { vendorCalendar });
    expect(section.querySelector("label[for='mp-buyer-asked']")?.textContent).toBe("Когда вы написали (МСК)"); // typed in Moscow time
    expect(section.textContent).toContain("Считаются рабочие часы: пн–пт, 10:00–19:00 МСК+4.");
    // Fri 17:00 MSK = 21:00 there (closed); Mon 12:00 MSK = 16:00 there: 10:00-16:00.
    type("mp-buyer-asked", "2026-11-27T17:00");
    type("mp-buyer-answered", "2026-11-30T12:00");
    expect(section.querySelector(".mp-buyer-result")?.textContent).toBe("Ответ за 6 рабочих ч");
    expect(section.querySelector(".mp-buyer-result")?.getAttribute("data-ok")).toBe("true");
  });

  it("explains an answer before the question and does not save it", () => {
    const { section, deps } = render({}, "ru");
    type("mp-buyer-asked", "2026-11-30T12:00");
    type("mp-buyer-answered", "2026-11-27T17:00");
    expect(section.querySelector(".mp-buyer-result")?.textContent).toBe("Ответ не может прийти раньше вопроса.");
    section.querySelector("form")?.dispatchEvent(new Event("submit", { cancelable: true }));
    expect(deps.onSaveTest).not.toHaveBeenCalled();
  });

  it("prefills a stored test in the calendar's zone and offers to clear it", () => {
    const record: BuyerRecord = {
      support_test: { asked_at: "2026-11-27T14:00Z", answered_at: "2026-11-30T12:00+03:00", response_hours: 4, recorded: "2026-11-30" },
      docs_quality: { value: "poor", recorded: "2026-11-29" },
    };
    const { section, deps } = render(record, "ru");
    expect((section.querySelector("#mp-buyer-asked") as HTMLInputElement).value).toBe("2026-11-27T17:00");
    expect(section.querySelector(".mp-buyer-result")?.textContent).toBe("Ответ за 4 рабочих ч");
    expect(section.textContent).toContain("записано 2026-11-30");
    (section.querySelector("#mp-buyer-test-clear") as HTMLButtonElement).click();
    expect(deps.onClear).toHaveBeenCalledWith("support_test");
    const docs = section.querySelector("#mp-buyer-docs-quality") as HTMLSelectElement;
    expect(docs.value).toBe("poor");
    expect((section.querySelector("#mp-buyer-docs-quality-clear") as HTMLButtonElement).disabled).toBe(false);
    expect((section.querySelector("#mp-buyer-cases-checked-clear") as HTMLButtonElement).disabled).toBe(true);
    (section.querySelector("#mp-buyer-clear-all") as HTMLButtonElement).click();
    expect(deps.onClearAll).toHaveBeenCalled();
  });

  it("a choice saves on change; the empty choice clears", () => {
    const { section, deps } = render({});
    const select = section.querySelector("#mp-buyer-account-manager") as HTMLSelectElement;
    select.value = "unresponsive";
    select.dispatchEvent(new Event("change"));
    expect(deps.onChoose).toHaveBeenCalledWith("account_manager", "unresponsive");
    select.value = "";
    select.dispatchEvent(new Event("change"));
    expect(deps.onClear).toHaveBeenCalledWith("account_manager");
    expect((section.querySelector("#mp-buyer-clear-all") as HTMLButtonElement).disabled).toBe(true);
  });

  it("gives each clear button its own accessible name", () => {
    const { section } = render({});
    const names = [...section.querySelectorAll(".mp-buyer-clear")].map((b) => b.getAttribute("aria-label"));
    expect(new Set(names).size).toBe(names.length);
  });
});

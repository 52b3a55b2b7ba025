// @vitest-environment jsdom
// The popup's nine steps fold (ui/criterion-row.ts): closed at first, a button with aria-expanded
// opens one, the open ones stay open when the popup re-renders, and the badge's rows do not fold.
import { describe, expect, it, vi } from "vitest";
import { completeFacts } from "../../../extension/src/shared/facts-skeleton";
import { renderPopup } from "../../../extension/src/popup/render";
import { criterionList } from "../../../extension/src/ui/criterion-row";
import { localeMsg, readRulesTexts, sampleReport } from "./fixtures";

const rules = readRulesTexts();
const facts = completeFacts({ partner: { id: 731204, name: "NordLab" } }, "nordlab.smartseo");
const state = { state: "ready" as const, report: sampleReport(), facts, partner: "unavailable" as const };
const deps = { rules, lang: "ru" as const, msg: localeMsg("ru"), onCompare: vi.fn(), onOpenLink: vi.fn() };

function popup(): HTMLElement {
  const root = document.createElement("main");
  document.body.replaceChildren(root);
  renderPopup(root, state, deps);
  return root;
}

const toggleOf = (root: ParentNode, id: string) => root.querySelector<HTMLButtonElement>(`[data-criterion="${id}"] .mp-step-toggle`)!;
const bodyOf = (root: ParentNode, id: string) => root.querySelector<HTMLElement>(`[data-criterion="${id}"] .mp-step-body`)!;

describe("popup steps fold", () => {
  it("starts with every step closed: status and message shown, evidence hidden", () => {
    const root = popup();
    const toggles = [...root.querySelectorAll<HTMLButtonElement>(".mp-step-toggle")];
    expect(toggles).toHaveLength(9);
    for (const t of toggles) {
      expect(t.getAttribute("aria-expanded")).toBe("false");
      expect(t.type).toBe("button");
      const body = root.querySelector<HTMLElement>(`#${t.getAttribute("aria-controls")}`)!;
      expect(body.hidden).toBe(true);
      expect(body.closest("[data-criterion]")).toBe(t.closest("[data-criterion]"));
    }
    const demo = root.querySelector<HTMLElement>('[data-criterion="demo"]')!;
    expect(demo.dataset.status).toBe("good"); // SPEC §7 stays on the row element itself
    expect(demo.querySelector(".mp-message")?.closest(".mp-step-body")).toBeNull();
    expect(bodyOf(root, "demo").querySelector(".mp-check")?.textContent).toBe("проверьте demo");
    expect(toggleOf(root, "demo").textContent).toContain("1. ");
  });

  it("opens and closes a step from its button", () => {
    const root = popup();
    toggleOf(root, "reviews").click();
    expect(toggleOf(root, "reviews").getAttribute("aria-expanded")).toBe("true");
    expect(bodyOf(root, "reviews").hidden).toBe(false);
    expect(bodyOf(root, "demo").hidden).toBe(true);
    toggleOf(root, "reviews").click();
    expect(toggleOf(root, "reviews").getAttribute("aria-expanded")).toBe("false");
    expect(bodyOf(root, "reviews").hidden).toBe(true);
  });

  it("keeps the open steps open across a re-render", () => {
    const root = popup();
    toggleOf(root, "price").click();
    renderPopup(root, state, deps);
    expect(toggleOf(root, "price").getAttribute("aria-expanded")).toBe("true");
    expect(bodyOf(root, "price").hidden).toBe(false);
    expect([...root.querySelectorAll('.mp-step-toggle[aria-expanded="true"]')]).toHaveLength(1);
  });

  it("leaves the badge's compact rows without a toggle", () => {
    const list = criterionList(document, sampleReport().criteria, { rules, lang: "ru", msg: localeMsg("ru") }, false);
    expect(list.querySelectorAll("[data-criterion]")).toHaveLength(9);
    expect(list.querySelector(".mp-step-toggle, .mp-step-body, button")).toBeNull();
  });
});

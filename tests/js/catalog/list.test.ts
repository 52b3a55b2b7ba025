// @vitest-environment jsdom
// Issue 11 points 1 and 3: mini-badges only on the list's cards (not banners, promos, menus,
// footers), and the list control: sort by verdict, hide pseudo-demos / withdrawn, reversible and
// idempotent (a second refresh changes nothing, so our own moves cannot loop the observer).
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { applyChoice, listControl, type ListEntry } from "../../../extension/src/content/list-control";
import { listCards } from "../../../extension/src/content/list-scope";
import { readListingCards } from "../../../extension/src/content/extract-facts";
import type { CardVerdict } from "../../../extension/src/ui/card-verdict";
import { localeMsg } from "../extension/fixtures";
import { FIXTURES, pageDocument, readPage } from "../extract/helpers";

const URL = "https://marketplace.1c-bitrix.ru/solutions/category/14/";
const CODES = [
  "atelier.fashionshop", "nordlab.smartshop", "alfasoft.megastore", "pixel.flowers", "quickdev.minishop",
  "sibreshenia.autoparts", "vostok.furniture", "retaillab.b2b", "delta.kidstore", "openbx.shopstarter",
];

function fixture(): Document {
  return pageDocument(readPage(join(FIXTURES, "catalog_category_listing.html")));
}

function add(doc: Document, where: Element, html: string): void {
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, "text/html"); // test markup only
  where.append(...[...parsed.body.childNodes].map((node) => doc.importNode(node, true)));
}

describe("list scope", () => {
  it("keeps the ten cards of the category fixture", () => {
    expect(listCards(readListingCards(fixture(), URL)).map((c) => c.code)).toEqual(CODES);
  });

  it("leaves out a banner, a promo block, a menu and a footer linking solutions", () => {
    const doc = fixture();
    const list = doc.querySelector(".catalog-list")!;
    list.before(Object.assign(doc.createElement("div"), { className: "promo-banner" }));
    add(doc, doc.querySelector(".promo-banner")!, '<a href="/solutions/promo.banner/"><img alt="Акция"></a>');
    add(doc, doc.body, '<div class="promo"><span class="item-wrap"><a href="/solutions/promo.single/">Лучшее</a></span></div>');
    add(doc, doc.body, '<nav><ul><li><a href="/solutions/menu.one/">Один</a></li><li><a href="/solutions/menu.two/">Два</a></li></ul></nav>');
    add(doc, doc.body, '<footer><a href="/solutions/foot.one/">Ф1</a> <a href="/solutions/foot.two/">Ф2</a></footer>');
    expect(listCards(readListingCards(doc, URL)).map((c) => c.code)).toEqual(CODES);
  });

  it("without the card class, the repeated blocks are the list and a lone promo is not", () => {
    const doc = pageDocument(
      '<main><div class="hero"><a href="/solutions/hero.one/">Герой</a></div><ul class="results">' +
        ["a.one", "b.two", "c.three"].map((c) => `<li class="result"><a href="/solutions/${c}/">${c}</a> <span>1 000 руб.</span></li>`).join("") +
        '</ul><footer><ul><li><a href="/solutions/f.one/">f</a></li><li><a href="/solutions/f.two/">g</a></li></ul></footer></main>',
    );
    expect(listCards(readListingCards(doc, URL)).map((c) => c.code)).toEqual(["a.one", "b.two", "c.three"]);
  });

  it("a search with one result keeps its one card", () => {
    const doc = pageDocument('<main><div class="search-result"><a href="/solutions/only.one/">Один</a></div></main>');
    expect(listCards(readListingCards(doc, URL)).map((c) => c.code)).toEqual(["only.one"]);
  });
});

function verdict(status: CardVerdict["status"], score: number | null, signal: CardVerdict["signal"] = null): CardVerdict {
  return { status, score, signal, note: "", reason: "", label: "" };
}

describe("list control", () => {
  const msg = localeMsg("ru");
  function setup() {
    const doc = fixture();
    const cards = [...doc.querySelectorAll(".item-wrap")];
    const verdicts: Record<string, CardVerdict> = {
      "quickdev.minishop": verdict("bad", null, "pseudo_demo"),
      "nordlab.smartshop": verdict("good", null, "real_demo"),
      "retaillab.b2b": verdict("good", 81),
      "delta.kidstore": verdict("bad", null, "withdrawn"),
      "pixel.flowers": verdict("warn", 55),
    };
    const entries: ListEntry[] = cards.map((element) => ({
      element, verdict: verdicts[element.getAttribute("data-code") ?? ""] ?? verdict("unknown", null),
    }));
    const order = () => [...doc.querySelectorAll(".item-wrap")].map((c) => c.getAttribute("data-code"));
    const visible = () => [...doc.querySelectorAll<HTMLElement>(".item-wrap")].filter((c) => c.style.display !== "none").length;
    return { doc, entries, order, visible };
  }

  it("mounts once above the list with a labelled group, a sort select and two checkboxes", () => {
    const { doc, entries } = setup();
    const control = listControl(doc, msg, () => entries);
    control.refresh();
    control.refresh();
    const hosts = doc.querySelectorAll("mpcheck-list");
    expect(hosts).toHaveLength(1);
    expect(hosts[0]?.nextElementSibling?.className).toBe("catalog-list");
    const root = hosts[0]!.shadowRoot!;
    expect(root.querySelector("[role=group]")?.getAttribute("aria-label")).toBe("mpcheck: список решений");
    expect([...root.querySelectorAll("option")].map((o) => o.textContent)).toEqual(["как на странице", "по оценке mpcheck"]);
    expect(root.querySelectorAll("input[type=checkbox]")).toHaveLength(2);
  });

  it("sorts by verdict, hides what was asked, and puts everything back", () => {
    const { doc, entries, order, visible } = setup();
    const control = listControl(doc, msg, () => entries);
    control.refresh();
    const root = doc.querySelector("mpcheck-list")!.shadowRoot!;
    const select = root.querySelector("select")!;
    select.value = "verdict";
    select.dispatchEvent(new Event("change"));
    expect(order()).toEqual([
      "retaillab.b2b", "nordlab.smartshop", "pixel.flowers", "atelier.fashionshop", "alfasoft.megastore",
      "sibreshenia.autoparts", "vostok.furniture", "openbx.shopstarter", "quickdev.minishop", "delta.kidstore",
    ]);
    const [pseudo, withdrawn] = [...root.querySelectorAll<HTMLInputElement>("input[type=checkbox]")];
    pseudo!.checked = true;
    pseudo!.dispatchEvent(new Event("change"));
    withdrawn!.checked = true;
    withdrawn!.dispatchEvent(new Event("change"));
    expect(visible()).toBe(8);
    expect(root.querySelector("[role=status]")?.textContent).toBe("скрыто карточек: 2");

    // idempotent: refreshing an applied choice moves nothing
    const observer = new MutationObserver(() => undefined);
    observer.observe(doc.body, { childList: true, subtree: true, attributes: true });
    control.refresh();
    expect(observer.takeRecords()).toHaveLength(0);
    observer.disconnect();

    select.value = "page";
    select.dispatchEvent(new Event("change"));
    pseudo!.checked = false;
    pseudo!.dispatchEvent(new Event("change"));
    withdrawn!.checked = false;
    withdrawn!.dispatchEvent(new Event("change"));
    expect(order()).toEqual(CODES);
    expect(visible()).toBe(10);
    expect(doc.querySelectorAll("[style*='display']")).toHaveLength(0);
    expect(doc.querySelectorAll("[data-mpcheck-hidden]")).toHaveLength(0);
  });

  it("keeps other nodes between cards where they were", () => {
    const doc = pageDocument('<div id="l"><i id="a"></i><hr id="ad"><i id="b"></i></div>');
    const [a, b] = [doc.getElementById("a")!, doc.getElementById("b")!];
    const entries = [{ element: a, verdict: verdict("bad", null) }, { element: b, verdict: verdict("good", 90) }];
    applyChoice(entries); // page order first seen: a, b
    const control = listControl(doc, msg, () => entries);
    control.refresh();
    const select = doc.querySelector("mpcheck-list")!.shadowRoot!.querySelector("select")!;
    select.value = "verdict";
    select.dispatchEvent(new Event("change"));
    expect([...doc.getElementById("l")!.children].map((c) => c.id)).toEqual(["b", "ad", "a"]);
    select.value = "page";
    select.dispatchEvent(new Event("change"));
  });

  it("ranks a card still being read as unknown, so a mixed list sorts the same whatever the order", () => {
    // bad, unread, good, unread, warn: by page order the old comparison had bad < unread < good yet
    // good < bad, and the sort left the list as it was.
    const doc = pageDocument('<div id="m"><i id="bad"></i><i id="r1"></i><i id="good"></i><i id="r2"></i><i id="warn"></i></div>');
    const byId = (id: string) => doc.getElementById(id)!;
    const verdicts: Record<string, CardVerdict | null> = { bad: verdict("bad", 10), r1: null, good: verdict("good", 90), r2: null, warn: verdict("warn", 60) };
    const entries: ListEntry[] = Object.entries(verdicts).map(([id, v]) => ({ element: byId(id), verdict: v }));
    applyChoice(entries); // page order first seen: bad, r1, good, r2, warn
    const control = listControl(doc, msg, () => entries);
    control.refresh();
    const select = doc.querySelector("mpcheck-list")!.shadowRoot!.querySelector("select")!;
    select.value = "verdict";
    select.dispatchEvent(new Event("change"));
    const order = () => [...byId("m").children].map((c) => c.id);
    expect(order()).toEqual(["good", "warn", "r1", "r2", "bad"]);
    control.refresh(); // the same list read again, moved, sorts to the same order
    expect(order()).toEqual(["good", "warn", "r1", "r2", "bad"]);
    select.value = "page";
    select.dispatchEvent(new Event("change"));
    expect(order()).toEqual(["bad", "r1", "good", "r2", "warn"]);
  });
});

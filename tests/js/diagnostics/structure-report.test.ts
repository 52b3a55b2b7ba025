// @vitest-environment jsdom
// The structure-only report (extension/src/diagnostics/structure-report.ts) on every solution fixture
// page: what it must hold (tags, ids, classes, attribute names, the label table's words) and what it
// must never hold (e-mails, names, review text, attribute values, the URL's query).
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import labels from "../../../shared_rules/labels.json";
import { labelPatterns, labelWord, normaliseText } from "../../../extension/src/diagnostics/label-words";
import { reportUrl, structureReport } from "../../../extension/src/diagnostics/structure-report";
import { FIXTURES, pageDocument, readPage } from "../extract/helpers";

const PATTERNS = labelPatterns(labels);
const URL = "https://marketplace.1c-bitrix.ru/solutions/nordlab.smartseo/?utm_source=mail&email=ivan%40mail.ru#tab-rating-link";
const PAGES = ["", "extra", "blind", "hostile"].flatMap((sub) =>
  readdirSync(join(FIXTURES, sub))
    .filter((f) => f.startsWith("solution_") && f.endsWith(".html"))
    .map((f) => join(sub, f)),
);

function report(html: string, limits = {}): string {
  return structureReport(pageDocument(html), { url: URL, labels: PATTERNS, limits });
}

function textNodes(doc: Document): string[] {
  const out: string[] = [];
  const walker = doc.createTreeWalker(doc.documentElement, 4 /* SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(normaliseText(n.textContent ?? ""));
  return out.filter(Boolean);
}

describe("structure report on the fixture pages", () => {
  it("covers every solution fixture", () => {
    expect(PAGES.length).toBeGreaterThan(15);
    expect(PAGES).toContain(join("hostile", "solution_hostile_strings.html"));
  });

  for (const page of PAGES) {
    it(`holds no page text or attribute value: ${page}`, () => {
      const html = readPage(join(FIXTURES, page));
      const doc = pageDocument(html);
      const text = report(html).split("\n---\n")[1] ?? ""; // the tree; the header names the page address
      // e-mails and anything else with an @ (classes, ids and label words cannot hold one)
      expect(text).not.toContain("@");
      expect(text).not.toMatch(/utm_source|ivan|mail\.ru/i);
      // Cyrillic only inside quoted label words, and each quoted word is a label of the table
      const outside = text.replace(/«[^«»]*»→[a-z_]+\.[a-z_]+/g, "");
      expect(outside).not.toMatch(/[\u0400-\u04ff]/u);
      for (const m of text.matchAll(/«([^«»]*)»→([a-z_]+\.[a-z_]+)/g)) {
        const word = (m[1] as string).replace(/#/g, "1");
        expect(labelWord(word, PATTERNS.filter((p) => p.key === m[2]))?.word, m[0]).toBe(m[1]);
      }
      // no text node longer than a label (names, review text, descriptions, addresses)
      for (const node of textNodes(doc)) {
        if (node.length < 20 || labelWord(node, PATTERNS)?.word === node) continue;
        expect(text.includes(node), node).toBe(false);
      }
      // no attribute value but ids and classes: links, data values, alt texts, scripts' sources
      for (const el of Array.from(doc.querySelectorAll("*"))) {
        for (const attr of Array.from(el.attributes)) {
          if (attr.name === "class" || attr.name === "id") continue;
          if (labelWord(normaliseText(attr.value), PATTERNS)?.word === attr.value) continue; // a label word may show
          if (attr.value.length >= 6 && /[/?=&@\s\u0400-\u04ff]/u.test(attr.value)) {
            expect(text.includes(attr.value), `${attr.name}=${attr.value}`).toBe(false);
          }
        }
      }
    });
  }

  it("keeps the structure and the label words of the reference page", () => {
    const text = report(readPage(join(FIXTURES, "solution_module_paid_demo14_active.html")));
    const lines = text.split("\n");
    expect(lines[0]).toBe("mpcheck.structure/1");
    expect(lines[1]).toBe("page: https://marketplace.1c-bitrix.ru/solutions/nordlab.smartseo/");
    expect(lines).toContain("    div#bx-all-page-content");
    expect(lines).toContain("            span.mp-buy__label «Цена»→fields.price …");
    expect(lines).toContain("          a#tab-log-link.mp-tabs__item [href] «Что нового»→tabs.log");
    expect(lines).toContain("                i.mp-star.mp-star--on ×4"); // identical siblings folded
    expect(lines).toContain("        section#tab-log-body.mp-tab-body [style]");
    expect(text).not.toContain("mpcheck-badge");
  });

  it("shows hostile markup as structure, never as its text", () => {
    const text = report(readPage(join(FIXTURES, "hostile", "solution_hostile_strings.html")));
    expect(text).not.toMatch(/alert|onerror=|Хакер|<img|<script|document\.write|99 999/);
    expect(text).toContain("img [src onerror]"); // attribute NAMES are structure
    expect(text).toContain("div#tab-rating-body");
    expect(text).toContain("«Отзывы (#)»→tabs.rating"); // the count is masked
  });

  it("quotes a label that quotes a name with straight quotes inside its own «…»", () => {
    const html = "<html><body><table><tr><td>Поддержка технологии «Композитный сайт»</td><td>Да</td></tr></table></body></html>";
    expect(report(html)).toContain('td «Поддержка технологии "Композитный сайт"»→fields.composite');
  });
});

describe("structure report limits", () => {
  const deep = `<html><body>${"<div class='x'>".repeat(40)}<p>Иван Петров, ivan@example.org</p>${"</div>".repeat(40)}</body></html>`;
  it("stops at the depth limit and says how much is deeper", () => {
    const text = report(deep, { maxDepth: 5 });
    expect(text).toMatch(/^ {10}div\.x \(37 deeper, depth limit 5\)$/m);
    expect(text).not.toMatch(/^ {12}/m);
  });
  it("caps the number of lines (html, head, body and 22 divs to the depth limit, then 1 line for the rest)", () => {
    const text = report(deep, { maxLines: 10 });
    const body = text.split("---\n")[1] ?? "";
    expect(body.split("\n")).toHaveLength(11);
    expect(body).toMatch(/… 16 more lines not shown \(size limit\)$/);
  });
  it("folds identical siblings and masks generated ids", () => {
    const text = report(`<html><body><ul id="list-123456">${"<li class='item'><b>Отзыв</b></li>".repeat(30)}<li class='item last'></li></ul></body></html>`);
    expect(text).toContain("    ul#list-#\n      li.item ×30\n        b …\n      li.item.last");
  });
  it("shows a class that carries a person's account name only up to its prefix", () => {
    // WordPress marks every comment with its author's nicename (blind solution_woocommerce_product_reviews_demo21)
    const text = report(`<html><body><ol><li class="review byuser comment-author-ivan-sklad even"><p>x</p></li><li class="user-petrov author-olga-k" id="profile-anna">y</li><li class="author-box user-menu">z</li></ol></body></html>`);
    expect(text).toContain("li.review.byuser.comment-author-?.even");
    expect(text).toContain("li#profile-?.user-?.author-?");
    expect(text).not.toMatch(/ivan|sklad|petrov|olga|anna/i);
    expect(text).toContain("li.author-?.user-?"); // the prefix rule has no exceptions: a name cannot be told from a word
  });
  it("shows a Tumblr note's blog-name class only up to its prefix", () => {
    // Tumblr marks every note with the blog that wrote it (blind solution_tumblr_post_polarbit_stockreserve)
    const text = report(`<html><body><ol class="notes"><li class="note reply tumblelog_olga-bitrix-freelance without_commentary">x</li></ol></body></html>`);
    expect(text).toContain("li.note.reply.tumblelog_?.without_commentary");
    expect(text).not.toMatch(/olga|freelance/i);
  });
  it("names attributes but never shows their values", () => {
    const text = report(`<html><body><a href="/x?token=abc" data-user="Мария" aria-label="Стоимость решения" title="Мария Иванова">x</a></body></html>`);
    expect(text).toContain("    a [href data-user aria-label title] aria-label=«Стоимость решения»→fields.price …");
    expect(text).not.toMatch(/token|Мария|Иванова/);
  });
});

describe("reportUrl", () => {
  it("drops the query and the fragment", () => {
    expect(reportUrl("https://marketplace.1c-bitrix.ru/partners/detail.php?ID=731204#x")).toBe(
      "https://marketplace.1c-bitrix.ru/partners/detail.php",
    );
    expect(reportUrl("not a url")).toBe("?");
  });
});

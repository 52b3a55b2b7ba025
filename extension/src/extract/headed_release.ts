// Releases announced under a heading of their own outside the log section: «<h2>Что нового в 5.2.0
// (20.11.2026)</h2><ul>…</ul><h3>Как обновиться</h3>» (a vendor's release post whose older releases
// stand under another title: blind solution_teletype_kedrsoft_bonus). The heading names one release
// with its version and date (`changelog.release_heading`, group 1 the row head that `changelog.rows`
// reads); its description is the blocks after it up to the next heading of any level, a rule or a tab
// body. A heading inside a tab body is that tab's; one in a side block or the site's chrome
// (`scope.sidebar`, `scope.chrome`) is another thing's news, and notes that name the platform or a
// requirement (`changelog.requirement`: «В ядре Битрикс появился новый ORM») announce a core release,
// not the solution's. Returned as row texts for changelog.ts to read like
// any row (backend/mpcheck/extract/headed_release.py).
import type { Page } from "./context";
import { css, inlineText } from "./dom";
import { TABLE } from "./label_table";
import { inBlock } from "./scope";
import { fold, norm } from "./text";

/** The blocks after a heading up to the next heading, a rule or a tab body. */
function blocks(heading: Element, page: Page): Element[] {
  const selector = [...TABLE.headingTags].sort().join(", ");
  const out: Element[] = [];
  for (let node = heading.nextElementSibling; node; node = node.nextElementSibling) {
    const tag = node.tagName.toLowerCase();
    if (tag === "hr" || page.zones.has(node) || TABLE.headingTags.has(tag) || node.querySelector(selector)) break;
    out.push(node);
  }
  return out;
}

/** Whether the heading stands in a side block or the site's chrome (below <body>). */
function aside(heading: Element): boolean {
  return inBlock(heading, "sidebar") || inBlock(heading, "chrome");
}

/** Row texts of the releases headed by their own title outside every tab body (page order). */
export function headedRows(page: Page): string[] {
  const rows: string[] = [];
  for (const el of css(page.root, [...TABLE.headingTags].sort().join(", "))) {
    if (page.zoneOf(el) !== null) continue;
    const m = TABLE.search(fold(inlineText(el)), "changelog", "release_heading");
    const head = m?.[1];
    if (!head || !TABLE.search(head, "changelog", "rows") || aside(el)) continue;
    const text = norm(blocks(el, page).map((b) => inlineText(b)).join(" "));
    if (text && !TABLE.search(fold(text), "changelog", "requirement")) rows.push(`${head} ${text}`);
  }
  return rows;
}

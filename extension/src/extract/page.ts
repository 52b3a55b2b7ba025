// Page type from the markup alone, for a page the URL does not classify (a mirror, a saved copy):
// the markup tests of backend/mpcheck/extract/page.py::detect_page_type_from_markup. URL-based
// detection stays in the content script (shared/page-type.ts).
import { absoluteUrl } from "./dom";
import { TABLE } from "./label_table";

export type DomPageType = "solution" | "listing" | "partner" | "partners_rating" | "other";

/** The type a Marketplace URL's path names (page.py::_type_from_url without the feed). */
function typeFromUrl(url: URL): DomPageType | null {
  if (TABLE.search(url.href, "urls", "feed")) return null;
  if (TABLE.search(url.pathname, "urls", "solution_path")) return "solution";
  if (TABLE.search(url.pathname, "urls", "partner_path")) return "partner";
  if (TABLE.search(url.pathname, "urls", "rating_path")) return "partners_rating";
  if (TABLE.search(url.pathname, "urls", "listing_path")) return "listing";
  return null;
}

/** What a saved copy's canonical / og:url link on the Marketplace says it is (a snapshot's,
 * archived, is its original): a solution page whose other-solution cards look like a catalog's is
 * still a solution page (page.py::_type_from_canonical). */
function typeFromCanonical(doc: Document): DomPageType | null {
  for (const [sel, attr] of [["link[rel=canonical]", "href"], ["meta[property='og:url']", "content"]] as const) {
    const el = doc.querySelector(sel);
    if (!el) continue;
    const link = absoluteUrl(el.getAttribute(attr), null);
    if (!link) continue;
    try {
      const url = new URL(link);
      if (!url.host.endsWith(String(TABLE.get("urls", "host")))) continue;
      const found = typeFromUrl(url);
      if (found) return found;
    } catch {
      continue;
    }
  }
  return null;
}

function count(doc: Document, selector: string): number {
  try {
    return doc.querySelectorAll(selector).length;
  } catch {
    return 0;
  }
}

export function detectPageTypeFromMarkup(doc: Document): DomPageType {
  const found = typeFromCanonical(doc);
  if (found) return found;
  if (count(doc, ".item-wrap") >= 2) return "listing";
  if (count(doc, "a[name='nav_start']") && count(doc, ".text a[name]") >= 2) return "partners_rating";
  if (count(doc, ".mp_sc_ls_container, [data-partner-id]")) return "partner";
  if (count(doc, "[id^='tab-'], a[href*='tobasket.php'], input#module")) return "solution";
  return (doc.documentElement?.textContent ?? "").includes("Код решения") ? "solution" : "other";
}

// Page type from the markup alone, for a page the URL does not classify (a mirror, a saved copy):
// the markup tests of backend/mpcheck/extract/page.py::detect_page_type_from_markup. URL-based
// detection stays in the content script (shared/page-type.ts).
export type DomPageType = "solution" | "listing" | "partner" | "partners_rating" | "other";

function count(doc: Document, selector: string): number {
  try {
    return doc.querySelectorAll(selector).length;
  } catch {
    return 0;
  }
}

export function detectPageTypeFromMarkup(doc: Document): DomPageType {
  if (count(doc, ".item-wrap") >= 2) return "listing";
  if (count(doc, "a[name='nav_start']") && count(doc, ".text a[name]") >= 2) return "partners_rating";
  if (count(doc, ".mp_sc_ls_container, [data-partner-id]")) return "partner";
  if (count(doc, "[id^='tab-'], a[href*='tobasket.php'], input#module")) return "solution";
  return (doc.documentElement?.textContent ?? "").includes("Код решения") ? "solution" : "other";
}

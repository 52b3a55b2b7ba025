// A release table with no section title: its own column header names it the log (Python
// backend/mpcheck/extract/log_table.py). A post or an article may retell the solution's «Что нового»
// as a bare table under a sentence too long to be a title, its header row «Версия | Дата | Что
// изменилось». Such a table is the log section when the page has none: its first header cell names
// the version column (`changelog.column_version`), a later one the date column
// (`changelog.column_date`), and a third one names what changed (`changelog.column_changes`: «Что
// изменилось», «Изменения», «Описание»; a «Версия | Дата | Совместимость» table of tested platform
// builds is no log). tabs.findTabs takes none inside the reviews or comments section and still asks
// the table's text to fit the log (dated versions) before it takes it.
import { childElements, css, inlineText, tag } from "./dom";
import { TABLE } from "./label_table";
import { fold, norm } from "./text";

const MIN_COLUMNS = 3; // version, date and what changed: a two-column «Версия | Дата» list says nothing new

/** The table's rows, not those of a table nested in one of its cells. */
function ownRows(tb: Element): Element[] {
  return css(tb, "tr").filter((tr) => tr.parentElement?.closest("table") === tb);
}

/** The cells of the table's column header row: its first row, when it sits in a thead or holds
 * header cells only; [] otherwise. */
function headCells(tb: Element): Element[] {
  const first = ownRows(tb)[0];
  if (!first) return [];
  const cells = childElements(first).filter((c) => tag(c) === "th" || tag(c) === "td");
  const inHead = first.parentElement !== null && tag(first.parentElement) === "thead";
  return inHead || (cells.length > 0 && cells.every((c) => tag(c) === "th")) ? cells : [];
}

/** Whether a table's column header is a release log's: «Версия | Дата | Что изменилось». */
export function isReleaseTable(tb: Element): boolean {
  const heads = headCells(tb).map((c) => fold(norm(inlineText(c))));
  return (
    heads.length >= MIN_COLUMNS &&
    TABLE.search(heads[0] ?? "", "changelog", "column_version") !== null &&
    heads.slice(1).some((h) => TABLE.search(h, "changelog", "column_date") !== null) &&
    heads.slice(1).some((h) => TABLE.search(h, "changelog", "column_changes") !== null)
  );
}

/** The tables of the page whose column header is a release log's, in document order. */
export function releaseTables(root: Element): Element[] {
  return css(root, "table").filter(isReleaseTable);
}

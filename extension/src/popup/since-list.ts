// "Since your last visit" in the popup: the same changes as the badge's line, one per list item.
import type { Lang } from "../shared/contracts";
import type { SinceLastVisit } from "../snapshots/diff";
import { changeText } from "../snapshots/format";
import { dayText } from "../ui/buyer-values";
import type { Msg } from "../ui/strings";

export function sinceList(doc: Document, since: SinceLastVisit | null | undefined, lang: Lang, msg: Msg): HTMLElement | null {
  if (!since || since.changes.length === 0) return null; // first visit, or nothing changed
  const section = doc.createElement("section");
  section.className = "mp-since";
  section.setAttribute("aria-labelledby", "mp-since-title");
  const title = doc.createElement("h2");
  title.id = "mp-since-title";
  title.className = "mp-since-title";
  title.textContent = msg("sinceTitle", { date: dayText(since.since, lang) });
  const list = doc.createElement("ul");
  list.className = "mp-since-list";
  for (const change of since.changes) {
    const item = doc.createElement("li");
    item.dataset.change = change.kind;
    item.textContent = changeText(change, lang, msg);
    list.append(item);
  }
  section.append(title, list);
  return section;
}

// «Что изменилось в сравнении»: for each shortlisted solution, what changed since it was added (a
// new release, a new negative review, a price change, withdrawn; history/changes.ts), as a
// collapsed section above the footer. Opening it is the buyer seeing them: the worker is told, and
// the toolbar icon's count goes. Nothing changed: no section at all.
import type { Lang } from "../shared/contracts";
import { changeId } from "../history/changes";
import { requestChanges, reportSeen } from "../history/client";
import { changeText, newCountText } from "../history/format";
import type { Msg } from "../ui/strings";

export async function showShortlistChanges(doc: Document, lang: Lang, msg: Msg): Promise<HTMLElement | null> {
  const reply = await requestChanges();
  if (!reply || reply.solutions.length === 0) return null;
  const section = doc.createElement("details");
  section.className = "mp-shortlist-changes";
  const summary = doc.createElement("summary");
  const heading = doc.createElement("h2");
  heading.textContent = msg("changesTitle");
  summary.append(heading);
  if (reply.unseen.length) {
    const count = doc.createElement("span");
    count.className = "mp-changes-new";
    count.textContent = ` (${newCountText(reply.unseen.length, lang, msg)})`;
    summary.append(count);
  }
  const unseen = new Set(reply.unseen);
  const list = doc.createElement("ul");
  for (const s of reply.solutions) {
    const item = doc.createElement("li");
    item.dataset.code = s.code;
    const name = doc.createElement("strong");
    name.textContent = s.name;
    const since = doc.createElement("span");
    since.textContent = ` (${msg("changesSinceAdded")})`;
    const changes = doc.createElement("ul");
    for (const c of s.changes) {
      const li = doc.createElement("li");
      li.dataset.change = c.kind;
      if (unseen.has(changeId(s.code, c))) li.dataset.new = "true";
      li.textContent = changeText(c, lang, msg);
      changes.append(li);
    }
    item.append(name, since, changes);
    list.append(item);
  }
  section.append(summary, list);
  section.addEventListener("toggle", () => {
    if (section.open && reply.unseen.length) void reportSeen(reply.unseen);
  });
  const footer = doc.querySelector("footer");
  if (footer) footer.before(section);
  else doc.body.append(section);
  return section;
}

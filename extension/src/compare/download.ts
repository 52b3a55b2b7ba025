// Saves text as a file: a Blob URL on a temporary <a download> (no downloads permission needed).
export function downloadText(doc: Document, filename: string, text: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${mime};charset=utf-8` }));
  const link = doc.createElement("a");
  link.href = url;
  link.download = filename;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  // Revoke later: some browsers start reading the Blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

// Bytes → text as a browser decodes a saved page, the same order as Python's mpcheck.extract.decode:
// 1. a byte-order mark (UTF-8, UTF-16LE, UTF-16BE) wins over every declaration (WHATWG);
// 2. a BOM-less UTF-16 page is recognised by its NUL bytes (four ASCII code units with a zero half);
// 3. the <meta charset> of the ASCII-read head, else UTF-8. A <meta> naming UTF-16 is read as UTF-8,
//    as WHATWG does: an ASCII-readable <meta> cannot be UTF-16, only the bytes of steps 1-2 choose it.
// Shared by bench/ts_extract.mjs and the vitest helpers (tests/js/extract/helpers.ts), so the bench and
// the tests decode alike. The extension itself never decodes: the browser hands it a parsed document.

const BOMS = [
  [[0xef, 0xbb, 0xbf], "utf-8"],
  [[0xff, 0xfe], "utf-16le"],
  [[0xfe, 0xff], "utf-16be"],
];
const SNIFF_UNITS = 4;
const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i;

/** The encoding named by a leading byte-order mark, or null. */
export function bomEncoding(bytes) {
  for (const [bom, encoding] of BOMS) {
    if (bom.every((b, i) => bytes[i] === b)) return encoding;
  }
  return null;
}

function asciiUnits(head, zeroFirst) {
  for (let at = 0; at < head.length; at += 2) {
    const zero = zeroFirst ? head[at] : head[at + 1];
    const char = zeroFirst ? head[at + 1] : head[at];
    if (zero !== 0 || !(char > 0 && char < 0x80)) return false;
  }
  return true;
}

/** utf-16le / utf-16be for a BOM-less UTF-16 page, judged by the NUL bytes of its first code units. */
export function sniffedUtf16(bytes) {
  const head = bytes.subarray(0, 2 * SNIFF_UNITS);
  if (head.length < 2 * SNIFF_UNITS) return null;
  if (asciiUnits(head, false)) return "utf-16le";
  if (asciiUnits(head, true)) return "utf-16be";
  return null;
}

/** The <meta> charset as a TextDecoder encoding, or null when absent, unknown or UTF-16. */
export function declaredEncoding(bytes) {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 4096));
  const label = META_CHARSET.exec(head)?.[1];
  if (!label) return null;
  let encoding;
  try {
    encoding = new TextDecoder(label).encoding;
  } catch {
    return null;
  }
  return encoding.startsWith("utf-16") ? null : encoding;
}

/** The page's text: BOM, then the NUL-byte UTF-16 sniff, then <meta charset>, else UTF-8. */
export function decodePage(bytes) {
  const marked = bomEncoding(bytes);
  if (marked) return new TextDecoder(marked).decode(bytes); // TextDecoder drops the matching BOM
  const encoding = sniffedUtf16(bytes) ?? declaredEncoding(bytes) ?? "utf-8";
  return new TextDecoder(encoding).decode(bytes);
}

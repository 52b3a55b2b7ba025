// @vitest-environment jsdom
// Bytes → text of the saved pages the bench and the tests read (bench/decode_page.mjs), the same order
// as Python's mpcheck.extract.decode (tests/python/extract/test_decoding.py): a byte-order mark wins
// over every declaration, BOM-less UTF-16 is told by its NUL bytes, a <meta> naming UTF-16 is read as
// UTF-8 (WHATWG), then the <meta> charset, else UTF-8.
import { describe, expect, it } from "vitest";
import { declaredEncoding, sniffedUtf16 } from "../../../bench/decode_page.mjs";
import { decodePage, pageDocument } from "./helpers";

const TEXT = "Цена: 12 990 руб. — ёжик";
// The shape of Internet Explorer's «Save as Web page, HTML only, Unicode»: MSHTML tags, «charset=unicode».
const IE_PAGE =
  '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN">\r\n<HTML><HEAD>' +
  '<META content="text/html; charset=unicode" http-equiv=Content-Type></HEAD>' +
  `<BODY><H1>${TEXT}</H1></BODY></HTML>`;

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function utf16(text: string, bigEndian: boolean, bom: boolean): Uint8Array {
  const units = bom ? "\ufeff" + text : text;
  const bytes = new Uint8Array(units.length * 2);
  for (let i = 0; i < units.length; i++) {
    const unit = units.charCodeAt(i);
    bytes[2 * i + (bigEndian ? 0 : 1)] = unit >> 8;
    bytes[2 * i + (bigEndian ? 1 : 0)] = unit & 0xff;
  }
  return bytes;
}

function utf8(text: string, bom = false): Uint8Array {
  const body = new TextEncoder().encode(text);
  return bom ? new Uint8Array([...UTF8_BOM, ...body]) : body;
}

describe("decoding a saved page", () => {
  it("decodes a UTF-16LE page with its BOM", () => {
    expect(decodePage(utf16(IE_PAGE, false, true))).toBe(IE_PAGE);
  });

  it("decodes a UTF-16BE page with its BOM", () => {
    expect(decodePage(utf16(IE_PAGE, true, true))).toBe(IE_PAGE);
  });

  it("decodes a UTF-8 page with its BOM", () => {
    expect(decodePage(utf8(IE_PAGE, true))).toBe(IE_PAGE);
  });

  it("lets the BOM beat a contradicting <meta> charset", () => {
    const page = IE_PAGE.replace("charset=unicode", "charset=windows-1251");
    expect(decodePage(utf8(page, true))).toBe(page);
    expect(decodePage(utf16(page, false, true))).toBe(page);
  });

  it("tells BOM-less UTF-16 by its NUL bytes, not a page opening with text", () => {
    expect(decodePage(utf16(IE_PAGE, false, false))).toBe(IE_PAGE);
    expect(decodePage(utf16(IE_PAGE, true, false))).toBe(IE_PAGE);
    expect(sniffedUtf16(utf16("Цена <p>", false, false))).toBeNull();
  });

  it("reads a <meta> naming UTF-16 on ASCII-readable bytes as UTF-8, as WHATWG does", () => {
    expect(declaredEncoding(utf8(IE_PAGE))).toBeNull();
    expect(decodePage(utf8(IE_PAGE))).toBe(IE_PAGE);
    expect(declaredEncoding(utf8('<meta charset="windows-1251">'))).toBe("windows-1251");
    expect(declaredEncoding(utf8('<meta charset="bogus-42">'))).toBeNull();
  });

  it("parses the decoded UTF-16 page like any other", () => {
    const doc = pageDocument(decodePage(utf16(IE_PAGE, false, true)));
    expect(doc.querySelector("h1")?.textContent).toBe(TEXT);
  });
});

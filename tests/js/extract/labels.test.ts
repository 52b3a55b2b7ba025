// The shared label table is portable: every regex compiles in JS with the table's flags (iu) and
// avoids what behaves differently in JS and Python (checked by labels.schema.json as well).
import { describe, expect, it } from "vitest";
import labels from "../../../shared_rules/labels.json";

function regexes(node: unknown, path: string, out: Array<[string, string]>): Array<[string, string]> {
  if (Array.isArray(node)) node.forEach((n, i) => regexes(n, `${path}[${i}]`, out));
  else if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if ((key === "re" || key === "value_re" || key === "label_wrapper") && typeof value === "string") out.push([`${path}.${key}`, value]);
      else regexes(value, `${path}.${key}`, out);
    }
  }
  return out;
}

describe("labels.json in JS", () => {
  const all = regexes(labels, "labels", []);

  it("has the flags the extractor compiles with", () => {
    expect(labels.flags).toBe("iu");
    expect(all.length).toBeGreaterThan(100);
  });

  it.each(all)("%s compiles with iu", (_path, source) => {
    expect(() => new RegExp(source.replace("{label}", "x"), "iu")).not.toThrow();
    expect(source).not.toMatch(/\\[wWbBdD]|\(\?<[=!a-zA-Z]|\(\?P/);
  });
});

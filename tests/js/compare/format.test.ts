// The comparison's formatters with exact values (twin of tests/python/compare/test_format_and_mirror.py).
import { describe, expect, it } from "vitest";
import { fullStop, joinList, money, plural } from "../../../extension/src/compare/format";
import { COMPARISON_RULES as RULES } from "../../../extension/src/compare/rules";

const NBSP = "\u00a0";

describe("comparison formatters", () => {
  it.each([
    [0, "баллов", "points"], [1, "балл", "point"], [2, "балла", "points"], [4, "балла", "points"], [5, "баллов", "points"],
    [11, "баллов", "points"], [12, "баллов", "points"], [14, "баллов", "points"], [21, "балл", "points"], [22, "балла", "points"],
    [101, "балл", "points"], [111, "баллов", "points"],
  ])("%i: %s / %s", (count, ru, en) => {
    expect(plural(RULES, "points", count, "ru")).toBe(`${count}${NBSP}${ru}`);
    expect(plural(RULES, "points", count, "en")).toBe(`${count}${NBSP}${en}`);
  });
  it("money, lists and full stops", () => {
    expect(money(RULES, 1234567, "ru")).toBe(`1${NBSP}234${NBSP}567 руб.`);
    expect(money(RULES, 990, "en")).toBe(`990 RUB`);
    expect(money(RULES, 10000, "ru")).toBe(`10${NBSP}000 руб.`);
    expect(money(RULES, 7000, "en")).toBe(`7${NBSP}000 RUB`);
    expect(joinList(["a", "b", "c"], "ru")).toBe("a, b и c");
    expect(joinList(["a", "b"], "en")).toBe("a and b");
    expect(fullStop("на 5 090 руб.")).toBe("на 5 090 руб.");
    expect(fullStop("нет")).toBe("нет.");
  });
});

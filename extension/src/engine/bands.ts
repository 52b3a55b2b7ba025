// Band matching: `when` tests from the rule files, strictly typed (no truthiness, no coercion).
// Mirror of backend/mpcheck/engine/bands.py.
import { isNumber } from "./factsAccess";
import type { Band, When } from "./types";

const NUMERIC_TESTS: Readonly<Record<string, (value: number, target: number) => boolean>> = {
  lt: (v, t) => v < t,
  lte: (v, t) => v <= t,
  gt: (v, t) => v > t,
  gte: (v, t) => v >= t,
};

/** Equality that never mixes types: true !== 1, "1" !== 1. */
export function sameScalar(a: unknown, b: unknown): boolean {
  if (typeof a === "boolean" || typeof b === "boolean") {
    return typeof a === "boolean" && typeof b === "boolean" && a === b;
  }
  if (isNumber(a) && isNumber(b)) return a === b;
  // Otherwise only two strings (or two nulls) can be equal.
  return typeof a === typeof b && a === b;
}

// A rule's `when` objects are read on every call; their [test, target] lists are made once.
const TESTS = new WeakMap<When, readonly (readonly [string, unknown])[]>();

function testsOf(when: When): readonly (readonly [string, unknown])[] {
  let tests = TESTS.get(when);
  if (tests === undefined) {
    tests = Object.entries(when) as [string, unknown][];
    TESTS.set(when, tests);
  }
  return tests;
}

/** True when every test in `when` holds for value (a missing or empty `when` always matches). */
export function matches(when: When | undefined | null, value: unknown, profile: string): boolean {
  if (when === undefined || when === null) return true;
  // Tests run in file order (JSON object keys keep insertion order; none is numeric).
  const tests = testsOf(when);
  for (let i = 0; i < tests.length; i += 1) {
    const pair = tests[i] as readonly [string, unknown];
    const test = pair[0]; // not destructured: unoptimised, that runs the iterator protocol
    const target = pair[1];
    if (test === "eq") {
      if (!sameScalar(value, target)) return false;
    } else if (test === "in") {
      if (!asList(target, test).some((option) => sameScalar(value, option))) return false;
    } else if (test === "profile_in") {
      if (!asList(target, test).includes(profile)) return false;
    } else {
      const compare = Object.hasOwn(NUMERIC_TESTS, test) ? NUMERIC_TESTS[test] : undefined;
      if (compare === undefined) throw new Error(`unknown band test ${JSON.stringify(test)}`);
      if (!(isNumber(value) && isNumber(target) && compare(value, target))) return false;
    }
  }
  return true;
}

/** The first band whose `when` holds, in file order. */
export function firstMatching(bands: readonly Band[], value: unknown, profile: string): Band | null {
  for (let i = 0; i < bands.length; i += 1) {
    const band = bands[i] as Band;
    if (matches(band.when, value, profile)) return band;
  }
  return null;
}

function asList(target: unknown, test: string): unknown[] {
  if (!Array.isArray(target)) throw new Error(`band test ${test} needs a list`);
  return target;
}

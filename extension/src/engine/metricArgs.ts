// Checked access to a signal's free-form `args` (rule.schema.json types them as "object").
// Python reads them as `args["x"]` and fails with KeyError/TypeError on a broken rule file; these
// getters fail the same way, loudly, instead of computing with undefined.
import { isNumber, own } from "./factsAccess";
import type { MetricArgs } from "./types";

function required(args: MetricArgs, name: string): unknown {
  const value = own(args, name);
  if (value === undefined) throw new Error(`metric argument ${JSON.stringify(name)} is missing`);
  return value;
}

export function numArg(args: MetricArgs, name: string): number {
  const value = required(args, name);
  if (!isNumber(value)) throw new Error(`metric argument ${JSON.stringify(name)} must be a number`);
  return value;
}

export function strArg(args: MetricArgs, name: string): string {
  const value = required(args, name);
  if (typeof value !== "string") throw new Error(`metric argument ${JSON.stringify(name)} must be a string`);
  return value;
}

export function listArg(args: MetricArgs, name: string): readonly unknown[] {
  const value = required(args, name);
  if (!Array.isArray(value)) throw new Error(`metric argument ${JSON.stringify(name)} must be a list`);
  return value;
}

export function strListArg(args: MetricArgs, name: string): readonly string[] {
  const value = listArg(args, name);
  if (!value.every((item) => typeof item === "string")) {
    throw new Error(`metric argument ${JSON.stringify(name)} must be a list of strings`);
  }
  return value as readonly string[];
}

/** Python's `args.get(name, default)`; a JSON null is returned as null, like Python's None. */
export function optionalArg(args: MetricArgs, name: string): unknown {
  return own(args, name);
}

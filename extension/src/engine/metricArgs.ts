// Checked access to a signal's free-form `args` (rule.schema.json types them as "object").
// A broken rule file fails loudly here (both engines refuse to compute with a missing argument)
// instead of computing with undefined.
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

/** An optional argument: undefined when absent, null when the rule file says null. */
export function optionalArg(args: MetricArgs, name: string): unknown {
  return own(args, name);
}

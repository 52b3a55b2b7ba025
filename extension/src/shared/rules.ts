// The rules shipped inside this build. Kept behind one module so unit tests can substitute it.
import bundle from "mpcheck:rules-bundle";

export const RULES = bundle;
export type BundledRules = typeof bundle;

// The engine's door: facts are checked against shared_rules/facts.schema.json before anything is
// evaluated (SPEC §2, §3), as the Python engine does with the same file. Hand-written, because the
// extension's CSP forbids compiling validators with `new Function` (ajv); it reads exactly the
// JSON Schema keywords facts.schema.json uses, with their JSON Schema meaning (ECMA-262 patterns,
// length in code points, 1.0 is an integer, true is not a number), and fails loudly on any other.
import FACTS_SCHEMA from "../../../shared_rules/facts.schema.json";

type Schema = Readonly<Record<string, unknown>>;

/** Facts outside the schema; `field` is the dotted path of the first problem ("" = the root). */
export class FactsError extends Error {
  readonly field: string;
  constructor(message: string, field: string) {
    super(message);
    this.name = "FactsError";
    this.field = field;
  }
}

const IGNORED = new Set(["$schema", "$id", "$comment", "title", "description"]);
const CHECKED = new Set([
  "type", "enum", "const", "properties", "additionalProperties", "required", "items", "maxItems",
  "uniqueItems", "minimum", "maximum", "exclusiveMinimum", "maxLength", "pattern", "maxProperties", "$ref", "$defs",
]);
const PATTERNS = new Map<string, RegExp>();

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function typeMatches(value: unknown, type: string): boolean {
  switch (type) {
    case "null": return value === null;
    case "boolean": return typeof value === "boolean";
    case "string": return typeof value === "string";
    case "number": return typeof value === "number" && Number.isFinite(value);
    case "integer": return typeof value === "number" && Number.isInteger(value);
    case "array": return Array.isArray(value);
    case "object": return isObject(value);
    default: throw new Error(`facts schema: unknown type ${type}`);
  }
}

/** JSON equality for enum/const/uniqueItems: types never mix, 1 equals 1.0, objects by keys. */
function jsonEqual(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => jsonEqual(v, b[i]));
  }
  if (isObject(a) || isObject(b)) {
    if (!isObject(a) || !isObject(b)) return false;
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && jsonEqual(a[k], b[k]));
  }
  return a === b;
}

function pattern(source: string): RegExp {
  let compiled = PATTERNS.get(source);
  if (compiled === undefined) {
    compiled = new RegExp(source, "u");
    PATTERNS.set(source, compiled);
  }
  return compiled;
}

function resolve(schema: Schema, root: Schema): Schema {
  const ref = schema.$ref;
  if (typeof ref !== "string") return schema;
  const name = ref.startsWith("#/$defs/") ? ref.slice("#/$defs/".length) : null;
  const defs = root.$defs;
  const target = name !== null && isObject(defs) ? defs[name] : undefined;
  if (!isObject(target)) throw new Error(`facts schema: unresolved $ref ${ref}`);
  return target;
}

function fail(message: string, path: readonly string[]): never {
  throw new FactsError(message, path.join("."));
}

function checkScalar(value: unknown, schema: Schema, path: readonly string[]): void {
  const where = path.length > 0 ? path.join(".") : "facts";
  if (typeof value === "number") {
    if (typeof schema.minimum === "number" && value < schema.minimum) fail(`${where} must be >= ${schema.minimum}`, path);
    if (typeof schema.maximum === "number" && value > schema.maximum) fail(`${where} must be <= ${schema.maximum}`, path);
    if (typeof schema.exclusiveMinimum === "number" && value <= schema.exclusiveMinimum) {
      fail(`${where} must be > ${schema.exclusiveMinimum}`, path);
    }
  }
  if (typeof value === "string") {
    if (typeof schema.maxLength === "number" && [...value].length > schema.maxLength) {
      fail(`${where} must be at most ${schema.maxLength} characters`, path);
    }
    if (typeof schema.pattern === "string" && !pattern(schema.pattern).test(value)) {
      fail(`${where} must match pattern ${schema.pattern}`, path);
    }
  }
}

function checkArray(value: unknown[], schema: Schema, root: Schema, path: readonly string[]): void {
  const where = path.join(".");
  if (typeof schema.maxItems === "number" && value.length > schema.maxItems) {
    fail(`${where} must contain at most ${schema.maxItems} items`, path);
  }
  if (schema.uniqueItems === true && value.some((v, i) => value.slice(0, i).some((w) => jsonEqual(v, w)))) {
    fail(`${where} must contain unique items`, path);
  }
  if (isObject(schema.items)) value.forEach((item, i) => check(item, schema.items as Schema, root, [...path, String(i)]));
}

function checkObject(value: Record<string, unknown>, schema: Schema, root: Schema, path: readonly string[]): void {
  const where = path.length > 0 ? path.join(".") : "facts";
  const properties = isObject(schema.properties) ? schema.properties : {};
  const keys = Object.keys(value);
  if (typeof schema.maxProperties === "number" && keys.length > schema.maxProperties) {
    fail(`${where} must contain at most ${schema.maxProperties} properties`, path);
  }
  for (const name of Array.isArray(schema.required) ? schema.required : []) {
    if (typeof name === "string" && !Object.hasOwn(value, name)) fail(`${where} must contain ${name}`, path);
  }
  for (const [name, sub] of Object.entries(properties)) {
    if (Object.hasOwn(value, name) && isObject(sub)) check(value[name], sub, root, [...path, name]);
  }
  const extra = schema.additionalProperties;
  for (const name of keys.filter((k) => !Object.hasOwn(properties, k))) {
    // The field named is the object holding the extra key, as the Python validator names it.
    if (extra === false) fail(`${where} must not contain ${name}`, path);
    if (isObject(extra)) check(value[name], extra, root, [...path, name]);
  }
}

function check(value: unknown, raw: Schema, root: Schema, path: readonly string[]): void {
  const schema = resolve(raw, root);
  for (const keyword of Object.keys(schema)) {
    if (!IGNORED.has(keyword) && !CHECKED.has(keyword)) throw new Error(`facts schema: keyword ${keyword} is not supported`);
  }
  const where = path.length > 0 ? path.join(".") : "facts";
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    if (!types.some((t) => typeMatches(value, t))) fail(`${where} must be ${types.join(" or ")}`, path);
  }
  if (Array.isArray(schema.enum) && !schema.enum.some((option) => jsonEqual(value, option))) {
    fail(`${where} must be one of ${JSON.stringify(schema.enum)}`, path);
  }
  if (Object.hasOwn(schema, "const") && !jsonEqual(value, schema.const)) {
    fail(`${where} must be ${JSON.stringify(schema.const)}`, path);
  }
  checkScalar(value, schema, path);
  if (Array.isArray(value)) checkArray(value, schema, root, path);
  else if (isObject(value)) checkObject(value, schema, root, path);
}

/** Validate against a facts schema (the bundled facts.schema.json unless one is given). */
export function validateFacts(facts: unknown, schema: Schema = FACTS_SCHEMA as Schema): void {
  check(facts, schema, schema, []);
}

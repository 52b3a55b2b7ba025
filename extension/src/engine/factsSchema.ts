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

/**
 * One schema node read once: its keywords as typed fields, sub-schemas left raw (compiled when
 * first reached, so a broken part of the schema fails exactly when the facts reach it, as before).
 * Every facts object passes this door (the catalog scores 50 cards a pass); reading the schema's
 * keywords again on every value was a tenth of the engine's time.
 */
interface Node {
  types: readonly string[] | null;
  options: readonly unknown[] | null;
  hasConst: boolean;
  constant: unknown;
  minimum: number | null;
  maximum: number | null;
  exclusiveMinimum: number | null;
  maxLength: number | null;
  /** Compiled when a string first meets it (pattern()'s cache), as before. */
  pattern: string | null;
  maxItems: number | null;
  uniqueItems: boolean;
  items: Child | null;
  /** The `properties` object (own keys tell a declared property from an extra one). */
  properties: Schema;
  /** `properties` entries whose value is a schema, in schema order. */
  declared: readonly { name: string; child: Child }[];
  required: readonly unknown[];
  maxProperties: number | null;
  /** `additionalProperties` as written (false forbids extra keys) and, when a schema, its child. */
  additional: unknown;
  extra: Child | null;
}

/** A sub-schema: raw until a value first reaches it, then its node (of the same root). */
interface Child { raw: Schema; node: Node | null }

const childOf = (raw: Schema): Child => ({ raw, node: null });

function nodeOf(child: Child, root: Schema): Node {
  if (child.node === null) child.node = compile(child.raw, root);
  return child.node;
}

// Per root schema (a test may pass its own), per raw node: what resolve + compile made of it.
const COMPILED = new WeakMap<Schema, WeakMap<Schema, Node>>();

const numberOrNull = (value: unknown): number | null => (typeof value === "number" ? value : null);

function compile(raw: Schema, root: Schema): Node {
  let nodes = COMPILED.get(root);
  if (nodes === undefined) {
    nodes = new WeakMap();
    COMPILED.set(root, nodes);
  }
  let node = nodes.get(raw);
  if (node !== undefined) return node;
  const schema = resolve(raw, root);
  for (const keyword of Object.keys(schema)) {
    if (!IGNORED.has(keyword) && !CHECKED.has(keyword)) throw new Error(`facts schema: keyword ${keyword} is not supported`);
  }
  const properties = isObject(schema.properties) ? schema.properties : {};
  node = {
    types: schema.type === undefined ? null : Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string],
    options: Array.isArray(schema.enum) ? schema.enum : null,
    hasConst: Object.hasOwn(schema, "const"),
    constant: schema.const,
    minimum: numberOrNull(schema.minimum),
    maximum: numberOrNull(schema.maximum),
    exclusiveMinimum: numberOrNull(schema.exclusiveMinimum),
    maxLength: numberOrNull(schema.maxLength),
    pattern: typeof schema.pattern === "string" ? schema.pattern : null,
    maxItems: numberOrNull(schema.maxItems),
    uniqueItems: schema.uniqueItems === true,
    items: isObject(schema.items) ? childOf(schema.items) : null,
    properties,
    declared: Object.entries(properties).flatMap(([name, sub]) => (isObject(sub) ? [{ name, child: childOf(sub) }] : [])),
    required: Array.isArray(schema.required) ? schema.required : [],
    maxProperties: numberOrNull(schema.maxProperties),
    additional: schema.additionalProperties,
    extra: isObject(schema.additionalProperties) ? childOf(schema.additionalProperties) : null,
  };
  nodes.set(raw, node);
  return node;
}

function fail(message: string, path: readonly string[]): never {
  throw new FactsError(message, path.join("."));
}

/** How a message names the value: its dotted path, or "facts" for the root. */
function where(path: readonly string[]): string {
  return path.length > 0 ? path.join(".") : "facts";
}

/** Code points ([...value].length: a lone surrogate counts one), counted only past `limit` units. */
function longerThan(value: string, limit: number): boolean {
  if (value.length <= limit) return false; // never more code points than UTF-16 units
  let points = 0;
  for (let i = 0; i < value.length; i += 1) {
    const unit = value.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < value.length) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i += 1;
    }
    points += 1;
  }
  return points > limit;
}

function checkScalar(value: unknown, node: Node, path: readonly string[]): void {
  if (typeof value === "number") {
    if (node.minimum !== null && value < node.minimum) fail(`${where(path)} must be >= ${node.minimum}`, path);
    if (node.maximum !== null && value > node.maximum) fail(`${where(path)} must be <= ${node.maximum}`, path);
    if (node.exclusiveMinimum !== null && value <= node.exclusiveMinimum) {
      fail(`${where(path)} must be > ${node.exclusiveMinimum}`, path);
    }
  }
  if (typeof value === "string") {
    if (node.maxLength !== null && longerThan(value, node.maxLength)) {
      fail(`${where(path)} must be at most ${node.maxLength} characters`, path);
    }
    if (node.pattern !== null && !pattern(node.pattern).test(value)) {
      fail(`${where(path)} must match pattern ${node.pattern}`, path);
    }
  }
}

/** Whether two items are equal; holes are skipped, as Array.prototype.some skips them. */
function hasDuplicate(value: readonly unknown[]): boolean {
  for (let i = 1; i < value.length; i += 1) {
    if (!(i in value)) continue;
    for (let j = 0; j < i; j += 1) if (j in value && jsonEqual(value[i], value[j])) return true;
  }
  return false;
}

// `path` is one array pushed and popped on the way down (a failure joins it where it stands).
function checkArray(value: unknown[], node: Node, root: Schema, path: string[]): void {
  if (node.maxItems !== null && value.length > node.maxItems) {
    fail(`${path.join(".")} must contain at most ${node.maxItems} items`, path);
  }
  if (node.uniqueItems && hasDuplicate(value)) fail(`${path.join(".")} must contain unique items`, path);
  if (node.items === null) return;
  const items = nodeOf(node.items, root);
  for (let i = 0; i < value.length; i += 1) {
    if (!(i in value)) continue; // a hole, skipped as forEach skips it
    path.push(String(i));
    check(value[i], items, root, path);
    path.pop();
  }
}

function checkObject(value: Record<string, unknown>, node: Node, root: Schema, path: string[]): void {
  const keys = Object.keys(value);
  if (node.maxProperties !== null && keys.length > node.maxProperties) {
    fail(`${where(path)} must contain at most ${node.maxProperties} properties`, path);
  }
  for (let i = 0; i < node.required.length; i += 1) {
    const name = node.required[i];
    if (typeof name === "string" && !Object.hasOwn(value, name)) fail(`${where(path)} must contain ${name}`, path);
  }
  for (let i = 0; i < node.declared.length; i += 1) {
    const { name, child } = node.declared[i] as Node["declared"][number];
    if (!Object.hasOwn(value, name)) continue;
    path.push(name);
    check(value[name], nodeOf(child, root), root, path);
    path.pop();
  }
  for (let i = 0; i < keys.length; i += 1) {
    const name = keys[i] as string;
    if (Object.hasOwn(node.properties, name)) continue;
    // The field named is the object holding the extra key, as the Python validator names it.
    if (node.additional === false) fail(`${where(path)} must not contain ${name}`, path);
    if (node.extra !== null) {
      path.push(name);
      check(value[name], nodeOf(node.extra, root), root, path);
      path.pop();
    }
  }
}

/** Whether any of `list` passes `test` (a loop: no closure per value checked). */
function anyOf(list: readonly unknown[], value: unknown, test: (value: unknown, item: unknown) => boolean): boolean {
  for (let i = 0; i < list.length; i += 1) if (i in list && test(value, list[i])) return true;
  return false;
}

const hasType = (value: unknown, type: unknown): boolean => typeMatches(value, type as string);

function check(value: unknown, node: Node, root: Schema, path: string[]): void {
  const types = node.types;
  if (types !== null && !anyOf(types, value, hasType)) fail(`${where(path)} must be ${types.join(" or ")}`, path);
  if (node.options !== null && !anyOf(node.options, value, jsonEqual)) {
    fail(`${where(path)} must be one of ${JSON.stringify(node.options)}`, path);
  }
  if (node.hasConst && !jsonEqual(value, node.constant)) {
    fail(`${where(path)} must be ${JSON.stringify(node.constant)}`, path);
  }
  checkScalar(value, node, path);
  if (Array.isArray(value)) checkArray(value, node, root, path);
  else if (isObject(value)) checkObject(value, node, root, path);
}

/** Validate against a facts schema (the bundled facts.schema.json unless one is given). */
export function validateFacts(facts: unknown, schema: Schema = FACTS_SCHEMA as Schema): void {
  check(facts, compile(schema, schema), schema, []);
}

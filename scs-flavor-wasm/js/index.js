// The npm package `scs-flavor`: the public ESM entry point over the wasm-bindgen glue, as
// browsers and bundlers get it (node gets index.node.js, which loads the .wasm at import and
// re-exports this file). It loads the .wasm when asked (`init`, no top-level await, no `node:`
// module), turns the option objects into arguments and the core's error records into Error
// subclasses. Everything else — parsing, lookups, validation, messages, tables — happens in the
// core crate compiled to WebAssembly.
import { loader } from "./load.js";
import * as raw from "./scs_flavor_wasm.js";

let ready = false;

/** The core's tables export: `{tables: [{id, title, entries}], standard_flavors, fields}` (frozen; set once loaded). */
export let tables;

let memory;
function loaded(exports) {
  memory = exports.memory;
  ready = true;
  tables = deepFreeze(raw.tables());
}

// The flat form of `parse` and `check` (see src/flat.rs): numbers in this module's memory,
// decoded into the plain object of the core's `Serialize` — one call across the boundary, no
// field list here.
let f64 = new Float64Array(0);
let u8 = new Uint8Array(0);
const keys = [];
const utf8 = new TextDecoder();
let at = 0;
let text = "";
function decode(address) {
  if (f64.buffer !== memory.buffer) {
    f64 = new Float64Array(memory.buffer);
    u8 = new Uint8Array(memory.buffer);
  }
  at = address / 8;
  const end = at + 3 + f64[at];
  const textAt = f64[at + 1];
  text = f64[at + 2] === 0 ? "" : utf8.decode(u8.subarray(textAt, textAt + f64[at + 2]));
  at += 3;
  const result = value();
  if (at !== end) throw new Error("scs-flavor: malformed flat value");
  return result;
}
// Fetching a key allocates in the module, whose memory may grow: the views are then renewed.
function newKey(id) {
  keys[id] = raw.__flatKey(id);
  if (f64.buffer !== memory.buffer) {
    f64 = new Float64Array(memory.buffer);
    u8 = new Uint8Array(memory.buffer);
  }
  return keys[id];
}
function value() {
  switch (f64[at++]) {
    case 0:
      return null;
    case 1:
      return f64[at++];
    case 2:
      return false;
    case 3:
      return true;
    case 4: {
      const id = f64[at++];
      return keys[id] ?? newKey(id);
    }
    case 5:
      at += 2;
      return text.slice(f64[at - 2], f64[at - 1]);
    case 6: {
      const o = {};
      for (let n = f64[at++]; n > 0; n--) {
        const key = value();
        o[key] = value();
      }
      return o;
    }
    default: {
      const n = f64[at++];
      const a = new Array(n);
      for (let k = 0; k < n; k++) a[k] = value();
      return a;
    }
  }
}

// Loads the WebAssembly module (scs_flavor_wasm_bg.wasm): see load.js and the .d.ts.
const load = loader(raw, () => new URL("./scs_flavor_wasm_bg.wasm", import.meta.url), loaded);
export const init = load.init;
export const initSync = load.initSync;

function notLoaded() {
  throw new Error("scs-flavor: the WebAssembly module is not loaded yet: `await init()` first");
}

/** A name that is invalid or not an SCS flavor name; `name.slice(start, end)` is the bad part. */
export class FlavorNameError extends Error {
  constructor(message, { kind, start, end, input }) {
    super(message);
    this.name = "FlavorNameError";
    this.kind = kind;
    this.start = start;
    this.end = end;
    this.input = input;
  }
}

/**
 * A flavor object (or a value looked up in a table) that the core refuses; `field` is the path
 * of the property (`null` where none is named), `kind` the core's error code (`null` for a
 * malformed object).
 */
export class FlavorBuildError extends Error {
  constructor(message, { kind = null, field = null }) {
    super(message);
    this.name = "FlavorBuildError";
    this.kind = kind;
    this.field = field;
  }
}

// The wasm returns or throws the core's error record `{kind, message, start, end[, field]}`:
// a record with a `field` key is about a flavor object's property, any other about a name.
const isRecord = (e) => e !== null && typeof e === "object" && !(e instanceof Error) && typeof e.message === "string";
function toError(record, input) {
  if ("field" in record) return new FlavorBuildError(record.message, record);
  const { kind, start, end } = record;
  return new FlavorNameError(record.message, { kind, start, end, input });
}
function rethrow(e, input) {
  throw isRecord(e) ? toError(e, input) : e;
}

function nameFn(f) {
  return (name, options) => {
    if (typeof name !== "string") throw new TypeError("a flavor name must be a string");
    if (!ready) notLoaded();
    try {
      return f(name, options?.version);
    } catch (e) {
      rethrow(e, name);
    }
  };
}

function flavorFn(f) {
  return (flavor, ...args) => {
    if (flavor === null || typeof flavor !== "object") throw new TypeError("a flavor must be an object");
    if (!ready) notLoaded();
    try {
      return f(flavor, ...args);
    } catch (e) {
      rethrow(e);
    }
  };
}

/** Reads a name into a flavor object (the core's builder form); throws FlavorNameError. */
export function parse(name, options) {
  if (typeof name !== "string") throw new TypeError("a flavor name must be a string");
  if (!ready) notLoaded();
  const r = raw.parseFlat(name, options?.version);
  if (typeof r === "number") return decode(r);
  throw toError(r, name);
}
/** Checks a name like the CLI's `-o json`; never throws for any name. */
export const check = (name, options) => {
  if (typeof name !== "string") throw new TypeError("a flavor name must be a string");
  if (!ready) notLoaded();
  const r = raw.checkFlat(name, options?.version);
  return typeof r === "number" ? decode(r) : r;
};
/** The short name (v2/v3 syntax) of a valid name. */
export const shorten = nameFn(raw.shorten);
/** The canonical v1 form of a valid name. */
export const toV1 = nameFn(raw.toV1);
/** The canonical v2/v3 form of a valid name. */
export const canonical = nameFn(raw.canonical);
/** An English description of a valid name. */
export const describe = nameFn(raw.describe);
/** The components of a valid name with their spans and meanings. */
export const explain = nameFn(raw.explain);
/** The scs-0103 spec of a valid name (null beyond the disk bound). */
export const spec = nameFn(raw.spec);

const renderRaw = flavorFn(raw.render);
/** Builds a flavor object with the core and writes its name. */
export function render(flavor, options) {
  const syntax = options?.syntax ?? "v2";
  if (syntax !== "v1" && syntax !== "v2") throw new RangeError('syntax must be "v1" or "v2"');
  return renderRaw(flavor, syntax === "v1", Boolean(options?.short));
}

/** Builds a flavor object with the core; returns the flavor object it makes (defaults filled in). */
export const build = flavorFn(raw.build);

/** The row of the table `tableId` that `text` names by the core's lookup rule (code, name or alias). */
export function lookup(tableId, text) {
  if (typeof text !== "string") throw new TypeError("the text to look up must be a string");
  if (!ready) notLoaded();
  try {
    return raw.lookup(tableId, text);
  } catch (e) {
    rethrow(e);
  }
}

function deepFreeze(o) {
  for (const v of Object.values(o)) if (v !== null && typeof v === "object") deepFreeze(v);
  return Object.freeze(o);
}

// The npm package `scs-flavor`: the public ESM entry point over the wasm-bindgen glue.
// It loads the .wasm (with fs under node, with fetch in a browser), turns the option objects
// into arguments and the thrown error records into Error subclasses. Everything else —
// parsing, validation, messages, tables — happens in the core crate compiled to WebAssembly.
import * as raw from "./scs_flavor_wasm.js";

const wasmUrl = new URL("./scs_flavor_wasm_bg.wasm", import.meta.url);
let wasm;
if (wasmUrl.protocol === "file:") {
  const { readFile } = await import("node:fs/promises");
  wasm = raw.initSync({ module: await readFile(wasmUrl) });
} else {
  wasm = await raw.default({ module_or_path: wasmUrl });
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

/** A flavor object whose properties the builder refuses; `field` is the path of the property. */
export class FlavorBuildError extends Error {
  constructor(message, { kind, field }) {
    super(message);
    this.name = "FlavorBuildError";
    this.kind = kind;
    this.field = field;
  }
}

function nameError(record, input) {
  const { kind, start, end } = record;
  return new FlavorNameError(record.message, { kind, start, end, input });
}

function rethrow(e, input) {
  if (e !== null && typeof e === "object" && !(e instanceof Error)) {
    if (e.error === "name") throw nameError(e, input);
    if (e.error === "build") throw new FlavorBuildError(e.message, e);
  }
  throw e;
}

function nameFn(f) {
  return (name, options) => {
    if (typeof name !== "string") throw new TypeError("a flavor name must be a string");
    try {
      return f(name, options?.version);
    } catch (e) {
      rethrow(e, name);
    }
  };
}

// A flavor comes out of the wasm as numbers in a shared buffer (`Slots` in src/lib.rs), which
// `unpack` turns into the plain object, with codes from the core's tables.
const SLOTS = 22;
let slots = new Float64Array(0);
function slotView() {
  if (slots.length === 0) slots = new Float64Array(wasm.memory.buffer, raw.slotBuffer(), SLOTS);
  return slots; // detached (length 0) again after the memory grows
}

function unpack() {
  const s = slotView();
  const code = (table, i) => (i < 0 ? null : table[i].code);
  const gpuVendor = s[14] < 0 ? null : tables.gpu_vendors[s[15]];
  return {
    cpus: s[0],
    cpu_type: tables.cpu_types[s[1]].code,
    cpu_insecure: s[2] === 1,
    ram_gib: s[3],
    ram_no_ecc: s[4] === 1,
    ram_oversubscribed: s[5] === 1,
    disk: s[6] === 0 ? null : { count: s[6], size: s[7] || null, kind: code(tables.disk_types, s[8]) },
    hypervisor: code(tables.hypervisors, s[9]),
    hwv: s[10] === 1,
    cpu_brand:
      s[11] < 0 ? null : { vendor: tables.cpu_vendors[s[11]].code, generation: s[12], frequency: s[13] },
    gpu:
      gpuVendor === null
        ? null
        : {
            kind: tables.gpu_kinds[s[14]].code,
            vendor: gpuVendor.code,
            generation: code(gpuVendor.generations, s[16]),
            units: s[17] || null,
            unit_frequency: s[18],
            vram: s[19] || null,
            vram_bandwidth: s[20],
          },
    ib: s[21] === 1,
  };
}

/** Reads a name into a flavor object; throws FlavorNameError. */
export function parse(name, options) {
  if (typeof name !== "string") throw new TypeError("a flavor name must be a string");
  const error = raw.readFlavor(name, options?.version);
  if (error !== undefined) throw nameError(error, name);
  return unpack();
}
/** Checks a name like the CLI's `-o json`; never throws for any name. */
export const check = (name, options) => {
  if (typeof name !== "string") throw new TypeError("a flavor name must be a string");
  return raw.check(name, options?.version);
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

/** Validates a flavor object with the core's builder and writes its name. */
export function render(flavor, options) {
  const syntax = options?.syntax ?? "v2";
  if (syntax !== "v1" && syntax !== "v2") throw new RangeError('syntax must be "v1" or "v2"');
  try {
    return raw.render(flavor, syntax === "v1", Boolean(options?.short));
  } catch (e) {
    rethrow(e);
  }
}

/** Validates a flavor object with the core's builder; returns it with defaults filled in. */
export function build(flavor) {
  try {
    raw.build(flavor);
  } catch (e) {
    rethrow(e);
  }
  return unpack();
}

function deepFreeze(o) {
  for (const v of Object.values(o)) if (v !== null && typeof v === "object") deepFreeze(v);
  return Object.freeze(o);
}

/** The standard's value tables, for building forms. */
export const tables = deepFreeze(raw.tables());

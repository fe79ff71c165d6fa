// The entry `scs-flavor/audit` of the npm package: audit a cloud's flavor list offline, plan
// its fixes and select flavors for requirements, through the Rust crate scs-flavor-audit compiled to its own
// WebAssembly module (scs_flavor_audit_bg.wasm; the name functions of `scs-flavor` do not load
// it). This file only converts: reading, checks, messages and fixes come from the crate.
// Browsers and bundlers get this file and call `init()`; node gets audit.node.js, which loads
// the module at import and re-exports this file.
import { loader } from "./load.js";
import * as raw from "./scs_flavor_audit.js";

let ready = false;

/** The requirement keys that `select` understands, from the Rust crate (frozen; set once loaded). */
export let requirementKeys;

function loaded() {
  ready = true;
  requirementKeys = Object.freeze(raw.requirementKeys());
}

// Loads the WebAssembly module of the audit (scs_flavor_audit_bg.wasm): see load.js and the .d.ts.
const load = loader(raw, () => new URL("./scs_flavor_audit_bg.wasm", import.meta.url), loaded);
export const init = load.init;
export const initSync = load.initSync;

function notLoaded() {
  throw new Error("scs-flavor/audit: the WebAssembly module is not loaded yet: `await init()` first");
}

/**
 * A flavor list that cannot be read: `index` (from 0) and `flavor` name the entry and `field`
 * the field, where known (`null` otherwise); the message is the one of the Rust crate, and
 * `detail` its part after the entry and field.
 */
export class FlavorAuditError extends Error {
  constructor(message, { index = null, flavor = null, field = null, detail = message } = {}) {
    super(message);
    this.name = "FlavorAuditError";
    this.index = index;
    this.flavor = flavor;
    this.field = field;
    this.detail = detail;
  }
}

// The crate's record {index, name, field, message} with `text`, its whole message.
function rethrow(e) {
  if (e !== null && typeof e === "object" && !(e instanceof Error) && typeof e.text === "string") {
    throw new FlavorAuditError(e.text, { index: e.index, flavor: e.name, field: e.field, detail: e.message });
  }
  throw e;
}

/** The JSON text of a flavor list given as text or as its decoded value. */
function flavorListText(input) {
  if (typeof input === "string") return input;
  const text = input === undefined || typeof input === "function" ? undefined : JSON.stringify(input);
  if (text === undefined) {
    throw new TypeError("a flavor list must be JSON text or its decoded array or object");
  }
  return text;
}

/**
 * Audits a cloud's flavor list: `openstack flavor list --long -f json` output (or `openstack
 * flavor show -f json` objects, or the Nova API's `{"flavors": [...]}`), as JSON text or
 * decoded. Returns `{passed, tests, findings, fixes, text, fixScript}`.
 * @throws {FlavorAuditError} for input that cannot be read.
 */
export function audit(input) {
  if (!ready) notLoaded();
  const text = flavorListText(input);
  try {
    return raw.audit(text);
  } catch (e) {
    rethrow(e);
  }
}

/**
 * Plans the changes that make a cloud pass every scs-0100 and scs-0103 test case, from its
 * flavor list as `audit` reads it (IDs and `Is Public` are used where present): create missing
 * standard flavors (`recommended: true`: the recommended ones too), set and unset extra specs,
 * delete and re-create flavors whose size contradicts their name (`recreate: true`), delete
 * public flavors with an invalid `SCS-` name (`prune: true`; else they are `decide` changes).
 * Returns `{changes, text, openstackScript}`. Nothing is called: apply the plan with
 * `scs-flavor apply` or the `openstackScript`.
 * @throws {FlavorAuditError} for input that cannot be read (also a list without properties:
 * `openstack flavor list` without `--long`); {RangeError} for bad options.
 */
export function plan(input, options) {
  if (!ready) notLoaded();
  if (options !== undefined && options !== null && (typeof options !== "object" || Array.isArray(options))) {
    throw new TypeError("options must be a plain object, e.g. {prune: true}");
  }
  const text = flavorListText(input);
  try {
    return raw.plan(text, { recommended: false, recreate: false, prune: false, ...options });
  } catch (e) {
    rethrow(e);
  }
}

/** The requirements object as the crate reads it (absent: no requirement). */
function requirementsObject(requirements) {
  if (requirements === undefined || requirements === null) return {};
  if (typeof requirements !== "object" || Array.isArray(requirements)) {
    throw new TypeError("requirements must be a plain object, e.g. {cpus: 2, ram_gib: 8}");
  }
  return requirements;
}

/**
 * Selects the flavors that satisfy `requirements`, cheapest (least over-provisioned) first.
 * `namesOrFlavorList` is an array of names, or a flavor list as `audit` reads it (each flavor
 * judged by its SCS name or `scs:name-vN` extra spec, and rejected if it delivers less than the
 * name promises). Returns `{matches, rejected}`.
 * @throws {RangeError} for an unknown requirement or a bad value; {FlavorAuditError} for an
 * unreadable flavor list.
 */
export function select(namesOrFlavorList, requirements) {
  if (!ready) notLoaded();
  const need = requirementsObject(requirements);
  const names =
    Array.isArray(namesOrFlavorList) && namesOrFlavorList.every((n) => typeof n === "string");
  try {
    return names
      ? raw.selectNames(namesOrFlavorList, need)
      : raw.selectFlavors(flavorListText(namesOrFlavorList), need);
  } catch (e) {
    rethrow(e);
  }
}

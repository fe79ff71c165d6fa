// The fast bridge of `parse` and `check` (src/flat.rs, decoded by index.js) against the
// serde-wasm-bindgen objects of the raw exports `parse` and `check` (the core's `Serialize`
// through serde-wasm-bindgen): the same plain objects, keys in the same order, for every name of
// the shared vectors under every strategy, and for names that are not ASCII (which take the
// object path) and the odd values of the flat form (empty strings, long text, many warnings).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { check, parse } from "../pkg/index.node.js";
import * as raw from "../pkg/scs_flavor_wasm.js";

const vectorsUrl = new URL("../../../shared/vectors/reference-labels.jsonl", import.meta.url);
const names = readFileSync(vectorsUrl, "utf8")
  .split("\n")
  .filter((l) => l.trim() !== "")
  .map((l) => JSON.parse(l).name);
const STRATEGIES = ["v1", "v1/v2", "v2/v1", "v2", "v3"];
const odd = ["", "SCS-", "SCS-2V-4😀_kvm", "SCS-ü", "x".repeat(5000), `SCS-2V-4${"_kvm".repeat(300)}`, "SCS-0002V-04-0x0"];

// JSON.stringify keeps key order, so equal text means the same keys in the same order.
const same = (a, b, what) => assert.equal(JSON.stringify(a), JSON.stringify(b), what);

function parsed(name, version) {
  try {
    return { flavor: parse(name, { version }) };
  } catch (e) {
    return { error: [e.name, e.kind, e.message, e.start, e.end] };
  }
}

function parsedRaw(name, version) {
  const r = raw.parse(name, version);
  if (r.message === undefined) return { flavor: r };
  return { error: ["FlavorNameError", r.kind, r.message, r.start, r.end] };
}

test("check() is the raw check's object for every vector name and strategy", () => {
  let compared = 0;
  for (const version of STRATEGIES) {
    for (const name of [...names, ...odd]) {
      same(check(name, { version }), raw.check(name, version), `${version} ${name}`);
      compared++;
    }
  }
  assert.equal(compared, (names.length + odd.length) * STRATEGIES.length);
});

test("parse() is the raw parse's object (or error) for every vector name and strategy", () => {
  let valid = 0;
  for (const version of STRATEGIES) {
    for (const name of [...names, ...odd]) {
      const ours = parsed(name, version);
      same(ours, parsedRaw(name, version), `${version} ${name}`);
      if (ours.flavor) valid++;
    }
  }
  assert.ok(valid > 5_000, `${valid} valid pairs`);
});

test("decoded objects are fresh and plain", () => {
  const a = parse("SCS-16T-64-3x10s_bms_hwv_i3h_GNa-64_ib");
  const b = parse("SCS-16T-64-3x10s_bms_hwv_i3h_GNa-64_ib");
  assert.notEqual(a, b);
  assert.notEqual(a.disk, b.disk);
  a.disk.size = 99;
  assert.equal(b.disk.size, 10);
  assert.equal(Object.getPrototypeOf(a), Object.prototype);
  assert.ok(Array.isArray(check("SCS-04V-8-1x10").warnings));
});

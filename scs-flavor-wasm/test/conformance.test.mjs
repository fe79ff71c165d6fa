// The cross-language conformance suite: every line of <repo>/conformance/cases.jsonl (see its
// format in the core's docs) through the public JS API — `scs-flavor` and `scs-flavor/audit` —
// as the Rust tests and pytest run it. The expected object is a subset of the actual one
// (absent keys are not compared); arrays match element by element; numbers by value.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { check, parse, render, lookup, tables } from "../pkg/index.node.js";
import { audit, plan, select, FlavorAuditError } from "../pkg/audit.node.js";

const url = new URL("../../conformance/cases.jsonl", import.meta.url);
const lines = readFileSync(url, "utf8").split("\n").filter((l) => l.trim() !== "");

/** Whether `expected` is a subset of `actual` (see above); the path of the first mismatch otherwise. */
function mismatch(expected, actual, path = "$") {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return `${path}: length`;
    for (let i = 0; i < expected.length; i++) {
      const m = mismatch(expected[i], actual[i], `${path}[${i}]`);
      if (m) return m;
    }
    return null;
  }
  if (expected !== null && typeof expected === "object") {
    if (actual === null || typeof actual !== "object") return `${path}: not an object`;
    for (const [k, v] of Object.entries(expected)) {
      const m = mismatch(v, actual[k], `${path}.${k}`);
      if (m) return m;
    }
    return null;
  }
  return Object.is(expected, actual) || expected === actual ? null : `${path}: ${JSON.stringify(actual)}`;
}

/** An error as the cases expect it: its message and own fields (`kind`, `field`, `index` …). */
const errorRecord = (e) => ({ message: e.message, ...e });
const orError = (f) => {
  try {
    return f();
  } catch (e) {
    if (e instanceof TypeError || e instanceof ReferenceError) throw e;
    return { error: errorRecord(e) };
  }
};

const OPS = {
  check: (c) => check(c.name, { version: c.strategy ?? "v3" }),
  build: (c) => orError(() => ({ name: render(c.properties) })),
  properties: (c) => parse(c.name),
  lookup: (c) => orError(() => ({ code: lookup(c.table, c.text).code })),
  tables: () => tables,
  select: (c) => orError(() => select(c.names, c.requirements)),
  plan: (c) => {
    try {
      return plan(c.flavors, c.options);
    } catch (e) {
      if (!(e instanceof FlavorAuditError)) throw e;
      return { error: { index: e.index, name: e.flavor, field: e.field, message: e.detail } };
    }
  },
  audit: (c) => {
    try {
      return audit(c.flavors);
    } catch (e) {
      if (!(e instanceof FlavorAuditError)) throw e;
      return { error: { index: e.index, name: e.flavor, field: e.field, message: e.detail } };
    }
  },
};

test("the conformance file has cases", () => {
  assert.ok(lines.length > 0, `${url.pathname} is empty`);
});

test("every conformance case passes through the public JS API", () => {
  const failures = [];
  lines.forEach((line, i) => {
    const c = JSON.parse(line);
    const op = OPS[c.op];
    if (op === undefined) {
      failures.push(`line ${i + 1}: unknown op ${JSON.stringify(c.op)}`);
      return;
    }
    let actual;
    try {
      actual = op(c);
    } catch (e) {
      failures.push(`line ${i + 1} (${c.op}): threw ${e}`);
      return;
    }
    const m = mismatch(c.expect, actual);
    if (m) failures.push(`line ${i + 1} (${c.op}): ${m}`);
  });
  assert.deepEqual(failures.slice(0, 40), [], `${failures.length} of ${lines.length} cases fail`);
});

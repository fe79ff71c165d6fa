// The reference vectors: ~4,000 names labelled by the official SCS checker (flavor_names.py at
// standards commit 077174d9) under each of its five strategies, read from
// <repo>/../shared/vectors/reference-labels.jsonl (see its README). Through the npm package,
// every name and strategy must agree on the outcome, the canonical, short and v1 forms and the
// spec, but for the deliberate deviations D1–D3 of REFERENCE.md, which are counted and checked
// to be what they claim and pinned (as scs-flavor/tests/vectors.rs does for the core).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { check, parse, render, build } from "../pkg/index.node.js";

const vectorsUrl = new URL("../../../shared/vectors/reference-labels.jsonl", import.meta.url);
const rows = readFileSync(vectorsUrl, "utf8")
  .split("\n")
  .filter((l) => l.trim() !== "")
  .map((l) => JSON.parse(l));
const STRATEGIES = ["v1", "v1/v2", "v2/v1", "v2", "v3"];
// Valid (name, strategy) pairs of the shared file that are not D1: each must re-render.
const RENDERED_PINNED = 8_018;

// The deviations in the shared vector file (3,996 names × 5 strategies), as the core's
// tests/vectors.rs pins them; another vector file only prints its counts.
const PINNED = { d1: 461, d2: 138, d3: 122 };
const SHARED_FILE_CHECKS = 3_996 * 5;

/**
 * D1, read from our error's span: a number above the bound (`too-large`: the digits exceed
 * 4294967295, or the RAM exceeds 2147483647.5), or a RAM decimal that is not exactly a multiple
 * of 0.5 although its float is (`ram-not-half`, e.g. `4.0000000000000001`). Nothing else: a
 * wrongly refused `0.50`, `00.5`, `1.` or `3.0` is not D1.
 */
function isD1(name, error) {
  const text = name.slice(error.start, error.end);
  if (error.kind === "too-large") {
    if (!/^[0-9.]+$/.test(text)) return false;
    const int = BigInt(text.split(".")[0] || "0");
    return text.includes(".") || error.message.startsWith("RAM") ? int > 2147483647n : int > 4294967295n;
  }
  if (error.kind !== "ram-not-half" || !text.includes(".")) return false;
  const frac = text.split(".")[1].replace(/0+$/, "");
  const exactHalf = frac === "" || frac === "5";
  return !exactHalf && Number.isInteger(Number.parseFloat(text) * 2);
}

/**
 * D2, read from the checker's message under the strategy that reads only the name's syntax
 * (`v1` or `v2`): its GPU generation swallowed the `_ib` (v1: `-ib`) after it.
 */
function isD2(row, name) {
  const syntax = check(name, { version: "v1" }).status === "valid" ? "v1" : "v2";
  const m = /^gen can not be set to '([^']*)'/.exec(row[syntax].error ?? "");
  return m !== null && (m[1].endsWith("_ib") || m[1].endsWith("-ib"));
}

const D2_WARNING = "rejected-by-official-checker";
const total = { checked: 0, d1: 0, d2: 0, d3: 0 };

test("the vector file is complete", () => {
  assert.ok(rows.length * STRATEGIES.length > 15_000, "the vector file looks truncated");
});

for (const strategy of STRATEGIES) {
  test(`agrees with the official checker, strategy ${strategy}`, () => {
    const failures = [];
    for (const row of rows) {
      const { name } = row;
      const label = row[strategy];
      const ours = check(name, { version: strategy });
      total.checked++;
      const fail = (what) => failures.push(`${JSON.stringify(name)}: ${what}`);
      if (label.ok) {
        if (ours.status === "invalid" && isD1(name, ours.error)) {
          total.d1++;
          continue;
        }
        if (ours.status !== "valid") {
          fail(`checker: valid; we: ${ours.status} ${ours.error?.message ?? ""}`);
          continue;
        }
        if (ours.warnings.some((w) => w.kind === D2_WARNING)) fail("D2 warning on a name the checker accepts");
        if (ours.tolerated !== label.tolerated) fail(`tolerated ${ours.tolerated} vs ${label.tolerated}`);
        for (const [key, mine] of [["canonical", ours.name], ["short", ours.short], ["v1", ours.v1]]) {
          if (mine !== label[key]) fail(`${key} ${mine} vs ${label[key]}`);
        }
        if (label.extra_specs === null) {
          if (ours.spec === undefined) total.d3++;
          else fail("we derived a spec for an unbounded one");
        } else if (ours.spec === undefined) {
          fail("we refused the spec");
        } else {
          try {
            assert.deepStrictEqual(ours.spec, label.extra_specs);
          } catch {
            fail(`spec ${JSON.stringify(ours.spec)} vs ${JSON.stringify(label.extra_specs)}`);
          }
        }
      } else if (label.not_scs) {
        if (ours.status !== "not-scs") fail(`checker: not SCS; we: ${ours.status}`);
      } else if (ours.status === "valid" && ours.warnings.some((w) => w.kind === D2_WARNING) && isD2(row, name)) {
        total.d2++;
      } else if (ours.status !== "invalid") {
        fail(`checker: ${label.error}; we: ${ours.status}`);
      }
    }
    assert.deepEqual(failures.slice(0, 40), [], `${failures.length} disagreements`);
  });
}

test("the deviations are exactly the pinned ones", () => {
  assert.equal(total.checked, rows.length * STRATEGIES.length);
  if (total.checked === SHARED_FILE_CHECKS) assert.deepEqual({ ...total, checked: undefined }, { ...PINNED, checked: undefined });
  else console.log("deviations:", total);
});

test("every valid name, under every strategy, re-renders: render(parse(x)) is the canonical name", () => {
  let rendered = 0;
  let valid = 0;
  let d1 = 0;
  for (const row of rows) {
    for (const version of STRATEGIES) {
      const label = row[version];
      if (!label.ok) continue;
      valid++;
      let flavor;
      try {
        flavor = parse(row.name, { version });
      } catch (e) {
        assert.ok(isD1(row.name, e), `${version} ${row.name}: ${e.message}`);
        d1++;
        continue;
      }
      assert.equal(render(flavor), label.canonical, `${version} ${row.name}`);
      assert.equal(render(flavor, { short: true }), label.short, `${version} ${row.name}`);
      assert.equal(render(flavor, { syntax: "v1" }), label.v1, `${version} ${row.name}`);
      assert.deepStrictEqual(build(flavor), flavor, `${version} ${row.name}`);
      rendered++;
    }
  }
  assert.equal(rendered, valid - d1);
  if (rows.length * STRATEGIES.length === SHARED_FILE_CHECKS) {
    assert.equal(d1, PINNED.d1);
    assert.equal(rendered, RENDERED_PINNED);
  }
});

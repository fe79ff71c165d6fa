// The reference vectors: ~4,000 names labelled by the official SCS checker (flavor_names.py at
// standards commit 077174d9) under each of its five strategies, read from
// <repo>/../shared/vectors/reference-labels.jsonl (see its README). Through the npm package,
// every name and strategy must agree on the outcome, the canonical, short and v1 forms and the
// spec, but for the deliberate deviations D1–D3 of REFERENCE.md, which are counted and checked
// to be what they claim (as scs-flavor/tests/vectors.rs does for the core).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { check, parse, render, FlavorBuildError } from "../pkg/index.js";

const vectorsUrl = new URL("../../../shared/vectors/reference-labels.jsonl", import.meta.url);
const rows = readFileSync(vectorsUrl, "utf8")
  .split("\n")
  .filter((l) => l.trim() !== "")
  .map((l) => JSON.parse(l));
const STRATEGIES = ["v1", "v1/v2", "v2/v1", "v2", "v3"];

/** D1: a number this library bounds, or a RAM decimal the checker accepts only because its float rounds to a half. */
function isD1(name, error) {
  if (error.kind === "too-large") return true;
  if (error.kind !== "ram-not-half") return false;
  const body = name.slice(4);
  const sep = body.search(/[-:]/);
  const ram = body.slice(sep + 1).match(/^[0-9.]*/)[0];
  const x = Number.parseFloat(ram);
  return Number.isFinite(x) && Number.isInteger(x * 2);
}

test("the vector file is complete", () => {
  assert.ok(rows.length * STRATEGIES.length > 15_000, "the vector file looks truncated");
});

for (const strategy of STRATEGIES) {
  test(`agrees with the official checker, strategy ${strategy}`, () => {
    const failures = [];
    const count = { checked: 0, d1: 0, d2: 0, d3: 0 };
    for (const row of rows) {
      const { name } = row;
      const label = row[strategy];
      const ours = check(name, { version: strategy });
      count.checked++;
      const fail = (what) => failures.push(`${JSON.stringify(name)}: ${what}`);
      if (label.ok) {
        if (ours.status === "invalid" && isD1(name, ours.error)) {
          count.d1++;
          continue;
        }
        if (ours.status !== "valid") {
          fail(`checker: valid; we: ${ours.status} ${ours.error?.message ?? ""}`);
          continue;
        }
        if (ours.tolerated !== label.tolerated) fail(`tolerated ${ours.tolerated} vs ${label.tolerated}`);
        for (const [key, mine] of [["canonical", ours.name], ["short", ours.short], ["v1", ours.v1]]) {
          if (mine !== label[key]) fail(`${key} ${mine} vs ${label[key]}`);
        }
        if (label.extra_specs === null) {
          if (ours.spec === undefined) count.d3++;
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
      } else if (ours.status === "valid" && ours.warnings.some((w) => w.kind === "rejected-by-official-checker")) {
        count.d2++;
      } else if (ours.status !== "invalid") {
        fail(`checker: ${label.error}; we: ${ours.status}`);
      }
    }
    assert.equal(count.checked, rows.length);
    assert.deepEqual(failures.slice(0, 40), [], `${failures.length} disagreements`);
    // Deviations are rare: they must not hide a systematic disagreement.
    assert.ok(count.d1 + count.d2 + count.d3 < rows.length / 20, JSON.stringify(count));
  });
}

test("parse, then render, gives the canonical name, or the builder says why it cannot", () => {
  const refusals = new Map();
  let rendered = 0;
  for (const row of rows) {
    const label = row.v3;
    if (!label.ok) continue;
    let flavor;
    try {
      flavor = parse(row.name);
    } catch (e) {
      // D1 names only.
      assert.ok(["too-large", "ram-not-half"].includes(e.kind), `${row.name}: ${e.message}`);
      continue;
    }
    try {
      assert.equal(render(flavor), label.canonical, row.name);
      assert.equal(render(flavor, { short: true }), label.short, row.name);
      assert.equal(render(flavor, { syntax: "v1" }), label.v1, row.name);
      rendered++;
    } catch (e) {
      if (!(e instanceof FlavorBuildError)) throw e;
      // What the builder refuses is what the standard does not describe for the GPU.
      assert.ok(
        ["vram-without-units", "frequency-without-units", "bandwidth-without-vram"].includes(e.kind),
        `${row.name}: ${e.message}`,
      );
      refusals.set(e.kind, (refusals.get(e.kind) ?? 0) + 1);
    }
  }
  assert.ok(rendered > 1000, `only ${rendered} rendered`);
});

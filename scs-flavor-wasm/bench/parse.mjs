// Benchmark (not a test): time per name of `parse` (and `check`, `render`) over the shared reference
// vectors, through the npm package in node, against its limit measured in the same run: a no-op
// wasm-bindgen call that takes the name as a string (`__noop`, the module's one bench export).
// Run after ./build.sh: `node bench/parse.mjs` (or `SCS_FLAVOR_PKG=DIR` for another build).
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { cpus, loadavg } from "node:os";
import { pathToFileURL } from "node:url";

const pkg = process.env.SCS_FLAVOR_PKG ? pathToFileURL(`${process.env.SCS_FLAVOR_PKG}/`) : new URL("../pkg/", import.meta.url);
const { parse, check, render, FlavorNameError } = await import(new URL("index.node.js", pkg));
const raw = await import(new URL("scs_flavor_wasm.js", pkg));

const url = new URL("../../../shared/vectors/reference-labels.jsonl", import.meta.url);
const names = readFileSync(url, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l).name);
const valid = names.filter((n) => check(n).status === "valid");

function parseAll(list) {
  let ok = 0;
  for (const n of list) {
    try {
      parse(n);
      ok++;
    } catch {
      // invalid or not SCS: FlavorNameError
    }
  }
  return ok;
}

function checkAll(list) {
  let ok = 0;
  for (const n of list) if (check(n).status === "valid") ok++;
  return ok;
}

const results = {};
function bench(label, f, list) {
  for (let i = 0; i < 30; i++) f(list); // warm up (the JIT needs a while)
  const rounds = 50;
  const wall = [];
  const cpu = [];
  for (let r = 0; r < rounds; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    f(list);
    wall.push(((performance.now() - t0) * 1000) / list.length);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / list.length);
  }
  const med = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];
  const best = Math.min(...wall);
  results[label] = best;
  const limit = results[LIMIT];
  const times = limit && label !== LIMIT ? ` · ${(best / limit).toFixed(1)}× the limit` : "";
  console.log(
    `${label.padEnd(46)} ${String(list.length).padStart(5)} names  ` +
      `wall median ${med(wall).toFixed(3)} best ${best.toFixed(3)} · CPU median ${med(cpu).toFixed(3)} µs/name${times}`,
  );
}
const LIMIT = "limit: no-op wasm-bindgen call taking the name";

console.log(`node ${process.version}, ${cpus().length} CPUs, load average ${loadavg().map((x) => x.toFixed(1)).join(" ")}`);
console.log(`${names.length} names (${valid.length} valid under v3); µs per name over 50 rounds (CPU time is less disturbed by other load)`);
if (raw.__noop) bench(LIMIT, (list) => list.forEach((n) => raw.__noop(n)), names);
bench("parse, all vector names (throws on invalid)", parseAll, names);
bench("parse, valid names only", parseAll, valid);
bench("parse, invalid and not-SCS names only", parseAll, names.filter((n) => !valid.includes(n)));
bench("check, all vector names", checkAll, names);
{
  const flavors = valid.map((n) => parse(n));
  bench("render(flavor object), valid names", (list) => list.forEach((f) => render(f)), flavors);
}
{
  // What a thrown FlavorNameError costs by itself in V8 (stack capture, throw, catch).
  const errorOnly = (list) => {
    for (const n of list) {
      try {
        throw new FlavorNameError("x", { kind: "unexpected", start: 0, end: 1, input: n });
      } catch {
        // measured
      }
    }
  };
  bench("(new + throw + catch a FlavorNameError alone)", errorOnly, names);
}

// The JS API of the npm package: flavor objects, errors with spans, builder refusals, tables, lookup.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, existsSync } from "node:fs";
import * as scs from "../pkg/index.node.js";
import {
  parse, check, render, build, shorten, toV1, canonical, describe, explain, spec, tables, lookup,
  FlavorNameError, FlavorBuildError,
} from "../pkg/index.node.js";

const FULL = "SCS-16T-64-3x10s_bms_hwv_i3h_GNa-64_ib";

test("parse returns a plain flavor object", () => {
  assert.deepStrictEqual(parse(FULL), {
    cpus: 16, cpu_type: "T", cpu_insecure: false,
    ram_gib: 64, ram_no_ecc: false, ram_oversubscribed: false,
    disk: { count: 3, size: 10, kind: "s" },
    hypervisor: "bms", hwv: true,
    cpu_brand: { vendor: "i", generation: 3, frequency: 1 },
    gpu: { kind: "G", vendor: "N", generation: "a", units: 64, unit_frequency: 0, vram: null, vram_bandwidth: 0 },
    ib: true,
  });
  assert.deepStrictEqual(parse("SCS-2V-3.5"), {
    cpus: 2, cpu_type: "V", cpu_insecure: false, ram_gib: 3.5, ram_no_ecc: false,
    ram_oversubscribed: false, disk: null, hypervisor: null, hwv: false, cpu_brand: null,
    gpu: null, ib: false,
  });
  assert.equal(Object.getPrototypeOf(parse("SCS-2V-4")), Object.prototype);
  assert.equal(parse("SCS-2V:4:20s", { version: "v1" }).disk.kind, "s");
  assert.equal(parse("SCS-2V:4:20s", { version: "v2/v1" }).cpus, 2);
});

test("parse throws FlavorNameError with kind and span", () => {
  const cases = [
    ["SCS-2V-4_hwv_kvm", "out-of-order", 12, 16],
    ["SCS-2V-4_i7", "cpu-generation", 9, 11],
    ["SCS-2V-3.25", "ram-not-half", 7, 11],
    ["SCS-0V-4", "zero", 4, 5],
    ["m1.large", "not-scs", 0, 0],
  ];
  for (const [name, kind, start, end] of cases) {
    assert.throws(() => parse(name), (e) => {
      assert.ok(e instanceof FlavorNameError, name);
      assert.ok(e instanceof Error);
      assert.equal(e.name, "FlavorNameError");
      assert.equal(e.kind, kind, name);
      assert.deepEqual([e.start, e.end], [start, end], `${name}: ${e.message}`);
      assert.equal(e.input, name);
      assert.match(e.stack, /FlavorNameError/);
      return true;
    });
  }
  assert.throws(() => parse("SCS-2V-4_i7"), {
    message: "CPU generation 7 is not defined for Intel (expected 0-6 or none)",
  });
  assert.throws(() => parse("SCS-2V:4"), { kind: "wrong-syntax" });
  assert.throws(() => parse("SCS-2V-4", { version: "v1" }), { kind: "wrong-syntax" });
});

test("error spans are string indices, also after non-ASCII characters", () => {
  for (const name of ["SCS-2V-4ü_kvm", "SCS-2V-4😀", "SCS-2V-4_kvm_€"]) {
    const r = check(name);
    assert.equal(r.status, "invalid");
    assert.ok(r.error.start < r.error.end, JSON.stringify(r));
    assert.ok(r.error.end <= name.length, JSON.stringify(r));
    assert.throws(() => parse(name), (e) => e.start === r.error.start && e.end === r.error.end);
  }
  const r = check("SCS-2V-4😀");
  assert.equal("SCS-2V-4😀".slice(r.error.start, r.error.end), "😀");
});

test("check returns the CLI's JSON line and never throws for any name", () => {
  assert.deepStrictEqual(check("SCS-2V-4"), {
    input: "SCS-2V-4", status: "valid", tolerated: false, name: "SCS-2V-4", short: "SCS-2V-4",
    v1: "SCS-2V:4",
    spec: { cpus: 2, "scs:cpu-type": "shared-core", ram: 4, "scs:name-v1": "SCS-2V:4", "scs:name-v2": "SCS-2V-4" },
    description: "2 vCPUs, 4 GiB ECC RAM, no root disk (boot from a volume)",
    warnings: [],
  });
  assert.deepStrictEqual(check("m1.large"), { input: "m1.large", status: "not-scs" });
  const bad = check("SCS-2V-4_i7");
  assert.equal(bad.status, "invalid");
  assert.deepStrictEqual(Object.keys(bad.error), ["kind", "message", "start", "end"]);
  const tol = check("SCS-2V:4:20s", { version: "v2/v1" });
  assert.equal(tol.tolerated, true);
  assert.ok(tol.warnings.some((w) => w.kind === "tolerated"));
  assert.equal(check("SCS-04V-8-1x10").warnings[0].message, "not in canonical form: write `SCS-4V-8-10`");
  // Nothing a user types makes it throw.
  let seed = 42;
  const rand = (n) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
  const alphabet = "SCS-_:.0123456789LVTCiuoxnhsp kvmxenbwychyizargGNAI€😀\u0000";
  const chars = [...alphabet];
  for (let i = 0; i < 3000; i++) {
    let name = i % 2 ? "SCS-" : "";
    const len = rand(30);
    for (let j = 0; j < len; j++) name += chars[rand(chars.length)];
    const r = check(name);
    assert.ok(["valid", "invalid", "not-scs"].includes(r.status));
  }
  for (const huge of ["SCS-2V-4-99999999x10", `SCS-${"9".repeat(100)}V-4`, `SCS-2V-4${"_kvm".repeat(10000)}`]) {
    assert.ok(["valid", "invalid"].includes(check(huge).status));
  }
  assert.throws(() => check("SCS-2V-4", { version: "v4" }), RangeError);
  assert.throws(() => check(42), TypeError);
});

test("the other readers: shorten, toV1, canonical, describe, explain, spec", () => {
  assert.equal(shorten(FULL), "SCS-16T-64-3x10s_GNa-64_ib");
  assert.equal(shorten("SCS-2V-4_a1h"), "SCS-2V-4_a");
  assert.equal(toV1(FULL), "SCS-16T:64:3x10s-bms-hwv-i3h-GNa:64-ib");
  assert.equal(canonical("SCS-04V-8-1x10"), "SCS-4V-8-10");
  assert.equal(canonical("SCS-2V:4:20s", { version: "v1" }), "SCS-2V-4-20s");
  assert.equal(
    describe(FULL),
    "16 dedicated SMT threads (Intel Ice Lake, high frequency), 64 GiB ECC RAM, 3 × 10 GB local SSD, " +
      "bare metal with nested virtualisation, Nvidia Ampere pass-through GPU with 64 SMs, Infiniband",
  );
  const parts = explain("SCS-2V-4-20s_i3");
  assert.deepStrictEqual(parts.map((p) => [p.component, p.start, p.end, p.text]), [
    ["prefix", 0, 4, "SCS-"],
    ["cpu-ram", 4, 8, "2V-4"],
    ["disk", 8, 12, "-20s"],
    ["cpu-brand", 12, 15, "_i3"],
  ]);
  assert.equal(parts[3].meaning, "Intel Ice Lake");
  assert.equal(parts[2].label, "the disk");
  const s = spec("SCS-2V-4-20s");
  assert.deepStrictEqual(Object.entries(s), [
    ["cpus", 2], ["scs:cpu-type", "shared-core"], ["ram", 4], ["disk", 20],
    ["scs:disk0-type", "ssd"], ["scs:name-v1", "SCS-2V:4:20s"], ["scs:name-v2", "SCS-2V-4-20s"],
  ]);
  assert.equal(spec("SCS-2V-4-3x")["disk"], null);
  assert.equal(spec("SCS-2V-4-99999999x10"), null);
  for (const f of [shorten, toV1, canonical, describe, explain, spec]) {
    assert.throws(() => f("SCS-2V-4_i7"), FlavorNameError);
  }
});

test("render and build validate through the core's builder", () => {
  assert.equal(render({ cpus: 4, cpu_type: "V", ram_gib: 16, disk: { size: 100, kind: "s" } }), "SCS-4V-16-100s");
  assert.equal(render(parse(FULL), { short: true, syntax: "v1" }), "SCS-16T:64:3x10s-GNa:64-ib");
  assert.equal(build({ cpus: 1, cpu_type: "L", ram_gib: 0.5 }).disk, null);
  assert.deepStrictEqual(build(parse(FULL)), parse(FULL));
  // Every value a name can express builds (issue 9): a GPU frequency without units, VRAM after h.
  for (const name of ["SCS-2V-4_GNah", "SCS-2V-4_GNh", "SCS-2V-4_GNah-24"]) {
    assert.equal(render(parse(name)), name);
  }
  assert.equal(render({ cpus: 2, cpu_type: "V", ram_gib: 4, gpu: { kind: "G", vendor: "N", unit_frequency: 1 } }), "SCS-2V-4_GNh");
  // Values given as text go through the core's lookup rule: code, name or alias.
  const spelled = {
    cpus: 2, cpu_type: "shared core", ram_gib: 4, disk: { size: 10, kind: "SSD" }, hypervisor: "bare metal",
    gpu: { kind: "vgpu", vendor: "nvidia", generation: "Ampere", units: 4 },
  };
  assert.equal(render(spelled), "SCS-2V-4-10s_bms_gNa-4");
  assert.equal(render({ cpus: 2, cpu_type: "V", ram_gib: 4, hypervisor: "Bare-Metal" }), "SCS-2V-4_bms");
  const refusals = [
    [{ cpus: 0, cpu_type: "V", ram_gib: 4 }, "cpus", "zero"],
    [{ cpus: 2, cpu_type: "V", ram_gib: 3.25 }, "ram_gib", "ram-not-half"],
    [{ cpus: 2, cpu_type: "V", ram_gib: 0 }, "ram_gib", "zero"],
    [{ cpus: 2, cpu_type: "V", ram_gib: Number.NaN }, "ram_gib", "not-whole"],
    [{ cpus: 2, cpu_type: "V", ram_gib: 4, disk: { count: 0 } }, "disk.count", "zero"],
    [{ cpus: 2, cpu_type: "V", ram_gib: 4, disk: { size: 0 } }, "disk.size", "zero"],
    [{ cpus: 2, cpu_type: "V", ram_gib: 4, cpu_brand: { vendor: "i", generation: 7 } }, "cpu_brand.generation", "cpu-generation"],
    [{ cpus: 2, cpu_type: "V", ram_gib: 4, cpu_brand: { vendor: "r", generation: 1 } }, "cpu_brand.generation", "cpu-generation"],
    [{ cpus: 2, cpu_type: "V", ram_gib: 4, cpu_brand: { vendor: "z", frequency: 4 } }, "cpu_brand.frequency", "cpu-frequency"],
    [{ cpus: 2, cpu_type: "V", ram_gib: 4, gpu: { kind: "G", vendor: "N", vram: 24 } }, "gpu.vram", "vram-without-units"],
    [{ cpus: 2, cpu_type: "V", ram_gib: 4, gpu: { kind: "G", vendor: "N", units: 8, unit_frequency: 3 } }, "gpu.unit_frequency", "gpu-frequency"],
    [{ cpus: 2, cpu_type: "V", ram_gib: 4, gpu: { kind: "G", vendor: "N", units: 8, vram_bandwidth: 1 } }, "gpu.vram_bandwidth", "bandwidth-without-vram"],
  ];
  for (const [flavor, field, kind] of refusals) {
    assert.throws(() => render(flavor), (e) => {
      assert.ok(e instanceof FlavorBuildError, JSON.stringify(flavor));
      assert.deepEqual([e.field, e.kind], [field, kind], e.message);
      assert.ok(e.message.startsWith(`${field}: `), e.message);
      return true;
    });
    assert.throws(() => build(flavor), FlavorBuildError);
  }
  // Objects the core refuses while reading them (bad numbers, unknown values and keys): its
  // error, with kind and field.
  const malformed = [
    [{ cpus: -1, cpu_type: "V", ram_gib: 4 }, "cpus", "not-whole", "cpus: vCPU count must be a whole number from 1 to 4294967295"],
    [{ cpus: 2.5, cpu_type: "V", ram_gib: 4 }, "cpus", "not-whole", "cpus: vCPU count must be a whole number from 1 to 4294967295"],
    [{ cpus: 2, cpu_type: "X", ram_gib: 4 }, "cpu_type", "unknown-value", /^cpu_type: unknown CPU type: expected one of L, V, T, C/],
    [{ cpus: 2, cpu_type: "V", ram_gib: 4, hypervisor: "qemu" }, "hypervisor", "unknown-value", /^hypervisor: unknown hypervisor: expected one of kvm, /],
    [{ cpus: 2, cpu_type: "V", ram_gib: 4, gpu: { kind: "G", vendor: "N", generation: "x" } }, "gpu.generation", "unknown-value", /^gpu\.generation: unknown Nvidia GPU generation/],
    [{ cpus: 2, cpu_type: "V", ram_gib: 4, cores: 2 }, null, "unknown-field", "unknown property `cores`: expected one of `cpus`, `cpu_type`, `cpu_insecure`, `ram_gib`, `ram_no_ecc`, `ram_oversubscribed`, `disk`, `hypervisor`, `hwv`, `cpu_brand`, `gpu`, `ib`"],
    [{ cpus: 2, cpu_type: "V", ram_gib: 4, gpu: { kind: "G", vendor: "N", unit: 2 } }, "gpu", "unknown-field", "gpu: unknown property `unit`: expected one of `kind`, `vendor`, `generation`, `units`, `unit_frequency`, `vram`, `vram_bandwidth`"],
    [{ cpu_type: "V", ram_gib: 4 }, "cpus", "missing-field", "cpus: missing (expected a value)"],
    [{ cpus: 2, cpu_type: "V", ram_gib: 4, ib: "yes" }, "ib", "not-bool", "ib: must be `true` or `false`"],
  ];
  for (const [flavor, field, kind, message] of malformed) {
    assert.throws(() => render(flavor), (e) => {
      assert.ok(e instanceof FlavorBuildError, JSON.stringify(flavor));
      assert.equal(e.field, field, e.message);
      assert.equal(e.kind, kind, e.message);
      if (typeof message === "string") assert.equal(e.message, message);
      else assert.match(e.message, message);
      return true;
    });
  }
  for (const bad of [null, "SCS-2V-4", 42]) assert.throws(() => render(bad), TypeError, JSON.stringify(bad));
  assert.throws(() => render(parse(FULL), { syntax: "v3" }), RangeError);
});

test("tables() is the core's export; lookup() its lookup rule", () => {
  assert.deepEqual(Object.keys(tables), ["tables", "standard_flavors", "fields"]);
  const table = (id) => tables.tables.find((t) => t.id === id);
  assert.deepEqual(table("cpu-type").entries.map((e) => e.code), ["L", "V", "T", "C"]);
  assert.equal(table("cpu-type").entries[2].name, "dedicated-thread");
  assert.deepEqual(table("hypervisor").entries.map((e) => e.code), ["kvm", "xen", "vmw", "hyv", "bms", "chy"]);
  assert.equal(table("cpu-generation-i").entries[3].name, "Ice Lake");
  assert.deepEqual(table("gpu-generation-N").entries.map((g) => g.code).join(" "), "f k m p v t a l g b u");
  assert.deepEqual(table("strategy").entries.map((e) => e.code), ["v1", "v1/v2", "v2/v1", "v2", "v3"]);
  assert.deepEqual(table("flag").entries.map((e) => e.code), ["i", "u", "o", "hwv", "ib"]);
  assert.equal(tables.standard_flavors.length, 31);
  assert.deepEqual(tables.standard_flavors[3], {
    name: "SCS-4V-16-100s", level: "mandatory", vcpus: 4, cpu_type: "V", ram_gib: 16, disk: { size_gb: 100, kind: "s" }, table: 0,
  });
  // Every builder property, with a path the errors name and a kind the page's form follows.
  assert.equal(tables.fields.length, 22);
  assert.deepEqual(tables.fields.find((f) => f.path === "disk.kind"), { path: "disk.kind", title: "disk type", optional: true, kind: "table", table: "disk-type" });
  for (const f of tables.fields) if (f.kind === "table") assert.ok(table(f.table), f.path);
  assert.ok(Object.isFrozen(tables) && Object.isFrozen(tables.tables[0].entries[0]));
  // Every table row builds: each CPU vendor and generation, each GPU generation.
  for (const v of table("cpu-vendor").entries) {
    table(`cpu-generation-${v.code}`).entries.forEach((_, g) => {
      const name = render({ cpus: 1, cpu_type: "V", ram_gib: 1, cpu_brand: { vendor: v.code, generation: g } });
      assert.equal(parse(name).cpu_brand.generation, g);
    });
  }
  for (const v of table("gpu-vendor").entries) {
    for (const g of table(`gpu-generation-${v.code}`).entries) {
      const name = render({ cpus: 1, cpu_type: "V", ram_gib: 1, gpu: { kind: "g", vendor: v.code, generation: g.code, units: 4 } });
      assert.equal(parse(name).gpu.generation, g.code);
    }
  }
  // lookup: the code exactly, else a name or alias ignoring case, spaces, - and _.
  assert.equal(lookup("hypervisor", "bare metal").code, "bms");
  assert.equal(lookup("hypervisor", "Bare-Metal").code, "bms");
  assert.equal(lookup("strategy", "latest").code, "v3");
  assert.equal(lookup("cpu-generation-i", "Ice Lake").code, "3");
  assert.deepEqual(lookup("disk-type", "s"), table("disk-type").entries[2]);
  assert.throws(() => lookup("hypervisor", "BMS"), (e) => {
    assert.ok(e instanceof FlavorBuildError);
    assert.equal(e.kind, "unknown-value");
    assert.match(e.message, /^unknown hypervisor: expected one of kvm, /);
    return true;
  });
  assert.throws(() => lookup("no-such-table", "x"), RangeError);
});

test("the package exports what its types declare", () => {
  const names = Object.keys(scs).sort();
  assert.deepEqual(names, [
    "FlavorBuildError", "FlavorNameError", "build", "canonical", "check", "describe", "explain",
    "init", "initSync", "lookup", "parse", "render", "shorten", "spec", "tables", "toV1",
  ]);
  const dts = readFileSync(new URL("../pkg/index.d.ts", import.meta.url), "utf8");
  for (const n of names) assert.match(dts, new RegExp(`export (function|const|let|class) ${n}\\b`), n);
  const pkg = JSON.parse(readFileSync(new URL("../pkg/package.json", import.meta.url), "utf8"));
  assert.equal(pkg.name, "scs-flavor");
  assert.equal(pkg.type, "module");
  for (const f of pkg.files) assert.ok(existsSync(new URL(`../pkg/${f}`, import.meta.url)), f);
});

test("warnings carry the span of the part they concern (UTF-16 indices)", () => {
  const name = "SCS-2V-4-99999999x10";
  const [w] = check(name).warnings;
  assert.equal(w.kind, "too-many-disks");
  assert.equal(name.slice(w.start, w.end), "-99999999x10");
  // A warning about the whole name spans it.
  const [nc] = check("SCS-04V-8-1x10").warnings;
  assert.deepEqual([nc.kind, nc.start, nc.end], ["non-canonical", 0, 14]);
});

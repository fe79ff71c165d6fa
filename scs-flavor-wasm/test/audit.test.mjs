// The entry `scs-flavor/audit`: the audit on the Rust crate's fixture clouds
// (../scs-flavor-audit/tests/data), checked against its expected reports, and selection cases
// taken from its tests/select.rs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { audit, plan, select, requirementKeys, FlavorAuditError } from "../pkg/audit.node.js";

const dataDir = new URL("../../scs-flavor-audit/tests/data/", import.meta.url);
const data = (name) => readFileSync(new URL(name, dataDir), "utf8");

test("cloud.json: the text report and fix script are the crate's (cloud.expected)", () => {
  const r = audit(data("cloud.json"));
  assert.equal(`${r.text}--- fixes\n${r.fixScript}`, data("cloud.expected"));
  assert.equal(r.passed, false);
  assert.deepEqual(Object.keys(r), ["passed", "tests", "findings", "fixes", "text", "fixScript", "summary", "certified"]);
  assert.deepEqual(r.tests[0], { id: "scs-0100-syntax-check", result: "PASS", mandatory: true, official: true, class: "mandatory" });
  assert.deepEqual(r.tests[1], { id: "scs-0100-semantics-check", result: "FAIL", mandatory: true, official: true, class: "mandatory" });
  assert.deepEqual(r.tests[2], { id: "scs-0103-extra-specs-check", result: "FAIL", mandatory: false, official: false, class: "ours" });
  assert.equal(r.tests.find((t) => t.id === "scs-0103-flavor-1v-4-10").class, "recommended");
  // Semantics and three mandatory flavors fail: certification fails.
  assert.equal(r.certified, false);
  assert.equal(r.summary, r.text.trimEnd().split("\n").at(-1));
  assert.match(r.summary, /^summary: FAIL: 4 of 17 mandatory test cases of the official suite fail \(scs-0100-semantics-check, /);
  // The official runner's line, then the class (mandatory, recommended or ours); the last
  // line is the summary.
  assert.equal(r.text.split("\n")[0], "scs-0100-syntax-check: PASS (mandatory)");
  assert.equal(r.text.split("\n")[3], "scs-0103-unique-check: PASS (ours)");
  assert.match(r.text, /\nsummary: FAIL: 4 of 17 mandatory test cases of the official suite fail \(/);
  assert.deepEqual(r.fixes[0], {
    flavor: "SCS-2V-4-20s",
    action: "set",
    key: "scs:disk0-type",
    value: "ssd",
    command: "openstack flavor set --property scs:disk0-type=ssd 153e7c2a-26a2-c0bd-3b12-87fff52ddf5d",
  });
  assert.ok(r.fixScript.startsWith(
    "#!/bin/sh\nset -e\n\n# SCS-2V-4-20s\n" +
    "openstack flavor set --property scs:disk0-type=ssd 153e7c2a-26a2-c0bd-3b12-87fff52ddf5d\n\n# SCS-2V-8-20\n",
  ), r.fixScript);
  const ram = r.findings.find((f) => f.flavor === "SCS-16V-32" && f.severity === "error");
  assert.deepEqual(ram, {
    flavor: "SCS-16V-32",
    test: "scs-0100-semantics-check",
    severity: "error",
    kind: "ram-overpromise",
    message: "the name promises 32 GiB RAM, the flavor has 31.2 GiB (32000 MiB)",
  });
});

test("contradicting-specs.json: set fixes carry a value, unset fixes none; commands by ID", () => {
  const r = audit(data("contradicting-specs.json"));
  const ids = new Map(JSON.parse(data("contradicting-specs.json")).map((f) => [f.Name, f.ID]));
  const unset = r.fixes.filter((f) => f.action === "unset");
  assert.deepEqual(unset.map((f) => [f.flavor, f.key]), [
    ["SCS-4V-16", "scs:disk0-type"], ["SCS-16C-64-200p", "scs:name-v3"], ["legacy-medium", "scs:name-v2"],
  ]);
  for (const f of unset) {
    assert.equal("value" in f, false, JSON.stringify(f));
    assert.equal(f.command, `openstack flavor unset --property ${f.key} ${ids.get(f.flavor)}`);
  }
  const set = r.fixes.filter((f) => f.action === "set");
  assert.equal(set.length, 4);
  for (const f of set) assert.equal(f.command, `openstack flavor set --property ${f.key}=${f.value} ${ids.get(f.flavor)}`);
});

test("every fixture with an expected report gives it, as text and decoded", () => {
  const fixtures = readdirSync(dataDir).filter((f) => f.endsWith(".expected"));
  assert.ok(fixtures.length >= 8, `fixtures: ${fixtures}`);
  for (const expected of fixtures) {
    const json = data(expected.replace(/\.expected$/, ".json"));
    const r = audit(json);
    assert.equal(`${r.text}--- fixes\n${r.fixScript}`, data(expected), expected);
    assert.deepEqual(audit(JSON.parse(json)), r, `${expected}: decoded input`);
    assert.equal(r.passed, !r.findings.some((f) => f.severity === "error"), expected);
  }
});

test("compliant.json passes, in every input form", () => {
  const r = audit(data("compliant.json"));
  assert.equal(r.passed, true);
  assert.ok(r.tests.every((t) => t.result === "PASS"));
  assert.equal(r.tests.length, 35);
  assert.deepEqual(r.findings, []);
  assert.deepEqual(r.fixes, []);
  assert.equal(r.fixScript, "");
  assert.equal(`${r.text}--- fixes\n`, data("compliant.expected"));
  // `openstack flavor show -f json` objects, the older string form of properties, the Nova
  // API's {"flavors": [...]} and one `show` object alone.
  assert.deepEqual(audit(data("compliant-show.json")), r);
  assert.deepEqual(audit(data("compliant-string-properties.json")), r);
  const show = JSON.parse(data("compliant-show.json"));
  assert.deepEqual(audit({ flavors: show }), r);
  const one = audit(show[0]);
  assert.equal(one.tests[0].result, "PASS");
  assert.equal(one.passed, false); // the other mandatory flavors are missing
});

test("a list without properties (openstack flavor list without --long) is refused", () => {
  assert.throws(() => audit([{ ID: "1", Name: "SCS-2V-4", VCPUs: 2, RAM: 4096, Disk: 0 }]), (e) => {
    assert.ok(e instanceof FlavorAuditError);
    assert.equal(e.field, "Properties");
    assert.equal(e.message, 'field "Properties": no flavor has properties (extra specs): did you forget `--long` (`openstack flavor list --long -f json`)?');
    return true;
  });
});

test("malformed input throws FlavorAuditError with the crate's message", () => {
  assert.throws(() => audit(data("malformed-entry.json")), (e) => {
    assert.ok(e instanceof FlavorAuditError);
    assert.ok(e instanceof Error);
    assert.equal(e.name, "FlavorAuditError");
    assert.equal(e.message, 'flavor [1] "SCS-4V-8": field "RAM": expected a non-negative integer (MiB), found the string "8 GiB"');
    assert.equal(e.index, 1);
    assert.equal(e.flavor, "SCS-4V-8");
    assert.equal(e.field, "RAM");
    return true;
  });
  assert.throws(() => audit(data("malformed.json")), (e) => {
    assert.ok(e instanceof FlavorAuditError);
    assert.match(e.message, /^invalid JSON at line 3, column \d+: /);
    assert.deepEqual([e.index, e.flavor, e.field], [null, null, null]);
    return true;
  });
  assert.throws(() => audit([{ Name: "SCS-2V-4", VCPUs: 2, RAM: 4096 }]), {
    name: "FlavorAuditError",
    message: 'flavor [0] "SCS-2V-4": missing field "Disk" (or "disk")',
  });
  assert.throws(() => audit([1]), { name: "FlavorAuditError", message: "flavor [0]: expected a flavor object, found 1" });
  assert.throws(() => audit(42), { name: "FlavorAuditError", message: /^expected a list of flavors/ });
  assert.throws(
    () => audit([{ Name: "a", VCPUs: 1, RAM: 1, Disk: 0, Properties: "x=1" }]),
    { name: "FlavorAuditError", message: 'flavor [0] "a": field "Properties": the value of property "x" must be in single quotes (key=\'value\')' },
  );
  assert.throws(() => audit(undefined), TypeError);
  assert.throws(() => audit(() => 1), TypeError);
});

// Selection: the cases of scs-flavor-audit/tests/select.rs.
const ranked = (req, names) => select(names, req).matches.map((m) => [m.name, m.cost]);
const reasons = (req, name) => {
  const s = select([name], req);
  assert.deepEqual(s.matches, [], `${name} should be rejected`);
  return s.rejected[0].reasons;
};

test("select: 2 vCPUs, 8 GiB, a local SSD", () => {
  const req = { cpus: 2, ram_gib: 8, disk_type: "ssd" };
  const names = ["SCS-1V-4", "SCS-2V-4", "SCS-2V-8", "SCS-2V-8-20s", "SCS-2V-8-20", "SCS-4V-16-50s",
    "SCS-2C-8-20s", "SCS-2V-8-20p", "m1.large", "SCS-2v-4"];
  assert.deepEqual(ranked(req, names), [
    ["SCS-2V-8-20s", 700], ["SCS-2V-8-20p", 900], ["SCS-2C-8-20s", 1700], ["SCS-4V-16-50s", 5000],
  ]);
  assert.deepEqual(select(names, req).rejected, [
    { name: "SCS-1V-4", reasons: ["1 vCPU, need at least 2", "4 GiB RAM, need at least 8 GiB", "no root disk, need one"] },
    { name: "SCS-2V-4", reasons: ["4 GiB RAM, need at least 8 GiB", "no root disk, need one"] },
    { name: "SCS-2V-8", reasons: ["no root disk, need one"] },
    { name: "SCS-2V-8-20", reasons: ["disk type unspecified (counted as network), need at least ssd"] },
    { name: "m1.large", reasons: ["not an SCS flavor name"] },
    { name: "SCS-2v-4", reasons: ["invalid SCS flavor name: expected CPU type `L`, `V`, `T` or `C` after the vCPU count, found `v`"] },
  ]);
  // Codes, names and text values are the same requirement.
  assert.deepEqual(select(names, { cpus: "2", ram_gib: "8", disk_type: "s" }), select(names, req));
});

test("select: CPU type, security, RAM flags", () => {
  const req = { cpu_type: "T", secure_cpu: true, ecc: true, no_oversubscription: true };
  assert.deepEqual(reasons(req, "SCS-2V-4"), ["CPU type shared-core (V), need at least dedicated-thread (T)"]);
  assert.deepEqual(reasons(req, "SCS-2Ti-4uo"), [
    "insecure vCPUs (`i`: insufficient protection against CPU vulnerabilities)",
    "RAM without ECC (`u`)",
    "oversubscribed RAM (`o`)",
  ]);
  assert.deepEqual(ranked(req, ["SCS-2C-4", "SCS-2T-4"]), [["SCS-2T-4", 3000], ["SCS-2C-4", 3500]]);
});

test("select: disk size and no disk", () => {
  const req = { disk_gb: 50 };
  assert.deepEqual(reasons(req, "SCS-2V-4-20s"), ["20 GB root disk, need at least 50 GB"]);
  assert.deepEqual(reasons(req, "SCS-2V-4-n"), ["disk size left to the cloud, need at least 50 GB"]);
  assert.deepEqual(reasons(req, "SCS-2V-4"), ["no root disk, need one of at least 50 GB"]);
  assert.deepEqual(ranked(req, ["SCS-2L-4-2x50", "SCS-2L-4-50"]), [["SCS-2L-4-50", 3000], ["SCS-2L-4-2x50", 3500]]);
  assert.deepEqual(reasons({ no_disk: true }, "SCS-2V-4-20"), ["has a root disk, need none (boot from a volume)"]);
  assert.deepEqual(ranked({ no_disk: true }, ["SCS-1L-1"]), [["SCS-1L-1", 1250]]);
});

test("select: architecture and vendor", () => {
  assert.deepEqual(ranked({ arch: "arm" }, ["SCS-4C-16_a1", "SCS-4C-16_z3", "SCS-4C-16"]), [["SCS-4C-16_a1", 9500]]);
  assert.deepEqual(reasons({ arch: "arm" }, "SCS-4C-16"), ["architecture x86-64, need arm"]);
  assert.deepEqual(ranked({ arch: "x86-64" }, ["SCS-1L-1", "SCS-1L-1_z", "SCS-1L-1_r"]), [["SCS-1L-1", 1250], ["SCS-1L-1_z", 1250]]);
  assert.deepEqual(reasons({ cpu_vendor: "amd" }, "SCS-1L-1"), ["CPU vendor not stated, need AMD"]);
  assert.deepEqual(reasons({ cpu_vendor: "z" }, "SCS-1L-1_i2"), ["CPU vendor Intel, need AMD"]);
});

test("select: GPU, Infiniband, bare metal, hwv", () => {
  const req = { gpu_vendor: "nvidia", gpu_units: 50, gpu_vram_gib: 24 };
  assert.equal(ranked(req, ["SCS-16V-64_GNa-56-24", "SCS-16V-64_GNl-142-48", "SCS-16V-64"]).length, 2);
  assert.deepEqual(reasons(req, "SCS-16V-64_GNa"), [
    "GPU compute units not stated, need at least 50",
    "GPU VRAM not stated, need at least 24 GiB",
  ]);
  assert.deepEqual(reasons(req, "SCS-16V-64_GA3-304-192h"), ["GPU vendor AMD, need Nvidia"]);
  assert.deepEqual(reasons(req, "SCS-16V-64"), ["no GPU"]);
  assert.deepEqual(ranked({}, ["SCS-2L-8_GNa-56-24", "SCS-4L-8"]), [["SCS-4L-8", 6000], ["SCS-2L-8_GNa-56-24", 12000]]);
  assert.deepEqual(ranked(undefined, ["SCS-4L-8"]), [["SCS-4L-8", 6000]]);
  const hpc = { infiniband: true, bare_metal: true, hwv: true };
  assert.deepEqual(reasons(hpc, "SCS-2L-4_kvm"), ["no Infiniband (`_ib`)", "not bare metal (`_bms`)", "no hardware virtualisation (`_hwv`)"]);
  assert.deepEqual(ranked(hpc, ["SCS-2L-4_bms_hwv_ib"]), [["SCS-2L-4_bms_hwv_ib", 3000]]);
});

test("select from a cloud's flavor list (text or decoded)", () => {
  const req = { cpus: 16, ram_gib: 32 };
  const s = select(data("cloud.json"), req);
  assert.deepEqual(s.matches.map((m) => m.name), ["SCS-16V-32-100", "SCS-16C-64-200p_GNa-56-24"]);
  assert.deepEqual(s.rejected.find((r) => r.name === "SCS-16V-32").reasons, [
    "delivers less than its name SCS-16V-32 promises: the name promises 32 GiB RAM, the flavor has 31.2 GiB (32000 MiB)",
  ]);
  assert.deepEqual(s.rejected.find((r) => r.name === "m1.small").reasons, [
    "not an SCS flavor (no SCS name, no valid scs:name-vN extra spec)",
  ]);
  assert.deepEqual(select(JSON.parse(data("cloud.json")), req), s);
  assert.throws(() => select(data("malformed-entry.json"), req), FlavorAuditError);
});

test("select: the JSON shape of the crate", () => {
  assert.deepEqual(select(["SCS-2V-4-20s", "SCS-1L-1"], { cpus: 2 }), {
    matches: [{
      name: "SCS-2V-4-20s",
      flavor: "SCS-2V-4-20s",
      cost: 2100,
      excess: { vcpus: 0, ram_gib: 4, disk_gb: 20, cpu_type_steps: 1, disk_type_steps: 2, extras: [] },
    }],
    rejected: [{ name: "SCS-1L-1", reasons: ["1 vCPU, need at least 2"] }],
  });
  assert.deepEqual(select([], { cpus: 2 }), { matches: [], rejected: [] });
});

test("requirements are the crate's Requirements: its keys and messages", () => {
  assert.deepEqual([...requirementKeys], [
    "cpus", "cpu_type", "secure_cpu", "ram_gib", "ecc", "no_oversubscription", "disk_gb", "disk_type", "no_disk",
    "arch", "cpu_vendor", "hypervisor", "gpu", "gpu_vendor", "gpu_units", "gpu_vram_gib", "infiniband", "bare_metal", "hwv",
  ]);
  assert.ok(Object.isFrozen(requirementKeys));
  // null and undefined leave a requirement out.
  assert.deepEqual(ranked({ disk_type: null, cpus: undefined }, ["SCS-1L-1"]), [["SCS-1L-1", 1250]]);
  const bad = [
    [{ cores: 2 }, /^unknown property `cores`: expected one of `cpus`, `cpu_type`, /],
    [{ cpus: "two" }, "cpus: vCPU count must be a whole number from 1 to 4294967295"],
    [{ cpus: 2.5 }, "cpus: vCPU count must be a whole number from 1 to 4294967295"],
    [{ cpus: [2] }, "cpus: vCPU count must be a whole number from 1 to 4294967295"],
    [{ ram_gib: -1 }, /^ram_gib: RAM must be a number of GiB from 0 /],
    [{ ram_gib: Number.NaN }, /^ram_gib: RAM must be a number of GiB from 0 /],
    [{ ram_gib: Infinity }, /^ram_gib: RAM must be a number of GiB from 0 /],
    [{ ecc: "yes" }, "ecc: must be `true` or `false`"],
    [{ cpu_type: "v" }, /^cpu_type: unknown CPU type: expected one of L, V, T, C or a name: "crowded-core"/],
    [{ disk_type: "floppy" }, /^disk_type: unknown disk type: expected one of n, h, s, p/],
    [{ arch: "sparc" }, /^arch: unknown architecture: expected one of x86-64, arm, riscv/],
    [{ no_disk: true, disk_gb: 5 }, /^no_disk: contradicts disk_gb/],
  ];
  for (const [req, message] of bad) {
    assert.throws(() => select(["SCS-2V-4"], req), (e) => {
      assert.ok(e instanceof RangeError, `${JSON.stringify(req)}: ${e}`);
      if (typeof message === "string") assert.equal(e.message, message);
      else assert.match(e.message, message);
      return true;
    });
  }
  assert.throws(() => select(["SCS-2V-4"], "cpus=2"), TypeError);
  assert.throws(() => select(["SCS-2V-4"], [2]), TypeError);
});

test("every requirement key is honoured: a flavor violating only it is rejected, with its reason", () => {
  // key: [value, a name violating only this requirement, a name satisfying it, its reason]
  const cases = {
    cpus: [4, "SCS-2V-4", "SCS-4V-4", /^2 vCPUs, need at least 4$/],
    cpu_type: ["dedicated-thread", "SCS-2V-4", "SCS-2T-4", /^CPU type shared-core \(V\), need at least dedicated-thread/],
    secure_cpu: [true, "SCS-2Vi-4", "SCS-2V-4", /^insecure vCPUs/],
    ram_gib: [7.5, "SCS-2V-4", "SCS-2V-8", /^4 GiB RAM, need at least 7\.5 GiB$/],
    ecc: [true, "SCS-2V-4u", "SCS-2V-4", /ECC/],
    no_oversubscription: [true, "SCS-2V-4o", "SCS-2V-4", /^oversubscribed RAM/],
    disk_gb: [50, "SCS-2V-4-20", "SCS-2V-4-50", /^20 GB root disk, need at least 50 GB$/],
    disk_type: ["nvme", "SCS-2V-4-20s", "SCS-2V-4-20p", /^disk type ssd.*need at least nvme/],
    no_disk: [true, "SCS-2V-4-20", "SCS-2V-4", /^has a root disk, need none/],
    arch: ["aarch64", "SCS-2V-4", "SCS-2V-4_a", /^architecture x86-64, need arm$/],
    cpu_vendor: ["riscv", "SCS-2V-4_z", "SCS-2V-4_r", /^CPU vendor AMD, need RISC-V$/],
    hypervisor: ["bare metal", "SCS-2V-4_kvm", "SCS-2V-4_bms", /hypervisor/],
    gpu: [true, "SCS-2V-4", "SCS-2V-4_GNa", /^no GPU$/],
    gpu_vendor: ["nvidia", "SCS-2V-4_GA3", "SCS-2V-4_GNa", /^GPU vendor AMD, need Nvidia$/],
    gpu_units: [10, "SCS-2V-4_GNa-8", "SCS-2V-4_GNa-10", /compute units/],
    gpu_vram_gib: [16, "SCS-2V-4_GNa-8-8", "SCS-2V-4_GNa-8-16", /VRAM/],
    infiniband: [true, "SCS-2V-4", "SCS-2V-4_ib", /^no Infiniband/],
    bare_metal: [true, "SCS-2V-4_kvm", "SCS-2V-4_bms", /^not bare metal/],
    hwv: [true, "SCS-2V-4", "SCS-2V-4_hwv", /^no hardware virtualisation/],
  };
  assert.deepEqual(Object.keys(cases), [...requirementKeys], "a case for every key");
  for (const [key, [value, bad, good, reason]] of Object.entries(cases)) {
    const s = select([bad, good], { [key]: value });
    assert.deepEqual(s.matches.map((m) => m.name), [good], key);
    assert.equal(s.rejected.length, 1, key);
    assert.equal(s.rejected[0].name, bad, key);
    assert.equal(s.rejected[0].reasons.length, 1, `${key}: ${s.rejected[0].reasons}`);
    assert.match(s.rejected[0].reasons[0], reason, key);
    // Without the requirement both match: the rejection is this key's doing.
    assert.equal(select([bad, good], {}).matches.length, 2, key);
  }
});

test("audit.d.ts lists exactly the crate's requirement keys", () => {
  const dts = readFileSync(new URL("../pkg/audit.d.ts", import.meta.url), "utf8");
  const body = dts.slice(dts.indexOf("export interface Requirements {"));
  const keys = [...body.slice(0, body.indexOf("\n}")).matchAll(/^ {2}(\w+)\?:/gm)].map((m) => m[1]);
  assert.deepEqual(keys, [...requirementKeys]);
});

test("plan: a missing mandatory flavor is created with the standard's figures and keys", () => {
  const cloud = JSON.parse(data("compliant.json")).filter((f) => f.Name !== "SCS-1L-1");
  const p = plan(cloud);
  const create = p.changes.find((c) => c.flavor === "SCS-1L-1");
  assert.equal(create.kind, "create");
  assert.deepEqual(
    { ...create.create, properties: { ...create.create.properties } },
    {
      vcpus: 1, ram_mib: 1024, disk_gb: 0, public: true,
      properties: { "scs:cpu-type": "crowded-core", "scs:name-v1": "SCS-1L:1", "scs:name-v2": "SCS-1L-1" },
    },
  );
  assert.ok(p.openstackScript.startsWith("#!/bin/sh\nset -e\n"));
  assert.match(p.openstackScript, /^openstack flavor create --vcpus 1 --ram 1024 --disk 0 --public .* SCS-1L-1$/m);
  assert.ok(p.text.split("\n").some((l) => l.startsWith("create SCS-1L-1: ")));
  // Applied, nothing is left to do.
  const after = [...cloud, { Name: "SCS-1L-1", VCPUs: 1, RAM: 1024, Disk: 0, Properties: create.create.properties }];
  assert.deepEqual(plan(after).changes.filter((c) => c.kind !== "decide" && c.flavor === "SCS-1L-1"), []);
});

test("plan: a list without properties (no --long) and bad options are refused", () => {
  assert.throws(() => plan([{ Name: "SCS-2V-4", VCPUs: 2, RAM: 4096, Disk: 0 }]), (e) => {
    assert.ok(e instanceof FlavorAuditError);
    assert.equal(e.field, "Properties");
    assert.match(e.message, /--long/);
    return true;
  });
  assert.throws(() => plan("[]", "prune"), TypeError);
  assert.throws(() => plan("[]", { prune: "yes" }), RangeError);
  assert.deepEqual(plan("[]", { recommended: true }).changes.length > plan("[]").changes.length, true);
});

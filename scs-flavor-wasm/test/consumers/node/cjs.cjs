// node CommonJS: `require()` of the installed package (an ES module without top-level await,
// which node >= 20.19 and >= 22.12 can require).
const assert = require("node:assert/strict");
const { check, parse, FlavorNameError, tables } = require("scs-flavor");
const { select, audit } = require("scs-flavor/audit");

assert.equal(check("SCS-2V-4-20s").status, "valid");
assert.equal(check("SCS-2V-4_i7").error.kind, "cpu-generation");
assert.throws(() => parse("m1.large"), FlavorNameError);
assert.ok(tables.standard_flavors.length > 0);
assert.deepEqual(select(["SCS-2V-4", "SCS-4V-8"], { cpus: 4 }).matches.map((m) => m.name), ["SCS-4V-8"]);
assert.equal(audit([{ Name: "SCS-2V-4", VCPUs: 2, RAM: 4096, Disk: 0, Properties: {} }]).passed, false);
console.log("cjs: ok");

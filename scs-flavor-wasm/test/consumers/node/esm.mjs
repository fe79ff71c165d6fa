// node ESM: `import` of the installed package; the node entry has loaded the WebAssembly at
// import (no init() needed, and it resolves at once for code that is portable to browsers).
import assert from "node:assert/strict";
import { check, parse, init, tables, FlavorNameError } from "scs-flavor";
import { audit, select, requirementKeys, init as initAudit } from "scs-flavor/audit";

assert.equal(check("SCS-2V-4-20s").status, "valid");
assert.equal(check("SCS-2V-4-20s").v1, "SCS-2V:4:20s");
assert.equal(check("SCS-2V-4_i7").error.kind, "cpu-generation");
assert.throws(() => parse("m1.large"), FlavorNameError);
assert.ok(Object.isFrozen(tables) && tables.tables.some((t) => t.id === "disk-type"));
await init();
await initAudit();
assert.deepEqual(select(["SCS-2V-4", "SCS-4V-16", "SCS-4V-8"], { cpus: 4, ram_gib: 8 }).matches.map((m) => m.name), ["SCS-4V-8", "SCS-4V-16"]);
assert.equal(audit([{ Name: "SCS-2V-4", VCPUs: 2, RAM: 4096, Disk: 0, Properties: {} }]).passed, false);
assert.ok(requirementKeys.includes("cpus"));
console.log("esm: ok");

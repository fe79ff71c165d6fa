// Loading the WebAssembly: the browser/bundler entries (index.js, audit.js) load nothing at
// import and work after `init()`; the node entries (index.node.js, audit.node.js) load at
// import, without top-level await, so that `require()` works too. This file imports the browser
// entries first, in a process of its own (node --test), so that they start unloaded.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import * as web from "../pkg/index.js";
import * as webAudit from "../pkg/audit.js";

const bytes = (file) => readFileSync(new URL(`../pkg/${file}`, import.meta.url));
const LIST = '[{"Name": "SCS-2V-4", "VCPUs": 2, "RAM": 4096, "Disk": 0, "Properties": {}}]';

test("before init: nothing loaded, every function says to await init()", () => {
  assert.equal(web.tables, undefined);
  assert.equal(webAudit.requirementKeys, undefined);
  const notLoaded = { message: /not loaded yet: `await init\(\)` first/ };
  assert.throws(() => web.check("SCS-2V-4"), notLoaded);
  assert.throws(() => web.parse("SCS-2V-4"), notLoaded);
  assert.throws(() => web.shorten("SCS-2V-4"), notLoaded);
  assert.throws(() => web.render({ cpus: 2, cpu_type: "V", ram_gib: 4 }), notLoaded);
  assert.throws(() => web.lookup("disk-type", "ssd"), notLoaded);
  assert.throws(() => webAudit.audit(LIST), notLoaded);
  assert.throws(() => webAudit.select(["SCS-2V-4"], {}), notLoaded);
});

test("init(source) loads the module once; the functions and tables work after it", async () => {
  const first = web.init(bytes("scs_flavor_wasm_bg.wasm"));
  assert.equal(web.init(), first, "a second call while loading returns the same promise");
  assert.equal(await first, undefined);
  assert.equal(web.check("SCS-2V-4").status, "valid");
  assert.equal(web.parse("SCS-2V-4-20s").disk.size, 20);
  assert.ok(Object.isFrozen(web.tables) && web.tables.tables.length > 0);
  await web.init(); // loaded: resolves at once, the bytes are not needed again
  assert.throws(() => web.parse("SCS-2V-4_i7"), web.FlavorNameError);
});

test("a failed init rejects; the module loads after it (initSync, its own module)", async () => {
  await assert.rejects(webAudit.init(new Uint8Array([0, 1, 2, 3])), WebAssembly.CompileError);
  assert.throws(() => webAudit.audit(LIST), { message: /not loaded yet/ });
  webAudit.initSync(new WebAssembly.Module(bytes("scs_flavor_audit_bg.wasm")));
  webAudit.initSync(bytes("scs_flavor_audit_bg.wasm")); // loaded already: nothing happens
  await webAudit.init();
  const node = await import("../pkg/audit.node.js");
  assert.deepEqual(webAudit.audit(LIST), node.audit(LIST));
  assert.deepEqual(webAudit.requirementKeys, node.requirementKeys);
  assert.ok(Object.isFrozen(webAudit.requirementKeys));
});

test("the node entries load at import: require() and import give a ready module", async () => {
  const require = createRequire(import.meta.url);
  const cjs = require("../pkg/index.node.js");
  assert.equal(cjs.check("SCS-2V-4").status, "valid");
  assert.deepEqual(Object.keys(cjs.tables), ["tables", "standard_flavors", "fields"]);
  assert.equal(await cjs.init(), undefined);
  const cjsAudit = require("../pkg/audit.node.js");
  assert.equal(cjsAudit.select(["SCS-2V-4", "SCS-4V-8"], { cpus: 4 }).matches.length, 1);
});

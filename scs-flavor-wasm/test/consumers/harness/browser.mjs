// Usage: node browser.mjs DIR LABEL
// Serves the built app DIR (a consumer project's dist/, with its index.html) on 127.0.0.1,
// opens it in Debian's headless Chromium (playwright-core, $CHROMIUM or /usr/bin/chromium) and
// checks what ../page.js shows: the functions refuse to run before init(), and after it return
// what the standard says for a few names; the `scs-flavor/audit` chunk loads its own
// WebAssembly module on first use. Also checks the built JS has no `node:` import (a browser
// bundle must not pull in node's modules). Prints TAP-like lines and "LABEL: N passed, N failed".
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { chromium } from "playwright-core";
import { serve } from "../../e2e/server.mjs";

const [dir, label = "browser"] = process.argv.slice(2);
const root = resolve(dir);
let passed = 0;
let failed = 0;
async function check(what, f) {
  try {
    await f();
    passed++;
    console.log(`ok - ${label}: ${what}`);
  } catch (e) {
    failed++;
    console.log(`not ok - ${label}: ${what}\n  ${String(e?.stack ?? e).replaceAll("\n", "\n  ")}`);
  }
}

const files = (d) => readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? files(join(d, f)) : [join(d, f)]));
const js = files(root).filter((f) => f.endsWith(".js"));
await check("the bundle has JS and two .wasm assets", () => {
  assert.ok(js.length > 0, "no .js in the build");
  assert.equal(files(root).filter((f) => f.endsWith(".wasm")).length, 2, files(root).join(", "));
});
await check("no node: module in the browser bundle", () => {
  for (const f of js) assert.ok(!readFileSync(f, "utf8").includes("node:"), `${f} mentions node:`);
});

const server = await serve(root);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu"],
});
try {
  const page = await browser.newPage();
  const problems = [];
  const wasm = [];
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()}`));
  page.on("response", (r) => {
    if (r.url().endsWith(".wasm")) wasm.push([r.url(), r.status()]);
  });
  await page.goto(server.url);
  await page.waitForSelector("body[data-done]", { timeout: 30_000 });
  const shown = async (id) => JSON.parse(await page.locator(`#${id}`).innerText());

  await check("the page ran to its end", async () => {
    assert.equal(await page.getAttribute("body", "data-done"), "ok", await page.locator("#out").innerText());
  });
  await check("before init() the functions throw an Error that says to await init()", async () => {
    const e = await shown("before-init");
    assert.equal(e.name, "Error");
    assert.match(e.message, /await init\(\)/);
  });
  await check("check() of a valid name", async () => {
    const r = await shown("check");
    assert.equal(r.status, "valid");
    assert.equal(r.name, "SCS-2V-4-20s");
    assert.equal(r.v1, "SCS-2V:4:20s");
    assert.equal(r.spec.cpus, 2);
    assert.equal(r.spec.ram, 4);
    assert.equal(r.spec.disk, 20);
    assert.equal(r.spec["scs:disk0-type"], "ssd");
  });
  await check("check() of an invalid name: the error and its span", async () => {
    const r = await shown("invalid");
    assert.equal(r.status, "invalid");
    assert.equal(r.error.kind, "cpu-generation");
    assert.equal("SCS-2V-4_i7".slice(r.error.start, r.error.end), "i7");
  });
  await check("parse() throws FlavorNameError for a name that is not SCS", async () => {
    const e = await shown("not-scs");
    assert.deepEqual([e.name, e.kind, e.isFlavorNameError], ["FlavorNameError", "not-scs", true]);
  });
  await check("scs-flavor/audit: select() and audit() after its own init()", async () => {
    const s = await shown("select");
    assert.deepEqual(s.matches.map((m) => m.name), ["SCS-4V-8", "SCS-4V-16"]);
    assert.deepEqual(s.rejected.map((r) => r.name), ["SCS-2V-4"]);
    const a = await shown("audit");
    assert.equal(a.passed, false, "one flavor is not the standard's mandatory set");
    assert.ok(a.tests.length > 0 && a.text.includes("FAIL"), a.text);
  });
  await check("each WebAssembly module fetched once, from this server", async () => {
    assert.equal(wasm.length, 2, JSON.stringify(wasm));
    assert.equal(new Set(wasm.map(([url]) => url)).size, 2);
    for (const [url, status] of wasm) {
      assert.ok(url.startsWith(server.url), url);
      assert.equal(status, 200, url);
    }
  });
  await check("no page error, console error or warning, failed request", () => {
    assert.deepEqual(problems, []);
  });
} finally {
  await browser.close();
  await server.close();
}
console.log(`${label}: ${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;

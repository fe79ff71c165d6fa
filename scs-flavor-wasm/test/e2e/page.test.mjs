// End to end: the page in Debian's headless Chromium (driven by playwright-core), served from
// 127.0.0.1 by a tiny node server. Needs ./build.sh first (it puts the package into www/pkg/)
// and `apt-get install chromium`. Screenshots go to <repo>/target/.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serve } from "./server.mjs";

const www = fileURLToPath(new URL("../../www/", import.meta.url));
const shots = fileURLToPath(new URL("../../../target/", import.meta.url));
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const fixtures = fileURLToPath(new URL("../../../scs-flavor-audit/tests/data/", import.meta.url));

let server;
let context;
let userDataDir;
const foreign = [];
const problems = [];

before(async () => {
  assert.ok(existsSync(join(www, "pkg", "scs_flavor_wasm_bg.wasm")), "run ./build.sh first");
  assert.ok(existsSync(CHROMIUM), `no Chromium at ${CHROMIUM} (apt-get install chromium)`);
  server = await serve(www);
  userDataDir = mkdtempSync(join(tmpdir(), "scs-flavor-chromium-"));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync",
    ],
    viewport: { width: 1100, height: 900 },
  });
  context.on("request", (r) => {
    if (/^(https?|wss?):/.test(r.url()) && !r.url().startsWith(server.url)) foreign.push(r.url());
  });
});

after(async () => {
  await context?.close();
  await server?.close();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

async function open(query = "") {
  const page = await context.newPage();
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console: ${m.text()}`);
  });
  await page.goto(server.url + query);
  await page.waitForSelector("body.ready");
  return page;
}

const text = (page, selector) => page.locator(selector).innerText();

test("type a valid name: live component table, forms, spec", async () => {
  const page = await open();
  assert.equal(await page.evaluate(() => document.activeElement.id), "flavor-input");
  await page.keyboard.type("SCS-16T-64-3x10s_bms_hwv_i3h_GNa-64_ib");
  await page.waitForSelector("#components");
  const rows = await page.locator("#components tbody tr").evaluateAll((trs) =>
    trs.map((tr) => [...tr.children].map((c) => c.innerText.trim())),
  );
  assert.deepEqual(rows.map((r) => r[0]), ["SCS-", "16T-64", "-3x10s", "_bms", "_hwv", "_i3h", "_GNa-64", "_ib"]);
  assert.deepEqual(rows[5], ["_i3h", "CPU brand extension", "Intel Ice Lake, high frequency"]);
  assert.match(await text(page, "#decode-status"), /Valid SCS flavor name\. 16 dedicated SMT threads/);
  assert.equal(await text(page, "#decoded-short"), "SCS-16T-64-3x10s_GNa-64_ib");
  assert.equal(await text(page, "#decoded-v1"), "SCS-16T:64:3x10s-bms-hwv-i3h-GNa:64-ib");
  assert.match(await text(page, "#spec"), /scs:disk2-type\s+ssd/);
  assert.equal(new URL(page.url()).searchParams.get("flavor"), "SCS-16T-64-3x10s_bms_hwv_i3h_GNa-64_ib");
  // Keyboard: Tab goes on to the syntax choice.
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.id), "version");
  await page.close();
});

test("type an invalid name: the span is highlighted and the message shown", async () => {
  const page = await open();
  await page.locator("#flavor-input").fill("SCS-2V-4_hwv_kvm");
  assert.equal(await text(page, "mark.error-span"), "_kvm");
  assert.equal(
    await text(page, "#decode-error"),
    "the hypervisor extension must come before the hardware virtualisation extension " +
      "(expected extensions in the order hypervisor, hwv, CPU brand, GPU, ib, each once)",
  );
  assert.match(await text(page, "#decode-status"), /Invalid SCS flavor name/);
  await page.locator("#flavor-input").fill("SCS-2V-4_i7");
  assert.equal(await text(page, "mark.error-span"), "i7");
  assert.match(await text(page, "#decode-error"), /CPU generation 7 is not defined for Intel/);
  await page.locator("#flavor-input").fill("m1.large");
  assert.match(await text(page, "#decode-status"), /Not an SCS flavor name/);
  assert.equal(await page.locator("mark.error-span").count(), 0);
  await page.close();
});

test("a ?flavor= link opens the decoder", async () => {
  let page = await open("?flavor=SCS-4V-16-100s");
  assert.equal(await page.locator("#flavor-input").inputValue(), "SCS-4V-16-100s");
  assert.equal(await text(page, "#decoded-name"), "SCS-4V-16-100s");
  await page.close();
  page = await open(`?flavor=${encodeURIComponent("SCS-2V:4:20s")}&version=v2/v1`);
  assert.equal(await page.locator("#version").inputValue(), "v2/v1");
  assert.match(await text(page, "#decode-status"), /only tolerated/);
  assert.match(await text(page, "#warnings"), /v1 syntax is merely tolerated/);
  await page.close();
});

test("flavors.scs.community form keys prefill the builder", async () => {
  const page = await open(
    "?cpuram.cpus=4&cpuram.cputype=C&cpuram.cpuinsecure=NN&cpuram.ram=16&cpuram.raminsecure=NN" +
      "&disk.nrdisks=2&disk.disksize=100&disk.disktype=s&hype.hype=kvm&hwvirt.hwvirt=on" +
      "&cpubrand.cpuvendor=z&cpubrand.cpugen=4&cpubrand.perf=h&gpu.gputype=NN&gpu.brand=NN&gpu.gen=NN" +
      "&gpu.cu=&gpu.perf=NN&gpu.vram=&gpu.vramperf=NN&ib.ib=on",
  );
  assert.equal(await text(page, "#built-name"), "SCS-4C-16-2x100s_kvm_hwv_z4h_ib");
  assert.equal(await text(page, "#built-short"), "SCS-4C-16-2x100s_ib");
  assert.equal(await page.locator("#b-disk-kind").inputValue(), "s");
  await page.close();
});

test("build a name through the form; refusals are shown at their field", async () => {
  const page = await open();
  await page.locator("#b-cpus").fill("8");
  await page.locator("#b-cpu-type").selectOption("T");
  await page.locator("#b-ram-gib").fill("32");
  await page.locator("#b-disk").check();
  await page.locator("#b-disk-size").fill("50");
  await page.locator("#b-disk-kind").selectOption("p");
  await page.locator("#b-gpu").check();
  await page.locator("#b-gpu-kind").selectOption("G");
  await page.locator("#b-gpu-vendor").selectOption("N");
  await page.locator("#b-gpu-generation").selectOption("a");
  await page.locator("#b-gpu-units").fill("64");
  assert.equal(await text(page, "#built-name"), "SCS-8T-32-50p_GNa-64");
  assert.equal(await text(page, "#built-short"), "SCS-8T-32-50p_GNa-64");
  assert.match(await text(page, "#built-description"), /8 dedicated SMT threads, 32 GiB ECC RAM, 50 GB local NVMe/);
  // The address carries the form keys, and opening it rebuilds the same name.
  const shared = page.url();
  assert.equal(new URL(shared).searchParams.get("cpuram.cputype"), "T");
  // VRAM without a unit count is refused by the core's builder.
  await page.locator("#b-gpu-units").fill("");
  await page.locator("#b-gpu-vram").fill("24");
  assert.equal(await page.locator("#build-error").isVisible(), true);
  assert.match(await text(page, "#build-error"), /gpu\.vram: GPU VRAM without a unit count cannot be written unambiguously/);
  assert.equal(await page.locator("#b-gpu-vram").getAttribute("aria-invalid"), "true");
  assert.equal(await text(page, "#built-name"), "—");
  // RAM that is not a multiple of 0.5.
  await page.locator("#b-gpu").uncheck();
  await page.locator("#b-ram-gib").fill("3.25");
  assert.match(await text(page, "#build-error"), /ram_gib: RAM must be a multiple of 0\.5 GiB/);
  await page.locator("#b-ram-gib").fill("32");
  assert.equal(await text(page, "#built-name"), "SCS-8T-32-50p");
  // Decode what was built.
  await page.locator("#decode-built").click();
  assert.equal(await page.locator("#flavor-input").inputValue(), "SCS-8T-32-50p");
  assert.equal(await text(page, "#decoded-name"), "SCS-8T-32-50p");
  await page.close();
  const again = await open(new URL(shared).search);
  assert.equal(await text(again, "#built-name"), "SCS-8T-32-50p_GNa-64");
  await again.close();
});

test("a warning's span is marked in the name", async () => {
  const page = await open("?flavor=SCS-2V-4-99999999x10");
  assert.equal(await text(page, "#warnings mark.warn-span"), "-99999999x10");
  await page.close();
});

// A small cloud: the contradicting extra spec of SCS-2V-4-20s, RAM short of SCS-4V-16.
const SMALL_CLOUD = JSON.stringify(
  JSON.parse(readFileSync(join(fixtures, "cloud.json"), "utf8")).filter((f) =>
    ["SCS-2V-4-20s", "SCS-16V-32", "m1.small"].includes(f.Name)),
  null,
  2,
);

test("audit a cloud: paste a flavor list, read the PASS/FAIL lines, findings and fix commands", async () => {
  const page = await open();
  await page.locator("#audit-input").focus();
  await page.keyboard.insertText(SMALL_CLOUD); // as a paste: one input event with the whole text
  await page.waitForSelector("#audit-details:not([hidden])");
  assert.match(await text(page, "#audit-status"), /^summary: FAIL: \d+ of 17 mandatory test cases of the official suite fail \(scs-0100-semantics-check, /);
  const lines = await page.locator("#audit-tests li").allInnerTexts();
  assert.equal(lines[0].trim(), "scs-0100-syntax-check: PASS (mandatory)");
  assert.ok(lines.some((l) => l.trim() === "scs-0100-semantics-check: FAIL (mandatory)"), lines.join("\n"));
  assert.ok(lines.some((l) => l.trim() === "scs-0103-flavor-2v-4-20s: FAIL (mandatory)"), lines.join("\n"));
  const findingsOf = (flavor) =>
    page.locator(".flavor-findings").filter({ has: page.locator("h4", { hasText: new RegExp(`^${flavor}$`) }) }).locator("li").allInnerTexts();
  assert.ok(
    (await findingsOf("SCS-16V-32")).includes("ERROR [scs-0100-semantics-check] the name promises 32 GiB RAM, the flavor has 31.2 GiB (32000 MiB)"),
  );
  assert.equal((await findingsOf("SCS-2V-4-20s"))[0], "ERROR [scs-0103-extra-specs-check] scs:disk0-type=network contradicts the name, which says ssd");
  assert.match(await text(page, "#audit-missing"), /ERROR mandatory: SCS-1V-4, SCS-2V-8, /);
  const fixes = (await text(page, "#audit-fix-script")).split("\n");
  // By the ID of cloud.json's SCS-2V-4-20s, its name as the comment above.
  assert.ok(fixes.includes("openstack flavor set --property scs:disk0-type=ssd 153e7c2a-26a2-c0bd-3b12-87fff52ddf5d"), fixes.join("\n"));
  assert.equal(fixes[fixes.indexOf("openstack flavor set --property scs:disk0-type=ssd 153e7c2a-26a2-c0bd-3b12-87fff52ddf5d") - 1], "# SCS-2V-4-20s");
  assert.equal(await page.locator("#audit-copy-fixes").isVisible(), true);
  // Malformed input: the crate's message naming the entry and field.
  await page.locator("#audit-input").fill('[{"Name": "SCS-2V-4", "VCPUs": 2, "RAM": "4 GiB", "Disk": 0}]');
  await page.waitForSelector("#audit-error:not([hidden])");
  assert.equal(
    await text(page, "#audit-error"),
    'flavor [0] "SCS-2V-4": field "RAM": expected a non-negative integer (MiB), found the string "4 GiB"',
  );
  assert.equal(await page.locator("#audit-input").getAttribute("aria-invalid"), "true");
  // A file, read in the page: the compliant cloud passes.
  await page.locator("#audit-file").setInputFiles(join(fixtures, "compliant.json"));
  await page.waitForFunction(() => /^summary: PASS/.test(document.getElementById("audit-status").textContent));
  assert.equal(await page.locator("#audit-tests li.fail").count(), 0);
  assert.match(await text(page, "#audit-fixes-note"), /Nothing to fix/);
  // The example button, by keyboard.
  await page.locator("#audit-example").focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => /^summary: FAIL/.test(document.getElementById("audit-status").textContent));
  assert.match(await text(page, "#audit-fix-script"), /openstack flavor set --property scs:disk0-type=ssd SCS-4V-16-100s/);
  await page.close();
});

test("opened as a file, the page says why it cannot start", async () => {
  const page = await context.newPage();
  await page.goto(new URL("index.html", `file://${www}`).href);
  await page.waitForFunction(() => /could not start/.test(document.getElementById("decode-status").textContent));
  assert.match(await text(page, "#decode-status"), /must be served over HTTP/);
  await page.close();
});

test("screenshots (desktop and phone), no overflow, no foreign requests, no errors", async () => {
  mkdirSync(shots, { recursive: true });
  const page = await open("?flavor=SCS-16T-64-3x10s_bms_hwv_i3h_GNa-64_ib");
  await page.screenshot({ path: join(shots, "scs-flavor-page.png"), fullPage: true });
  const phone = await open("?flavor=SCS-2V-4_hwv_kvm");
  await phone.setViewportSize({ width: 390, height: 844 });
  await phone.screenshot({ path: join(shots, "scs-flavor-page-phone.png"), fullPage: true });
  let overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `the phone layout scrolls sideways by ${overflow}px`);
  // The audit with its long fix commands on a phone.
  await phone.locator("#audit-input").fill(SMALL_CLOUD);
  await phone.waitForSelector("#audit-details:not([hidden])");
  await phone.locator("#audit").screenshot({ path: join(shots, "scs-flavor-page-audit-phone.png") });
  overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `the phone layout of the audit scrolls sideways by ${overflow}px`);
  await phone.close();
  await page.locator("#audit-input").fill(SMALL_CLOUD);
  await page.waitForSelector("#audit-details:not([hidden])");
  await page.locator("#audit").screenshot({ path: join(shots, "scs-flavor-page-audit.png") });
  await page.close();
  assert.deepEqual(foreign, [], "requests beyond the page's own origin");
  assert.deepEqual(problems, []);
});

// The app that the Vite and webpack consumer projects build with their default configuration
// (copied to vite/page.js and webpack/src/index.js by .ci/dist.sh): it imports the installed
// npm package as users do, loads the WebAssembly with init() (no top-level await: the default
// build targets refuse it), then shows what the package returns as JSON in <pre id=...>
// elements, which harness/browser.mjs reads in headless Chromium. `scs-flavor/audit` is
// imported on first use, so that its own WebAssembly module is a separate chunk and request.
import { init, check, parse, FlavorNameError } from "scs-flavor";

const out = document.getElementById("out");
function show(id, value) {
  const pre = document.createElement("pre");
  pre.id = id;
  pre.textContent = JSON.stringify(value);
  out.append(pre);
}
function thrown(f) {
  try {
    f();
    return null;
  } catch (e) {
    return { name: e.name, message: e.message, kind: e.kind ?? null, isFlavorNameError: e instanceof FlavorNameError };
  }
}

show("before-init", thrown(() => check("SCS-2V-4")));
init()
  .then(async () => {
    show("check", check("SCS-2V-4-20s"));
    show("invalid", check("SCS-2V-4_i7"));
    show("not-scs", thrown(() => parse("m1.large")));
    const { init: initAudit, audit, select } = await import("scs-flavor/audit");
    await initAudit();
    show("select", select(["SCS-2V-4", "SCS-4V-16", "SCS-4V-8"], { cpus: 4, ram_gib: 8 }));
    show("audit", audit([{ Name: "SCS-2V-4", VCPUs: 2, RAM: 4096, Disk: 0, Properties: {} }]));
    document.body.dataset.done = "ok";
  })
  .catch((e) => {
    show("failure", String(e?.stack ?? e));
    document.body.dataset.done = "failed";
  });

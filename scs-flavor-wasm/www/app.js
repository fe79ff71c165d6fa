// The flavor-name page: a decoder (live, as you type) and a builder (a form generated from the
// core's tables). All reading, validation, messages and tables come from the scs-flavor package;
// this file only lays them out. No framework, no requests beyond this origin.
import {
  check, parse, explain, render, describe, tables, FlavorBuildError,
} from "./pkg/index.js";

const $ = (id) => document.getElementById(id);

/** Makes an element: el("td", {class: "x"}, "text", child, …). */
function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === false || v === null || v === undefined) continue;
    if (k === "class") e.className = v;
    else if (k in e && typeof v !== "string") e[k] = v;
    else e.setAttribute(k, v === true ? "" : v);
  }
  e.append(...children.filter((c) => c !== null && c !== undefined));
  return e;
}

// ---------------------------------------------------------------------------------------------
// Decoder
// ---------------------------------------------------------------------------------------------

const input = $("flavor-input");
const versionSelect = $("version");
const LABELS = { v1: "v1", "v1/v2": "v1, v2 tolerated", "v2/v1": "v2/v3, v1 tolerated (certification)", v2: "v2", v3: "v3 (current)" };
for (const s of tables.strategies) {
  versionSelect.append(el("option", { value: s, selected: s === "v3" }, LABELS[s] ?? s));
}

/** The name with a span marked (an insertion mark where something is missing). */
function markedName(name, start, end, cls = "error-span") {
  const code = el("code", { class: "name" });
  code.append(name.slice(0, start));
  if (end > start) {
    code.append(el("mark", { class: cls, title: "the problem is here" }, name.slice(start, end)));
  } else {
    code.append(el("mark", { class: `${cls} gap`, title: "something is missing here", "aria-label": "missing here" }, "\u2038"));
  }
  code.append(name.slice(end));
  return code;
}

function table(head, rows, attrs = {}) {
  return el(
    "table", attrs,
    el("thead", {}, el("tr", {}, ...head.map((h) => el("th", { scope: "col" }, h)))),
    el("tbody", {}, ...rows.map((cells) => el("tr", {}, ...cells.map((c, i) => (i === 0 ? el("th", { scope: "row" }, c) : el("td", {}, c)))))),
  );
}

function decode() {
  const name = input.value;
  const version = versionSelect.value;
  const status = $("decode-status");
  const details = $("decode-details");
  details.replaceChildren();
  status.className = "status";
  if (name === "") {
    status.replaceChildren("Type a name such as ", el("code", {}, "SCS-2V-4-20s"), ".");
    return;
  }
  const r = check(name, { version });
  if (r.status === "not-scs") {
    status.classList.add("neutral");
    let message = "not an SCS flavor name";
    try {
      parse(name, { version });
    } catch (e) {
      message = e.message;
    }
    status.replaceChildren(el("strong", {}, "Not an SCS flavor name. "), `The standard does not govern it: ${message}.`);
    return;
  }
  if (r.status === "invalid") {
    status.classList.add("bad");
    status.replaceChildren(el("strong", {}, "Invalid SCS flavor name."));
    details.append(
      el("p", { class: "marked" }, markedName(name, r.error.start, r.error.end)),
      el("p", { id: "decode-error", class: "bad", role: "alert" }, r.error.message),
      el("p", { class: "kind" }, "Error kind: ", el("code", {}, r.error.kind)),
    );
    return;
  }
  status.classList.add(r.tolerated ? "warn" : "good");
  status.replaceChildren(el("strong", {}, r.tolerated ? "Valid, but only tolerated. " : "Valid SCS flavor name. "), r.description);

  const parts = explain(name, { version });
  const coloured = el("code", { class: "name" });
  parts.forEach((p, i) => coloured.append(el("span", { class: `part c${i % 8}`, title: p.meaning }, p.text)));
  details.append(el("p", { class: "marked" }, coloured));
  details.append(
    table(
      ["Part", "Component", "Meaning"],
      parts.map((p, i) => [el("code", { class: `part c${i % 8}` }, p.text), p.label.replace(/^the /, ""), p.meaning]),
      { id: "components" },
    ),
  );
  details.append(
    el("dl", { class: "names" },
      el("dt", {}, "Canonical"), el("dd", {}, el("code", { id: "decoded-name" }, r.name)),
      el("dt", {}, "Short name"), el("dd", {}, el("code", { id: "decoded-short" }, r.short)),
      el("dt", {}, "v1 form"), el("dd", {}, el("code", { id: "decoded-v1" }, r.v1))),
  );
  if (r.warnings.length > 0) {
    details.append(
      el("h3", {}, "Warnings"),
      el("ul", { id: "warnings", class: "warnings" }, ...r.warnings.map((w) => el("li", {},
        w.message, " ", el("code", { class: "kind" }, w.kind),
        // The part of the name concerned, unless it is the whole name.
        w.end - w.start < name.length ? el("span", { class: "warning-span" }, " at ", markedName(name, w.start, w.end, "warn-span")) : null))),
    );
  }
  details.append(el("h3", {}, "scs-0103 flavor spec"));
  if (r.spec === undefined) {
    details.append(el("p", {}, "Not derived: too many disks (see the warnings)."));
  } else {
    details.append(
      table(["Key", "Value"], Object.entries(r.spec).map(([k, v]) => [el("code", {}, k), el("code", {}, v === null ? "null" : String(v))]), { id: "spec" }),
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Builder: a form generated from the core's tables
// ---------------------------------------------------------------------------------------------

const entryLabel = (e) => {
  if (e.code === "") return `${e.name} (${e.meaning})`;
  return e.name === e.meaning ? `${e.code} — ${e.name}` : `${e.code} — ${e.name}: ${e.meaning}`;
};

function select(id, label, entries, { none = null, format = entryLabel } = {}) {
  const s = el("select", { id });
  if (none !== null) s.append(el("option", { value: "" }, none));
  for (const e of entries) s.append(el("option", { value: e.code }, format(e)));
  return field(id, label, s);
}

function field(id, label, control) {
  return el("div", { class: "field" }, el("label", { for: id }, label), control);
}

function number(id, label, { value = "", min = 1, step = 1, placeholder = "" } = {}) {
  return field(id, label, el("input", { id, type: "number", inputmode: step === 1 ? "numeric" : "decimal", min: String(min), step: String(step), value: String(value), placeholder }));
}

function checkbox(id, label) {
  return el("div", { class: "field check" }, el("input", { id, type: "checkbox" }), el("label", { for: id }, label));
}

function fieldset(legend, ...children) {
  return el("fieldset", {}, el("legend", {}, legend), ...children);
}

const byCode = (list, code) => list.find((e) => e.code === code);
const cpuTypeLabel = (e) => `${e.code} — ${e.meaning} (${e.name})`;

$("builder").querySelector(".fieldsets").append(
  fieldset(
    "CPU and RAM",
    number("b-cpus", "vCPUs", { value: 2 }),
    select("b-cpu-type", "CPU type", tables.cpu_types, { format: cpuTypeLabel }),
    checkbox("b-cpu-insecure", "i — insecure: CPU vulnerability mitigations not guaranteed"),
    number("b-ram", "RAM (GiB)", { value: 4, min: 0.5, step: 0.5 }),
    checkbox("b-ram-no-ecc", "u — no ECC"),
    checkbox("b-ram-oversubscribed", "o — RAM oversubscribed"),
  ),
  fieldset(
    "Root disk",
    checkbox("b-disk", "The flavor has a root disk"),
    number("b-disk-count", "Number of disks", { value: 1 }),
    number("b-disk-size", "Size of each (GB)", { placeholder: "chosen by the cloud" }),
    select("b-disk-type", "Disk type", tables.disk_types, { none: "unspecified" }),
  ),
  fieldset(
    "Virtualisation",
    select("b-hypervisor", "Hypervisor", tables.hypervisors, { none: "not specified" }),
    checkbox("b-hwv", "hwv — hardware-accelerated (nested) virtualisation"),
  ),
  fieldset(
    "CPU brand",
    select("b-brand-vendor", "Vendor / architecture", tables.cpu_vendors, { none: "not specified" }),
    field("b-brand-gen", "Generation", el("select", { id: "b-brand-gen" })),
    select("b-brand-freq", "Frequency", tables.cpu_frequencies, { format: (e) => (e.code ? `${e.code} — ${e.name} (${e.meaning})` : e.name) }),
  ),
  fieldset(
    "GPU",
    select("b-gpu-kind", "Kind", tables.gpu_kinds, { none: "no GPU" }),
    select("b-gpu-vendor", "Vendor", tables.gpu_vendors, { format: (e) => `${e.code} — ${e.name}` }),
    field("b-gpu-gen", "Generation", el("select", { id: "b-gpu-gen" })),
    number("b-gpu-units", "Compute units", { placeholder: "not given" }),
    select("b-gpu-unit-freq", "Unit frequency", tables.gpu_frequencies, { format: (e) => (e.code ? `${e.code} — ${e.name}` : e.name) }),
    number("b-gpu-vram", "VRAM (GiB)", { placeholder: "not given" }),
    select("b-gpu-vram-bw", "VRAM bandwidth", tables.vram_bandwidths, { format: (e) => (e.code ? `${e.code} — ${e.name}` : e.name) }),
  ),
  fieldset("Network", checkbox("b-ib", "ib — Infiniband")),
);
$("b-cpu-type").value = "V";

function fillGenerations() {
  const vendor = byCode(tables.cpu_vendors, $("b-brand-vendor").value);
  const gen = $("b-brand-gen");
  const keep = gen.value;
  gen.replaceChildren(...(vendor?.generations ?? []).map((g, i) => el("option", { value: String(i) }, g.code === "0" ? `0 — ${g.meaning}` : `${g.code} — ${g.name}`)));
  if (vendor && keep !== "" && Number(keep) < vendor.generations.length) gen.value = keep;
  const gpuVendor = byCode(tables.gpu_vendors, $("b-gpu-vendor").value);
  const ggen = $("b-gpu-gen");
  const gkeep = ggen.value;
  ggen.replaceChildren(el("option", { value: "" }, "not given"), ...(gpuVendor?.generations ?? []).map((g) => el("option", { value: g.code }, `${g.code} — ${g.name}`)));
  if (gpuVendor && byCode(gpuVendor.generations, gkeep)) ggen.value = gkeep;
  $("b-gpu-units").closest(".field").querySelector("label").textContent = `Compute units${gpuVendor ? ` (${gpuVendor.unit_name})` : ""}`;
}

function syncEnabled() {
  const diskOn = $("b-disk").checked;
  for (const id of ["b-disk-count", "b-disk-size", "b-disk-type"]) $(id).disabled = !diskOn;
  const brandOn = $("b-brand-vendor").value !== "";
  for (const id of ["b-brand-gen", "b-brand-freq"]) $(id).disabled = !brandOn;
  const gpuOn = $("b-gpu-kind").value !== "";
  for (const id of ["b-gpu-vendor", "b-gpu-gen", "b-gpu-units", "b-gpu-unit-freq", "b-gpu-vram", "b-gpu-vram-bw"]) $(id).disabled = !gpuOn;
}

/** A whole number from an input; `null` when empty; throws a page-level note otherwise. */
class InputProblem extends Error {
  constructor(id, message) {
    super(message);
    this.id = id;
  }
}

function wholeNumber(id, { optional = false } = {}) {
  const raw = $(id).value.trim();
  if (raw === "") {
    if (optional) return null;
    return 0; // the core says why 0 is refused
  }
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new InputProblem(id, `${$(id).labels[0].textContent}: enter a whole number`);
  return n;
}

function decimal(id) {
  const raw = $(id).value.trim();
  return raw === "" ? 0 : Number(raw);
}

/** The builder form as the flavor object that render() takes. */
function formFlavor() {
  const hasBrand = $("b-brand-vendor").value !== "";
  const hasGpu = $("b-gpu-kind").value !== "";
  return {
    cpus: wholeNumber("b-cpus"),
    cpu_type: $("b-cpu-type").value,
    cpu_insecure: $("b-cpu-insecure").checked,
    ram_gib: decimal("b-ram"),
    ram_no_ecc: $("b-ram-no-ecc").checked,
    ram_oversubscribed: $("b-ram-oversubscribed").checked,
    disk: $("b-disk").checked
      ? { count: wholeNumber("b-disk-count", { optional: true }) ?? 1, size: wholeNumber("b-disk-size", { optional: true }), kind: $("b-disk-type").value || null }
      : null,
    hypervisor: $("b-hypervisor").value || null,
    hwv: $("b-hwv").checked,
    cpu_brand: hasBrand
      ? { vendor: $("b-brand-vendor").value, generation: Number($("b-brand-gen").value || 0), frequency: $("b-brand-freq").value.length }
      : null,
    gpu: hasGpu
      ? {
          kind: $("b-gpu-kind").value,
          vendor: $("b-gpu-vendor").value,
          generation: $("b-gpu-gen").value || null,
          units: wholeNumber("b-gpu-units", { optional: true }),
          unit_frequency: $("b-gpu-unit-freq").value.length,
          vram: wholeNumber("b-gpu-vram", { optional: true }),
          vram_bandwidth: $("b-gpu-vram-bw").value.length,
        }
      : null,
    ib: $("b-ib").checked,
  };
}

// A FlavorBuildError's field is a path in the flavor object: the input it came from.
const FIELD_INPUTS = {
  cpus: "b-cpus", ram_gib: "b-ram", "disk.count": "b-disk-count", "disk.size": "b-disk-size",
  "cpu_brand.vendor": "b-brand-vendor", "cpu_brand.generation": "b-brand-gen", "cpu_brand.frequency": "b-brand-freq",
  "gpu.vendor": "b-gpu-vendor", "gpu.generation": "b-gpu-gen", "gpu.units": "b-gpu-units",
  "gpu.unit_frequency": "b-gpu-unit-freq", "gpu.vram": "b-gpu-vram", "gpu.vram_bandwidth": "b-gpu-vram-bw",
};

let builtName = null;

function build({ updateUrl = true } = {}) {
  fillGenerations();
  syncEnabled();
  for (const e of $("builder").querySelectorAll("[aria-invalid]")) e.removeAttribute("aria-invalid");
  const error = $("build-error");
  const outputs = ["built-name", "built-short", "built-v1", "built-description"];
  try {
    const flavor = formFlavor();
    builtName = render(flavor);
    $("built-name").textContent = builtName;
    $("built-short").textContent = render(flavor, { short: true });
    $("built-v1").textContent = render(flavor, { syntax: "v1" });
    $("built-description").textContent = describe(builtName);
    error.hidden = true;
    error.textContent = "";
    if (updateUrl) history.replaceState(null, "", `?${formKeys(flavor)}`);
  } catch (e) {
    if (!(e instanceof FlavorBuildError || e instanceof InputProblem || e instanceof TypeError)) throw e;
    builtName = null;
    for (const id of outputs) $(id).textContent = "—";
    error.hidden = false;
    error.textContent = `Not a valid flavor: ${e.message}`;
    const id = e instanceof InputProblem ? e.id : FIELD_INPUTS[e.field];
    if (id) $(id).setAttribute("aria-invalid", "true");
  }
  $("decode-built").disabled = builtName === null;
}

// ---------------------------------------------------------------------------------------------
// The address: ?flavor=NAME for the decoder; flavors.scs.community's form keys for the builder
// ---------------------------------------------------------------------------------------------

/** The form keys of flavors.scs.community for a flavor object (`NN` = none). */
function formKeys(f) {
  const q = new URLSearchParams();
  q.set("cpuram.cpus", f.cpus);
  q.set("cpuram.cputype", f.cpu_type);
  if (f.cpu_insecure) q.set("cpuram.cpuinsecure", "on");
  q.set("cpuram.ram", f.ram_gib);
  if (f.ram_no_ecc) q.set("cpuram.raminsecure", "on");
  if (f.ram_oversubscribed) q.set("cpuram.ramoversubscribed", "on");
  if (f.disk) {
    q.set("disk.nrdisks", f.disk.count);
    q.set("disk.disksize", f.disk.size ?? "NN");
    q.set("disk.disktype", f.disk.kind ?? "NN");
    // The old form had no disk without a size; this page marks one so.
    if (f.disk.size === null) q.set("disk.cloudsize", "on");
  }
  if (f.hypervisor) q.set("hype.hype", f.hypervisor);
  if (f.hwv) q.set("hwvirt.hwvirt", "on");
  if (f.cpu_brand) {
    q.set("cpubrand.cpuvendor", f.cpu_brand.vendor);
    q.set("cpubrand.cpugen", f.cpu_brand.generation);
    q.set("cpubrand.perf", "h".repeat(f.cpu_brand.frequency) || "NN");
  }
  if (f.gpu) {
    q.set("gpu.gputype", f.gpu.kind);
    q.set("gpu.brand", f.gpu.vendor);
    q.set("gpu.gen", f.gpu.generation ?? "NN");
    q.set("gpu.cu", f.gpu.units ?? "NN");
    q.set("gpu.perf", "h".repeat(f.gpu.unit_frequency) || "NN");
    q.set("gpu.vram", f.gpu.vram ?? "NN");
    q.set("gpu.vramperf", "h".repeat(f.gpu.vram_bandwidth) || "NN");
  }
  if (f.ib) q.set("ib.ib", "on");
  return q.toString();
}

/** Prefills the builder from flavors.scs.community's form keys, read as its script reads them. */
function prefillBuilder(q) {
  const get = (key) => {
    const v = q.get(key);
    return v === null || v === "NN" ? "" : v.trim();
  };
  // Booleans: on/1/yes/true, as the old script reads them.
  const flag = (key) => /^(on|1|y|t)/i.test(get(key));
  // Table values: exact, else upper case, else lower case.
  const code = (list, value) => [value, value.toUpperCase(), value.toLowerCase()].find((v) => v !== "" && byCode(list, v)) ?? "";
  const setSelect = (id, value) => {
    if (value === "" || [...$(id).options].some((o) => o.value === value)) $(id).value = value;
  };
  $("b-cpus").value = get("cpuram.cpus");
  setSelect("b-cpu-type", code(tables.cpu_types, get("cpuram.cputype")));
  $("b-cpu-insecure").checked = flag("cpuram.cpuinsecure");
  $("b-ram").value = get("cpuram.ram");
  $("b-ram-no-ecc").checked = flag("cpuram.raminsecure");
  $("b-ram-oversubscribed").checked = flag("cpuram.ramoversubscribed");
  const size = get("disk.disksize");
  const hasDisk = (size !== "" && size !== "0") || flag("disk.cloudsize");
  $("b-disk").checked = hasDisk;
  $("b-disk-count").value = get("disk.nrdisks") || "1";
  $("b-disk-size").value = size;
  setSelect("b-disk-type", code(tables.disk_types, get("disk.disktype")));
  setSelect("b-hypervisor", code(tables.hypervisors, get("hype.hype")));
  $("b-hwv").checked = flag("hwvirt.hwvirt");
  setSelect("b-brand-vendor", code(tables.cpu_vendors, get("cpubrand.cpuvendor")));
  fillGenerations();
  setSelect("b-brand-gen", get("cpubrand.cpugen") || "0");
  setSelect("b-brand-freq", get("cpubrand.perf").toLowerCase());
  setSelect("b-gpu-kind", tables.gpu_kinds.some((k) => k.code === get("gpu.gputype")) ? get("gpu.gputype") : "");
  setSelect("b-gpu-vendor", code(tables.gpu_vendors, get("gpu.brand")) || "N");
  fillGenerations();
  const gpuVendor = byCode(tables.gpu_vendors, $("b-gpu-vendor").value);
  setSelect("b-gpu-gen", code(gpuVendor.generations, get("gpu.gen")));
  $("b-gpu-units").value = get("gpu.cu");
  setSelect("b-gpu-unit-freq", get("gpu.perf").toLowerCase());
  $("b-gpu-vram").value = get("gpu.vram");
  setSelect("b-gpu-vram-bw", get("gpu.vramperf").toLowerCase());
  $("b-ib").checked = flag("ib.ib");
}

function decoderUrl() {
  const q = new URLSearchParams();
  q.set("flavor", input.value);
  if (versionSelect.value !== "v3") q.set("version", versionSelect.value);
  history.replaceState(null, "", `?${q}`);
}

// ---------------------------------------------------------------------------------------------
// Audit a cloud: the entry scs-flavor/audit, a separate WebAssembly module loaded on first use
// ---------------------------------------------------------------------------------------------

let auditModule = null;
const loadAudit = () => (auditModule ??= import("./pkg/audit.js"));

// A small example: one flavor with a contradicting extra spec, one without extra specs.
const EXAMPLE = `[
  {"Name": "SCS-2V-4-20s", "VCPUs": 2, "RAM": 4096, "Disk": 20, "Ephemeral": 0, "Is Public": true,
   "Properties": {"scs:cpu-type": "shared-core", "scs:disk0-type": "network", "scs:name-v1": "SCS-2V:4:20s", "scs:name-v2": "SCS-2V-4-20s"}},
  {"Name": "SCS-4V-16", "VCPUs": 4, "RAM": 16000, "Disk": 0, "Ephemeral": 0, "Is Public": true, "Properties": {}},
  {"Name": "m1.small", "VCPUs": 1, "RAM": 2048, "Disk": 20, "Ephemeral": 0, "Is Public": true, "Properties": {}}
]
`;

const auditInput = $("audit-input");
let auditRun = 0;

function showAuditIdle(message) {
  $("audit-status").className = "status";
  $("audit-status").textContent = message;
  $("audit-error").hidden = true;
  $("audit-details").hidden = true;
}

async function runAudit() {
  const run = ++auditRun;
  const text = auditInput.value;
  if (text.trim() === "") {
    showAuditIdle("The result appears here.");
    return;
  }
  const { audit, FlavorAuditError } = await loadAudit();
  if (run !== auditRun) return; // a newer input is being audited
  const status = $("audit-status");
  const error = $("audit-error");
  let r;
  try {
    r = audit(text);
  } catch (e) {
    if (!(e instanceof FlavorAuditError)) throw e;
    status.className = "status bad";
    status.replaceChildren(el("strong", {}, "Cannot read this flavor list."));
    error.hidden = false;
    error.textContent = e.message;
    auditInput.setAttribute("aria-invalid", "true");
    $("audit-details").hidden = true;
    return;
  }
  auditInput.removeAttribute("aria-invalid");
  error.hidden = true;
  const failed = r.tests.filter((t) => t.result === "FAIL");
  const count = (severity) => r.findings.filter((f) => f.severity === severity).length;
  // Findings by flavor (in the crate's order); missing standard flavors listed together.
  const flavors = new Map();
  const missing = { error: [], note: [] };
  for (const f of r.findings) {
    if (f.kind === "standard-flavor-missing" && f.severity in missing) {
      missing[f.severity].push(f.flavor);
      continue;
    }
    if (!flavors.has(f.flavor)) flavors.set(f.flavor, []);
    flavors.get(f.flavor).push(f);
  }
  const plural = (n, word, words = `${word}s`) => `${n} ${n === 1 ? word : words}`;
  status.className = `status ${r.passed ? "good" : "bad"}`;
  status.replaceChildren(
    el("strong", {}, r.passed ? "PASS. " : "FAIL. "),
    `${r.tests.length - failed.length} of ${r.tests.length} test cases pass; ` +
      `${plural(count("error"), "error")}, ${plural(count("warning"), "warning")}, ${plural(count("note"), "note")}; ` +
      `${plural(missing.error.length, "mandatory standard flavor")} and ${plural(missing.note.length, "recommended one")} missing; ` +
      `${plural(r.fixes.length, "extra_specs fix", "extra_specs fixes")}.`,
  );
  $("audit-tests").replaceChildren(
    ...r.tests.map((t) =>
      el("li", { class: t.result === "PASS" ? "pass" : "fail" },
        el("code", {}, `${t.id}: `, el("strong", {}, t.result)),
        t.mandatory ? null : el("span", { class: "kind" }, t.id.startsWith("scs-0103-flavor-") ? " (recommended)" : " (not required for certification)"))),
  );
  $("audit-findings").replaceChildren(
    ...[...flavors].map(([flavor, findings]) =>
      el("div", { class: "flavor-findings" },
        el("h4", {}, el("code", {}, flavor)),
        el("ul", {}, ...findings.map((f) =>
          el("li", { class: f.severity },
            el("span", { class: "severity" }, f.severity), " ",
            el("code", { class: "kind" }, `[${f.test}]`), " ", f.message))))),
  );
  const missingList = (severity, what) =>
    missing[severity].length === 0
      ? null
      : el("li", { class: severity }, el("span", { class: "severity" }, severity), ` ${what}: `,
          ...missing[severity].flatMap((n, i) => [i > 0 ? ", " : null, el("code", {}, n)]));
  if (missing.error.length + missing.note.length > 0) {
    $("audit-findings").append(
      el("div", { class: "flavor-findings", id: "audit-missing" },
        el("h4", {}, "Missing standard flavors (scs-0103, looked up by scs:name-v2, then by name)"),
        el("ul", {}, missingList("error", "mandatory"), missingList("note", "recommended"))),
    );
  }
  if (r.findings.length === 0) $("audit-findings").replaceChildren(el("p", {}, "No findings."));
  $("audit-fix-script").textContent = r.fixScript;
  $("audit-fixes").hidden = r.fixes.length === 0;
  $("audit-copy-fixes").hidden = r.fixes.length === 0;
  $("audit-fixes-note").textContent = r.fixes.length === 0
    ? "Nothing to fix in the extra_specs."
    : "Review, then run with admin rights. They set or delete scs:* extra specs so that every check extra specs can satisfy passes.";
  $("audit-text").textContent = r.text;
  $("audit-details").hidden = false;
}

auditInput.addEventListener("focus", loadAudit, { once: true });
auditInput.addEventListener("input", () => runAudit());
$("auditor").addEventListener("submit", (e) => e.preventDefault());
$("audit-file").addEventListener("change", async (e) => {
  const file = e.target.files[0];
  if (!file) return;
  auditInput.value = await file.text(); // read here; nothing is uploaded
  runAudit();
});
$("audit-example").addEventListener("click", () => {
  auditInput.value = EXAMPLE;
  runAudit();
});
$("audit-clear").addEventListener("click", () => {
  auditInput.value = "";
  $("audit-file").value = "";
  runAudit();
  auditInput.focus();
});

// ---------------------------------------------------------------------------------------------
// Wiring
// ---------------------------------------------------------------------------------------------

input.addEventListener("input", () => {
  decode();
  decoderUrl();
});
versionSelect.addEventListener("change", () => {
  decode();
  decoderUrl();
});
$("decoder").addEventListener("submit", (e) => e.preventDefault());
$("builder").addEventListener("submit", (e) => e.preventDefault());
$("builder").addEventListener("input", () => build());
$("builder").addEventListener("change", () => build());
$("decode-built").addEventListener("click", () => {
  if (builtName === null) return;
  input.value = builtName;
  decode();
  decoderUrl();
  input.focus();
  $("decode").scrollIntoView({ block: "start" });
});
for (const b of document.querySelectorAll("button.copy")) {
  const label = b.textContent;
  b.addEventListener("click", async () => {
    const source = $(b.dataset.copy);
    try {
      await navigator.clipboard.writeText(source.textContent);
      b.textContent = "Copied";
    } catch {
      // No clipboard access: select the text so that Ctrl+C copies it.
      if (!source.closest("[hidden]")) getSelection().selectAllChildren(source);
      b.textContent = "Copy failed: press Ctrl+C";
    }
    setTimeout(() => (b.textContent = label), 1500);
  });
}

const query = new URLSearchParams(location.search);
const version = query.get("version");
if (version !== null && tables.strategies.includes(version === "latest" ? "v3" : version)) {
  versionSelect.value = version === "latest" ? "v3" : version;
}
if (query.has("cpuram.cpus")) {
  prefillBuilder(query);
  build({ updateUrl: false });
  decode();
  $("build").scrollIntoView({ block: "start" });
  $("b-cpus").focus({ preventScroll: true });
} else {
  build({ updateUrl: false });
  input.value = query.get("flavor") ?? "";
  decode();
  input.focus();
}
document.body.classList.add("ready");

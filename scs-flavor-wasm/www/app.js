// The flavor-name page: a decoder (live, as you type) and a builder (a form generated from the
// core's tables). All reading, validation, messages and tables come from the scs-flavor package;
// this file only lays them out. No framework, no requests beyond this origin.
import {
  init, check, parse, explain, render, describe, spec, lookup, tables, FlavorBuildError,
} from "./pkg/index.js";

await init(); // loads the WebAssembly module (pkg/scs_flavor_wasm_bg.wasm)

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
/** The rows of the core's table `id` (every label and meaning on this page comes from them). */
const rows = (id) => tables.tables.find((t) => t.id === id)?.entries ?? [];
// The strategy table lists the strategies in order, the current one (the API's default) last.
const DEFAULT_STRATEGY = rows("strategy").at(-1).code;
for (const s of rows("strategy")) {
  versionSelect.append(el("option", { value: s.code, selected: s.code === DEFAULT_STRATEGY, title: s.meaning }, s.code));
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
  versionSelect.title = rows("strategy").find((e) => e.code === version)?.meaning ?? "";
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

function field(id, label, control) {
  return el("div", { class: "field" }, el("label", { for: id }, label), control);
}

function checkbox(id, label) {
  return el("div", { class: "field check" }, el("input", { id, type: "checkbox" }), el("label", { for: id }, label));
}

function options(entries, { none = null, value = (e) => e.code } = {}) {
  return [...(none === null ? [] : [el("option", { value: "" }, none)]), ...entries.map((e, i) => el("option", { value: value(e, i) }, entryLabel(e)))];
}

// The form follows the core's field list: one control per property of the flavor object, its
// id made from the property's path, its kind deciding the control; a part (`disk`,
// `cpu_brand`, `gpu`) gets a checkbox that gives the object that part.
const fieldId = (path) => `b-${path.replace(/[._]/g, "-")}`;
const partOf = (path) => (path.includes(".") ? path.split(".")[0] : "");
const PARTS = { "": "CPU, RAM and extensions", disk: "Root disk", cpu_brand: "CPU brand", gpu: "GPU" };
const flagEntry = (path) => rows("flag").find((e) => e.name === path);
// A frequency property's table is the one with its title.
const frequencyTable = (f) => tables.tables.find((t) => t.title.toLowerCase() === f.title.toLowerCase());
// A generation's table is the one of the vendor chosen in the same part.
const generationRows = (f) => {
  const part = partOf(f.path);
  const vendor = $(fieldId(`${part}.vendor`)).value;
  return rows(`${part === "gpu" ? "gpu" : "cpu"}-generation-${vendor}`);
};

function control(f) {
  const id = fieldId(f.path);
  const label = f.title[0].toUpperCase() + f.title.slice(1);
  const none = f.optional ? "not given" : null;
  switch (f.kind) {
    case "flag": {
      const e = flagEntry(f.path);
      return checkbox(id, e ? `${e.code} — ${e.meaning}` : label);
    }
    case "count":
    case "half-gib":
      return field(id, label, el("input", {
        id, type: "number", min: f.kind === "count" ? "1" : "0.5", step: f.kind === "count" ? "1" : "0.5",
        inputmode: f.kind === "count" ? "numeric" : "decimal", placeholder: none ?? "",
      }));
    case "table":
      return field(id, label, el("select", { id }, ...options(rows(f.table), { none: f.optional ? "not specified" : null })));
    case "frequency":
      return field(id, label, el("select", { id }, ...options(frequencyTable(f).entries.slice(0, f.max + 1))));
    default: // generation: filled when the vendor is chosen
      return field(id, label, el("select", { id }));
  }
}

const fieldsets = new Map();
for (const f of tables.fields) {
  const part = partOf(f.path);
  if (!fieldsets.has(part)) {
    const set = el("fieldset", {}, el("legend", {}, PARTS[part] ?? part));
    if (part !== "") set.append(checkbox(fieldId(part), `Include: ${PARTS[part] ?? part}`));
    fieldsets.set(part, set);
  }
  fieldsets.get(part).append(control(f));
}
$("builder").querySelector(".fieldsets").append(...fieldsets.values());

/** Sets the form to a flavor object (the core's builder form, as `parse` returns it). */
function setForm(flavor) {
  for (const part of fieldsets.keys()) if (part !== "") $(fieldId(part)).checked = flavor[part] !== null;
  for (const f of tables.fields) {
    const part = partOf(f.path);
    const value = part === "" ? flavor[f.path] : flavor[part]?.[f.path.slice(part.length + 1)];
    const c = $(fieldId(f.path));
    if (f.kind === "generation") fillGenerations();
    if (f.kind === "flag") c.checked = value === true;
    else if (f.kind === "frequency") c.value = "h".repeat(value ?? 0);
    else if (value !== undefined) c.value = value ?? "";
  }
}

function fillGenerations() {
  for (const f of tables.fields.filter((x) => x.kind === "generation")) {
    const c = $(fieldId(f.path));
    const keep = c.value;
    const cpu = partOf(f.path) !== "gpu";
    c.replaceChildren(...options(generationRows(f), { none: f.optional ? "not given" : null, value: (e, i) => (cpu ? String(i) : e.code) }));
    if ([...c.options].some((o) => o.value === keep)) c.value = keep;
  }
}

function syncEnabled() {
  for (const f of tables.fields) {
    const part = partOf(f.path);
    $(fieldId(f.path)).disabled = part !== "" && !$(fieldId(part)).checked;
  }
}

/** The builder form as the flavor object that render() takes; the core checks every value. */
function formFlavor() {
  const flavor = {};
  for (const part of fieldsets.keys()) if (part !== "") flavor[part] = $(fieldId(part)).checked ? {} : null;
  for (const f of tables.fields) {
    const part = partOf(f.path);
    const target = part === "" ? flavor : flavor[part];
    if (target === null) continue;
    const c = $(fieldId(f.path));
    const raw = c.value.trim();
    let value;
    if (f.kind === "flag") value = c.checked;
    else if (f.kind === "frequency") value = raw.length;
    else if (f.kind === "count" || f.kind === "half-gib") value = raw === "" ? null : Number(raw);
    else if (f.kind === "generation" && part !== "gpu") value = Number(raw);
    else value = raw === "" ? null : raw;
    target[part === "" ? f.path : f.path.slice(part.length + 1)] = value;
  }
  return flavor;
}

// The form starts from the standard flavors: the first with a root disk fills the disk's
// fields, the first (a mandatory one) everything else.
setForm(parse(tables.standard_flavors.find((f) => f.disk !== null).name));
setForm(parse(tables.standard_flavors[0].name));

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
    if (!(e instanceof FlavorBuildError)) throw e;
    builtName = null;
    for (const id of outputs) $(id).textContent = "—";
    error.hidden = false;
    error.textContent = `Not a valid flavor: ${e.message}`;
    if (e.field) $(fieldId(e.field))?.setAttribute("aria-invalid", "true");
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
  // Table values by the core's lookup rule; null when unknown or empty.
  const code = (table, key) => {
    try {
      return get(key) === "" ? null : lookup(table, get(key)).code;
    } catch {
      return null;
    }
  };
  const num = (key) => (get(key) === "" ? null : Number(get(key)));
  const size = get("disk.disksize");
  const cpuVendor = code("cpu-vendor", "cpubrand.cpuvendor");
  const gpuKind = code("gpu-kind", "gpu.gputype");
  const gpuVendor = code("gpu-vendor", "gpu.brand") ?? rows("gpu-vendor")[0].code;
  setForm({
    cpus: num("cpuram.cpus"), cpu_type: code("cpu-type", "cpuram.cputype"), cpu_insecure: flag("cpuram.cpuinsecure"),
    ram_gib: num("cpuram.ram"), ram_no_ecc: flag("cpuram.raminsecure"), ram_oversubscribed: flag("cpuram.ramoversubscribed"),
    disk: (size !== "" && size !== "0") || flag("disk.cloudsize")
      ? { count: num("disk.nrdisks") ?? 1, size: num("disk.disksize"), kind: code("disk-type", "disk.disktype") }
      : null,
    hypervisor: code("hypervisor", "hype.hype"), hwv: flag("hwvirt.hwvirt"),
    cpu_brand: cpuVendor === null ? null : { vendor: cpuVendor, generation: num("cpubrand.cpugen") ?? 0, frequency: get("cpubrand.perf").length },
    gpu: gpuKind === null ? null : {
      kind: gpuKind, vendor: gpuVendor, generation: code(`gpu-generation-${gpuVendor}`, "gpu.gen"), units: num("gpu.cu"),
      unit_frequency: get("gpu.perf").length, vram: num("gpu.vram"), vram_bandwidth: get("gpu.vramperf").length,
    },
    ib: flag("ib.ib"),
  });
}

function decoderUrl() {
  const q = new URLSearchParams();
  q.set("flavor", input.value);
  if (versionSelect.value !== DEFAULT_STRATEGY) q.set("version", versionSelect.value);
  history.replaceState(null, "", `?${q}`);
}

// ---------------------------------------------------------------------------------------------
// Audit a cloud: the entry scs-flavor/audit, a separate WebAssembly module loaded on first use
// ---------------------------------------------------------------------------------------------

let auditModule = null;
const loadAudit = () => (auditModule ??= import("./pkg/audit.js").then(async (m) => {
  await m.init(); // its own WebAssembly module, pkg/scs_flavor_audit_bg.wasm
  return m;
}));

/**
 * A small example cloud made from the core's standard flavors: one with the extra specs of its
 * name but a contradicting disk type, one with too little RAM and no extra specs, one not SCS.
 */
function example() {
  const std = tables.standard_flavors.filter((f) => f.level === "mandatory");
  const nova = (f, ramMib, properties) => ({ Name: f.name, VCPUs: f.vcpus, RAM: ramMib, Disk: f.disk?.size_gb ?? 0, Ephemeral: 0, "Is Public": true, Properties: properties });
  const withDisk = std.find((f) => f.disk?.kind);
  const properties = Object.fromEntries(Object.entries(spec(withDisk.name)).filter(([k]) => k.includes(":")));
  const diskTypes = rows("disk-type");
  const own = diskTypes.find((e) => e.code === withDisk.disk.kind).name;
  const key = Object.keys(properties).find((k) => properties[k] === own);
  properties[key] = diskTypes.find((e) => e.name !== own).name;
  const noDisk = std.find((f) => f.disk === null && f.vcpus > 2);
  const lines = [nova(withDisk, withDisk.ram_gib * 1024, properties), nova(noDisk, noDisk.ram_gib * 1000, {}),
    { Name: "m1.small", VCPUs: 1, RAM: 2048, Disk: 20, Ephemeral: 0, "Is Public": true, Properties: {} }];
  return `[\n${lines.map((l) => `  ${JSON.stringify(l)}`).join(",\n")}\n]\n`;
}

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
  status.className = `status ${r.certified ? "good" : "bad"}`;
  status.replaceChildren(
    el("strong", {}, r.summary),
    el("br"),
    `${r.tests.length - failed.length} of ${r.tests.length} test cases pass; ` +
      `${plural(count("error"), "error")}, ${plural(count("warning"), "warning")}, ${plural(count("note"), "note")}; ` +
      `${plural(missing.error.length, "mandatory standard flavor")} and ${plural(missing.note.length, "recommended one")} missing; ` +
      `${plural(r.fixes.length, "extra_specs fix", "extra_specs fixes")}.`,
  );
  $("audit-tests").replaceChildren(
    ...r.tests.map((t) =>
      el("li", { class: t.result === "PASS" ? "pass" : "fail" },
        el("code", {}, `${t.id}: `, el("strong", {}, t.result)),
        el("span", { class: "kind" }, ` (${t.class})`))),
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
  auditInput.value = example();
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
try {
  if (query.has("version")) versionSelect.value = lookup("strategy", query.get("version")).code;
} catch {
  // an unknown strategy: keep the default
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

// Compiled (not run) by types.test.mjs with `tsc --noEmit --strict`: the hand-kept index.d.ts
// must describe the API as the tests use it, and reject what it should.
import {
  parse, check, render, build, shorten, toV1, canonical, describe, explain, spec, tables, lookup,
  FlavorNameError, FlavorBuildError, init, initSync,
  type Flavor, type CheckResult, type Part, type Spec, type Tables, type Entry, type Field,
} from "../pkg/index.js";

// Loading: init() is a promise (a URL, bytes or nothing); initSync takes bytes or a module.
const loading: Promise<void> = init();
void init(new URL("https://example.org/scs_flavor_wasm_bg.wasm"));
void init(new Uint8Array(8));
initSync(new Uint8Array(8));
// @ts-expect-error initSync needs the module
initSync();
// @ts-expect-error init takes a source or nothing, not null
void init(null);
void loading;

const f: Flavor = parse("SCS-2V-4", { version: "v2/v1" });
const cpus: number = f.cpus;
const kind: "n" | "h" | "s" | "p" | null | undefined = f.disk?.kind;
const gen: string | null | undefined = f.gpu?.generation;
const name: string = render({ cpus: 2, cpu_type: "V", ram_gib: 4, disk: { size: 10 } }, { syntax: "v1", short: true });
const built: Flavor = build({ cpus: 2, cpu_type: "C", ram_gib: 0.5, gpu: { kind: "G", vendor: "N", units: 8 } });
const r: CheckResult = check("SCS-2V-4");
if (r.status === "valid") {
  const s: string = r.short;
  const w: string[] = r.warnings.map((x) => x.kind);
  const d: number | undefined = r.spec?.cpus;
  void [s, w, d];
} else if (r.status === "invalid") {
  const start: number = r.error.start;
  void start;
}
const parts: Part[] = explain("SCS-2V-4");
const sp: Spec | null = spec("SCS-2V-4");
const t: Readonly<Tables> = tables;
const firstGen: string | undefined = t.tables.find((x) => x.id === "cpu-generation-i")?.entries[0]?.name;
const row: Entry = lookup("hypervisor", "bare metal");
const aliases: string[] = row.aliases;
const fieldTables: string[] = t.fields.flatMap((x: Field) => (x.kind === "table" ? [x.table] : []));
const level: "mandatory" | "recommended" | undefined = t.standard_flavors[0]?.level;
// @ts-expect-error the tables export has no cpu_types (tables are listed by id)
void t.cpu_types;
const strings: string[] = [shorten("SCS-2V-4"), toV1("SCS-2V-4"), canonical("SCS-2V-4"), describe("SCS-2V-4")];
try {
  parse("x");
} catch (e) {
  if (e instanceof FlavorNameError) {
    const k: string = e.kind;
    const span: [number, number] = [e.start, e.end];
    void [k, span];
  } else if (e instanceof FlavorBuildError) {
    const field: string | null = e.field;
    const k: string | null = e.kind;
    void [field, k];
  }
}
// @ts-expect-error cpu_type must be one of L, V, T, C
render({ cpus: 2, cpu_type: "X", ram_gib: 4 });
// @ts-expect-error ram_gib is required
render({ cpus: 2, cpu_type: "V" });
// @ts-expect-error a GPU needs its vendor
render({ cpus: 2, cpu_type: "V", ram_gib: 4, gpu: { units: 8 } });
// @ts-expect-error syntax is v1 or v2
render(f, { syntax: "v3" });
void [cpus, kind, gen, name, built, parts, sp, firstGen, strings, aliases, fieldTables, level];

// The entry scs-flavor/audit.
import {
  audit, plan, select, requirementKeys, FlavorAuditError, init as initAudit,
  type AuditResult, type Selection, type Requirements, type AuditFix, type PlanResult, type PlanChange,
} from "../pkg/audit.js";

const report: AuditResult = audit('[{"Name": "SCS-2V-4", "VCPUs": 2, "RAM": 4096, "Disk": 0}]');
const decoded: AuditResult = audit([{ Name: "SCS-2V-4", VCPUs: 2, RAM: 4096, Disk: 0, Properties: {} }]);
const nova: AuditResult = audit({ flavors: [{ name: "SCS-2V-4", vcpus: 2, ram: 4096, disk: 0 }] });
const passed: boolean = report.passed;
const lines: string[] = report.tests.map((t) => `${t.id}: ${t.result}`);
const severities: ("error" | "warning" | "note")[] = report.findings.map((f) => f.severity);
const fix: AuditFix | undefined = report.fixes[0];
const setValue: string | undefined = fix?.value;
const script: string = report.fixScript + report.text;
const need: Requirements = { cpus: 2, ram_gib: 8, disk_type: "ssd", cpu_vendor: "z", arch: "x86-64", ecc: true };
const chosen: Selection = select(["SCS-2V-8-20s", "SCS-4V-16"], need);
const fromCloud: Selection = select(decoded.text, { cpu_type: "V" });
const best: string | undefined = chosen.matches[0]?.name;
const cost: number | undefined = chosen.matches[0]?.excess.vcpus;
const why: string[] | undefined = fromCloud.rejected[0]?.reasons;
const keys: readonly (keyof Requirements)[] = requirementKeys;
const planned: PlanResult = plan(decoded.text, { prune: true });
const change: PlanChange | undefined = planned.changes[0];
const kinds: ("create" | "properties" | "recreate" | "delete" | "decide")[] = planned.changes.map((c) => c.kind);
const created: number | undefined = change?.create?.ram_mib;
const planScript: string = planned.openstackScript + planned.text + plan([]).text;
void [change, kinds, created, planScript];
// @ts-expect-error an unknown plan option
plan("[]", { purge: true });
try {
  audit("[");
} catch (e) {
  if (e instanceof FlavorAuditError) {
    const where: [number | null, string | null, string | null, string] = [e.index, e.flavor, e.field, e.detail];
    void where;
  }
}
// @ts-expect-error an unknown requirement key
select(["SCS-2V-4"], { cores: 2 });
// @ts-expect-error requirement values are numbers, strings or booleans
select(["SCS-2V-4"], { cpus: [2] });
// @ts-expect-error the result has no `best` field
void chosen.best;
// @ts-expect-error a fix's action is set or unset
const wrong: "delete" = report.fixes[0]!.action;
const w0 = check("SCS-04V-8");
if (w0.status === "valid") {
  const spans: number[] = w0.warnings.flatMap((w) => [w.start, w.end]);
  void spans;
}
void [nova, passed, lines, severities, setValue, script, best, cost, why, keys, wrong];
const auditLoading: Promise<void> = initAudit();
void auditLoading;

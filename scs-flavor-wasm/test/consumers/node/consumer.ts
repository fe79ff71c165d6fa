// Type-checked (not run) with tsc --noEmit as a TypeScript user of the installed package would:
// tsconfig.json with node16+ module resolution, tsconfig.bundler.json as for Vite/webpack.
import { init, check, parse, render, tables, FlavorNameError, type CheckResult, type Flavor } from "scs-flavor";
import { init as initAudit, audit, select, type AuditResult, type Selection } from "scs-flavor/audit";

await init();
await initAudit();
const r: CheckResult = check("SCS-2V-4-20s", { version: "v3" });
const name: string | undefined = r.status === "valid" ? r.name : undefined;
const f: Flavor = parse("SCS-2V-4");
const rebuilt: string = render(f, { syntax: "v1", short: true });
const ids: string[] = tables.tables.map((t) => t.id);
const a: AuditResult = audit([{ Name: "SCS-2V-4", VCPUs: 2, RAM: 4096, Disk: 0, Properties: {} }]);
const s: Selection = select(["SCS-2V-4"], { cpus: 2, ram_gib: 4 });
try {
  parse("m1.large");
} catch (e) {
  if (e instanceof FlavorNameError) console.log(e.kind, e.start, e.end);
}
// @ts-expect-error a name is a string
check(42);
// @ts-expect-error no such option
check("SCS-2V-4", { strategy: "v3" });
// @ts-expect-error no such requirement
select(["SCS-2V-4"], { vcpus: 2 });
console.log(name, rebuilt, ids, a.passed, s.matches);

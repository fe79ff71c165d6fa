// Compiled (not run) by types.test.mjs with `tsc --noEmit --strict`: the hand-kept index.d.ts
// must describe the API as the tests use it, and reject what it should.
import {
  parse, check, render, build, shorten, toV1, canonical, describe, explain, spec, tables,
  FlavorNameError, FlavorBuildError,
  type Flavor, type CheckResult, type Part, type Spec, type Tables,
} from "../pkg/index.js";

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
const firstGen: string | undefined = t.cpu_vendors[0]?.generations[0]?.name;
const strings: string[] = [shorten("SCS-2V-4"), toV1("SCS-2V-4"), canonical("SCS-2V-4"), describe("SCS-2V-4")];
try {
  parse("x");
} catch (e) {
  if (e instanceof FlavorNameError) {
    const k: string = e.kind;
    const span: [number, number] = [e.start, e.end];
    void [k, span];
  } else if (e instanceof FlavorBuildError) {
    const field: string = e.field;
    void field;
  }
}
// @ts-expect-error cpu_type must be one of L, V, T, C
render({ cpus: 2, cpu_type: "X", ram_gib: 4 });
// @ts-expect-error ram_gib is required
render({ cpus: 2, cpu_type: "V" });
// @ts-expect-error a GPU needs its kind and vendor
render({ cpus: 2, cpu_type: "V", ram_gib: 4, gpu: { units: 8 } });
// @ts-expect-error syntax is v1 or v2
render(f, { syntax: "v3" });
void [cpus, kind, gen, name, built, parts, sp, firstGen, strings];

// Types of the entry `scs-flavor/audit` (hand-kept next to audit.js and src/audit.rs).
import type { CpuTypeCode, CpuVendorCode, DiskTypeCode, GpuVendorCode, WasmSource } from "./index.js";


/**
 * A cloud's flavor list as `audit` and `select` read it: the JSON text or the decoded value of
 * `openstack flavor list --long -f json` (an array of `{Name, VCPUs, RAM, Disk, Properties}`;
 * `Properties` a mapping or the older string form `k='v', k2='v2'`), of `openstack flavor show
 * -f json` (one object or an array; lower-case keys, `properties`), or the Nova API's
 * `{flavors: [...]}` (`extra_specs`). Other keys are ignored.
 */
export type FlavorList = string | readonly CloudFlavorInput[] | CloudFlavorInput | { flavors: readonly CloudFlavorInput[] };

/** One flavor of a flavor list (either key spelling; RAM in MiB, disk in GB). */
export interface CloudFlavorInput {
  [key: string]: unknown;
}

/** One test case, as the official runner prints it (`id: PASS`). */
export interface AuditTest {
  /** e.g. `"scs-0100-syntax-check"`, `"scs-0103-flavor-2v-4-20s"`. */
  id: string;
  result: "PASS" | "FAIL";
  /** Whether certification requires it. */
  mandatory: boolean;
  /** Whether the official runner has this test case. */
  official: boolean;
  /** `"mandatory"` (official and mandatory: a failure blocks certification), `"recommended"` (official, not mandatory) or `"ours"` (not in the official suite). */
  class: "mandatory" | "recommended" | "ours";
}

/** One reason of the audit. */
export interface AuditFinding {
  /** The flavor's name (for a missing standard flavor: its standard name). */
  flavor: string;
  /** The test case it belongs to. */
  test: string;
  /** Only errors make a test case fail. */
  severity: "error" | "warning" | "note";
  /** Stable kebab-case code, e.g. `"ram-overpromise"`, `"standard-flavor-missing"`, `"cpu-type-mismatch"`. */
  kind: string;
  message: string;
}

/** One `extra_specs` change with its ready-to-run command. */
export interface AuditFix {
  flavor: string;
  action: "set" | "unset";
  /** e.g. `"scs:cpu-type"`. */
  key: string;
  /** The value to set; absent for `unset`. */
  value?: string;
  /** `openstack flavor set --property K=V NAME` / `openstack flavor unset --property K NAME`, shell-quoted. */
  command: string;
}

/** The result of `audit`: the Rust crate's `Audit`, plus its text report and fix script. */
export interface AuditResult {
  /** No error (missing recommended flavors, warnings and notes do not count). */
  passed: boolean;
  /** Syntax, semantics, extra specs, then one per standard flavor of scs-0103. */
  tests: AuditTest[];
  /** Per flavor in input order, then the standard flavors'. */
  findings: AuditFinding[];
  /** By flavor in input order, then by key. */
  fixes: AuditFix[];
  /** The text report of `scs-flavor audit`: one `id: PASS|FAIL` line per test, then the findings by flavor. */
  text: string;
  /** The fix commands, one per line (empty when there is nothing to fix). */
  fixScript: string;
  /** The report's last line: whether the official mandatory test cases pass, which fail, and how many others fail without blocking. */
  summary: string;
  /** No mandatory test case of the official suite fails (what certification decides; `scs-flavor audit` exits 0). */
  certified: boolean;
}

/** A flavor list that cannot be read. */
export class FlavorAuditError extends Error {
  name: "FlavorAuditError";
  /** Index (from 0) of the offending entry; null when the problem is the whole input. */
  index: number | null;
  /** The entry's name, when it has one. */
  flavor: string | null;
  /** The offending field (`"RAM"`, `"Properties"`, …), when known. */
  field: string | null;
  /** The message without the entry and field, as the crate's record has it. */
  detail: string;
}

/**
 * What a workload needs, for `select`. Keys are those of the Rust crate's `Requirements`
 * (`requirementKeys`); absent, `undefined` or `null` = no requirement. The object is read by
 * the crate's `Requirements` deserializer: numbers, `true`/`false`, table values by code, name
 * or alias (the core's lookup rule).
 */
export interface Requirements {
  /** At least this many vCPUs. */
  cpus?: number | string | null;
  /** At least this CPU type: `L` < `V` < `T` < `C`, or `"crowded-core"` … `"dedicated-core"`. */
  cpu_type?: CpuTypeCode | "crowded-core" | "shared-core" | "dedicated-thread" | "dedicated-core" | (string & {}) | null;
  /** vCPUs protected against CPU vulnerabilities (no `i`). */
  secure_cpu?: boolean | string | null;
  /** At least this much RAM in GiB. */
  ram_gib?: number | string | null;
  /** ECC RAM (no `u`). */
  ecc?: boolean | string | null;
  /** RAM not oversubscribed (no `o`). */
  no_oversubscription?: boolean | string | null;
  /** A root disk of at least this many GB. */
  disk_gb?: number | string | null;
  /** At least this disk type: `n` < `h` < `s` < `p`, or `"network"`, `"hdd"`, `"ssd"`, `"nvme"`. */
  disk_type?: DiskTypeCode | "network" | "hdd" | "ssd" | "nvme" | (string & {}) | null;
  /** No root disk (boot from a volume). */
  no_disk?: boolean | string | null;
  /** `"x86-64"`, `"arm"` or `"riscv"` (a name without CPU brand is x86-64). */
  arch?: "x86-64" | "arm" | "riscv" | (string & {}) | null;
  /** The CPU vendor, by code or name (`"z"` or `"amd"`); the name must state it. */
  cpu_vendor?: CpuVendorCode | "intel" | "amd" | "arm" | "riscv" | (string & {}) | null;
  /** This hypervisor, by code or name (`"bms"` or `"bare metal"`); the name must state it. */
  hypervisor?: "kvm" | "xen" | "vmw" | "hyv" | "bms" | "chy" | (string & {}) | null;
  /** A GPU (implied by the other GPU keys). */
  gpu?: boolean | string | null;
  /** A GPU of this vendor, by code or name (`"N"` or `"nvidia"`). */
  gpu_vendor?: GpuVendorCode | "nvidia" | "amd" | "intel" | (string & {}) | null;
  /** At least this many GPU compute units (SMs / CUs / EUs). */
  gpu_units?: number | string | null;
  /** At least this much GPU VRAM in GiB. */
  gpu_vram_gib?: number | string | null;
  /** Infiniband (`_ib`). */
  infiniband?: boolean | string | null;
  /** Bare metal (`_bms`). */
  bare_metal?: boolean | string | null;
  /** Hardware (nested) virtualisation (`_hwv`). */
  hwv?: boolean | string | null;
}

/** What a match offers beyond the requirements. */
export interface Excess {
  vcpus: number;
  ram_gib: number;
  disk_gb: number;
  cpu_type_steps: number;
  disk_type_steps: number;
  /** Costly features not asked for: `"gpu"`, `"bare-metal"`, `"infiniband"`, `"hwv"`. */
  extras: string[];
}

/** A flavor that satisfies the requirements. */
export interface SelectMatch {
  /** The name as given (the cloud's flavor name for a flavor list). */
  name: string;
  /** The canonical SCS name it was judged by. */
  flavor: string;
  /** Over-provisioning cost in thousandths of a vCPU: lower is better, 0 = exact fit. */
  cost: number;
  excess: Excess;
}

/** A flavor that does not satisfy the requirements, and why. */
export interface SelectRejection {
  name: string;
  /** One sentence per unmet requirement (or why the name could not be judged). */
  reasons: string[];
}

/** The result of `select`. */
export interface Selection {
  /** Cheapest first (then by name). */
  matches: SelectMatch[];
  /** In input order. */
  rejected: SelectRejection[];
}

/** What `plan` may do beyond creating mandatory flavors and fixing extra specs (absent: false). */
export interface PlanOptions {
  /** Also create the missing recommended standard flavors. */
  recommended?: boolean;
  /** Delete and re-create flavors whose vCPUs, RAM or disk contradict their name. */
  recreate?: boolean;
  /** Delete public flavors whose `SCS-` name is invalid. */
  prune?: boolean;
}

/** A flavor to create. */
export interface NewFlavor {
  vcpus: number;
  /** RAM in MiB (1024 × GiB). */
  ram_mib: number;
  /** Root disk in GB (0: none). */
  disk_gb: number;
  public: boolean;
  /** The extra specs to set. */
  properties: Record<string, string>;
}

/** One change of a plan. */
export interface PlanChange {
  /** `decide`: nothing is done, an operator must choose (`recreate`, `prune`). */
  kind: "create" | "properties" | "recreate" | "delete" | "decide";
  /** The flavor's name. */
  flavor: string;
  /** The flavor's ID (absent for a flavor to create, or an input without IDs). */
  id?: string;
  /** What is done, in English. */
  what: string;
  /** The audit's findings it answers. */
  why: string[];
  /** For `create` and `recreate`. */
  create?: NewFlavor;
  /** For `properties`: the extra specs to set. */
  set?: Record<string, string>;
  /** For `properties`: the extra specs to delete. */
  unset?: string[];
}

/** The result of `plan`: the Rust crate's `Plan`, plus its text and `openstack` script. */
export interface PlanResult {
  /** In the order `scs-flavor apply` makes them: deletions and re-creations, extra specs, creations, decisions. Empty when nothing is to do. */
  changes: PlanChange[];
  /** What `scs-flavor plan` prints. */
  text: string;
  /** What `scs-flavor plan -o openstack` prints: a shell script of `openstack flavor` commands. */
  openstackScript: string;
}

/**
 * Audits a cloud's flavor list offline: scs-0100 syntax and semantics, the scs-0103 standard
 * flavors, the `scs:*` extra specs, and the commands that fix them.
 * @throws {FlavorAuditError} for input that cannot be read; `TypeError` for a non-JSON value.
 */
export function audit(input: FlavorList): AuditResult;
/**
 * Plans the changes that make the cloud of a flavor list pass every scs-0100 and scs-0103 test
 * case (no cloud is called).
 * @throws {FlavorAuditError} for input that cannot be read, also a list without properties
 * (`openstack flavor list` without `--long`); {RangeError} for bad options.
 */
export function plan(input: FlavorList, options?: PlanOptions): PlanResult;
/**
 * Selects from names (an array of strings) or a flavor list those that satisfy the
 * requirements, cheapest first, and says why the others fail.
 * @throws {RangeError} for an unknown requirement key or a bad value (the crate's message);
 * {FlavorAuditError} for a flavor list that cannot be read.
 */
export function select(namesOrFlavorList: readonly string[] | FlavorList, requirements?: Requirements): Selection;
/**
 * The keys of `Requirements`, from the Rust crate (frozen). Set once the WebAssembly module is
 * loaded: at import under node, after `await init()` in browsers and bundles (`undefined` before).
 */
export let requirementKeys: readonly (keyof Requirements)[];

/**
 * Loads the audit's WebAssembly module (its own, not the one of `scs-flavor`); call it once
 * before `audit` and `select` in browsers and bundles (they throw an `Error` until it has
 * resolved). Later calls return the same promise. By default it fetches
 * `scs_flavor_audit_bg.wasm` beside the package's JS, which Vite and webpack emit as an asset.
 * Under node the module is loaded at import and this resolves at once.
 */
export function init(source?: WasmSource): Promise<void>;
/** Loads the audit's WebAssembly module synchronously from its bytes or a `WebAssembly.Module`. */
export function initSync(source: ArrayBuffer | ArrayBufferView | WebAssembly.Module): void;

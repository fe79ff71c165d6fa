// Types of the npm package `scs-flavor` (hand-kept next to index.js and src/lib.rs).

/** Which syntaxes a check accepts: the `VERSION` of the official checker's `cli.py parse`. */
export type Version = "v1" | "v1/v2" | "v2/v1" | "v2" | "v3" | "latest";

/** Options of the functions that read a name. */
export interface ReadOptions {
  /** Strategy; default `"v3"`. An unknown one throws a `RangeError`. */
  version?: Version | string;
}

/** CPU type letter: `L` crowded-core, `V` shared-core, `T` dedicated-thread, `C` dedicated-core. */
export type CpuTypeCode = "L" | "V" | "T" | "C";
/** Disk type letter: `n` network, `h` HDD, `s` SSD, `p` NVMe. */
export type DiskTypeCode = "n" | "h" | "s" | "p";
/** Hypervisor code (`chy` exists only in the v2/v3 syntax). */
export type HypervisorCode = "kvm" | "xen" | "vmw" | "hyv" | "bms" | "chy";
/** CPU vendor letter: `i` Intel, `z` AMD, `a` ARM, `r` RISC-V. */
export type CpuVendorCode = "i" | "z" | "a" | "r";
/** GPU kind letter: `g` virtual, `G` pass-through. */
export type GpuKindCode = "g" | "G";
/** GPU vendor letter: `N` Nvidia, `A` AMD, `I` Intel. */
export type GpuVendorCode = "N" | "A" | "I";

/** The disk component: `-[count x][size][kind]`. */
export interface Disk {
  /** Number of disks (≥ 1; default 1). */
  count: number;
  /** Size of each disk in GB; null when the cloud chooses. */
  size: number | null;
  /** Disk type; null when unspecified. */
  kind: DiskTypeCode | null;
}

/** The CPU brand extension: `_` vendor [generation] [`h`…]. */
export interface CpuBrand {
  vendor: CpuVendorCode;
  /** Generation number, 0 = old or unspecified (its row in the table `cpu-generation-<vendor>`). */
  generation: number;
  /** Number of `h` (0–3). */
  frequency: number;
}

/** The GPU extension: `_` kind vendor [generation] [`-`units [`h`…]] [`-`vram [`h`…]]. */
export interface Gpu {
  kind: GpuKindCode;
  vendor: GpuVendorCode;
  /** Generation code (`"a"`, `"3.1"`), null when not given. */
  generation: string | null;
  /** SMs / CUs / EUs; null when not given. */
  units: number | null;
  /** Number of `h` after the units (0–2). */
  unit_frequency: number;
  /** Video memory in GiB; null when not given (needs `units` when building). */
  vram: number | null;
  /** Number of `h` after the VRAM (0–2). */
  vram_bandwidth: number;
}

/**
 * A flavor as a plain object: what `parse` returns and `render` takes. The fields are the
 * core crate's `Builder` fields, so a `FlavorBuildError.field` is a path into this object.
 */
export interface Flavor {
  /** Number of vCPUs (≥ 1). */
  cpus: number;
  cpu_type: CpuTypeCode;
  /** `i`: insufficient protection against CPU vulnerabilities. */
  cpu_insecure: boolean;
  /** RAM in GiB, a positive multiple of 0.5. */
  ram_gib: number;
  /** `u`: no ECC. */
  ram_no_ecc: boolean;
  /** `o`: oversubscribed. */
  ram_oversubscribed: boolean;
  disk: Disk | null;
  hypervisor: HypervisorCode | null;
  /** `_hwv`: hardware-accelerated (nested) virtualisation. */
  hwv: boolean;
  cpu_brand: CpuBrand | null;
  gpu: Gpu | null;
  /** `_ib`: Infiniband. */
  ib: boolean;
}

/**
 * What `render` and `build` accept: a `Flavor` where every field but `cpus`, `cpu_type` and
 * `ram_gib` may be left out (and a GPU's `kind`, default pass-through).
 */
export type FlavorInput = Pick<Flavor, "cpus" | "cpu_type" | "ram_gib"> &
  Partial<Omit<Flavor, "cpus" | "cpu_type" | "ram_gib" | "disk" | "cpu_brand" | "gpu">> & {
    disk?: (Partial<Disk>) | null;
    cpu_brand?: (Pick<CpuBrand, "vendor"> & Partial<CpuBrand>) | null;
    gpu?: (Pick<Gpu, "vendor"> & Partial<Gpu>) | null;
  };

/** The scs-0103 spec of a name, keys in the checker's order. */
export interface Spec {
  cpus: number;
  "scs:cpu-type": "crowded-core" | "shared-core" | "dedicated-thread" | "dedicated-core";
  /** GiB. */
  ram: number;
  /** GB; null when the size is left to the cloud; absent without a disk component. */
  disk?: number | null;
  /** `scs:disk0-type` …, `scs:name-v1` …: */
  [key: string]: string | number | null | undefined;
}

/** A warning on a valid name. */
export interface Warning {
  /** Stable code, e.g. `"non-canonical"`, `"tolerated"`, `"rejected-by-official-checker"`. */
  kind: string;
  message: string;
  /** UTF-16 index of the part of the name concerned (`input.slice(start, end)`; the whole name where no part is). */
  start: number;
  end: number;
}

/** An error of an invalid name, in `check`'s result. */
export interface ErrorRecord {
  /** Stable code, e.g. `"cpu-generation"`, `"unexpected"`, `"wrong-syntax"`. */
  kind: string;
  message: string;
  /** UTF-16 index of the offending part's start (`input.slice(start, end)`). */
  start: number;
  end: number;
}

/** The result of `check`: the same fields as one line of the CLI's `-o json`. */
export type CheckResult =
  | { input: string; status: "not-scs" }
  | { input: string; status: "invalid"; error: ErrorRecord }
  | {
      input: string;
      status: "valid";
      /** Only the strategy's tolerated syntax matched. */
      tolerated: boolean;
      /** Canonical v2/v3 name. */
      name: string;
      /** Short name (v2/v3). */
      short: string;
      /** Canonical v1 form. */
      v1: string;
      /** Absent for more disks than the spec lists (deviation D3). */
      spec?: Spec;
      description: string;
      warnings: Warning[];
    };

/** One component of a name, as `explain` returns it. */
export interface Part {
  /** `"prefix"`, `"cpu-ram"`, `"disk"`, `"hypervisor"`, `"hwv"`, `"cpu-brand"`, `"gpu"` or `"ib"`. */
  component: string;
  /** e.g. `"the CPU/RAM part"`. */
  label: string;
  start: number;
  end: number;
  /** The component's text in the name, e.g. `"_i3h"`. */
  text: string;
  /** What it means, in English. */
  meaning: string;
}

/** A row of a value table. */
export interface Entry {
  /** As written in a name: `"T"`, `"s"`, `"bms"`, `"3"`, `"0.95"`, `"hh"`. */
  code: string;
  /** A short name (for the `flag` table: the flavor object's property). */
  name: string;
  meaning: string;
  /** Further names that `lookup` accepts for this row. */
  aliases: string[];
}

/** One value table of the core: `cpu-type`, `disk-type`, `hypervisor`, `cpu-vendor`, `cpu-generation-i` …, `flag`, `strategy`, `level`. */
export interface Table {
  id: string;
  /** What a value of this table is: `"CPU type"`, `"hypervisor"`. */
  title: string;
  entries: Entry[];
}

/** One property of the flavor object, for forms: `path` is what a `FlavorBuildError.field` names. */
export type Field = { path: string; title: string; optional: boolean } & (
  | { kind: "count" | "half-gib" | "flag" | "generation" }
  | { kind: "frequency"; /** The most `h`. */ max: number }
  | { kind: "table"; /** A `Table.id`. */ table: string }
);

/** A standard flavor of scs-0103. */
export interface StandardFlavor {
  name: string;
  level: "mandatory" | "recommended";
  vcpus: number;
  cpu_type: CpuTypeCode;
  ram_gib: number;
  /** `kind` null where the standard leaves the disk type open. */
  disk: { size_gb: number; kind: DiskTypeCode | null } | null;
  /** 0 mandatory, 1 recommended part 1, 2 recommended part 2. */
  table: number;
}

/** The core's tables export: every table of the standard, the standard flavors, the flavor object's fields. */
export interface Tables {
  tables: Table[];
  standard_flavors: StandardFlavor[];
  fields: Field[];
}

/** A name that is invalid or not an SCS flavor name (`kind` `"not-scs"`). */
export class FlavorNameError extends Error {
  name: "FlavorNameError";
  /** Stable code, e.g. `"not-scs"`, `"ram-not-half"`, `"cpu-generation"`. */
  kind: string;
  /** UTF-16 index: `input.slice(start, end)` is the offending part (empty where a part is missing). */
  start: number;
  end: number;
  /** The name that was read. */
  input: string;
}

/** A flavor object (or a value to look up) that the core refuses; the message is the core's. */
export class FlavorBuildError extends Error {
  name: "FlavorBuildError";
  /** Stable code, e.g. `"zero"`, `"ram-not-half"`, `"vram-without-units"`, `"unknown-value"`, `"not-whole"`, `"unknown-field"`. */
  kind: string | null;
  /** Path of the refused property, e.g. `"ram_gib"`, `"disk.size"`, `"gpu.vram"`; null where none is named. */
  field: string | null;
}

/** Reads a name into a flavor object. @throws {FlavorNameError} */
export function parse(name: string, options?: ReadOptions): Flavor;
/** Checks a name as the CLI's `-o json` does; never throws for any name. */
export function check(name: string, options?: ReadOptions): CheckResult;
/** The short name (v2/v3 syntax) of a valid name. @throws {FlavorNameError} */
export function shorten(name: string, options?: ReadOptions): string;
/** The canonical v1 form of a valid name. @throws {FlavorNameError} */
export function toV1(name: string, options?: ReadOptions): string;
/** The canonical v2/v3 form of a valid name. @throws {FlavorNameError} */
export function canonical(name: string, options?: ReadOptions): string;
/** An English description of a valid name. @throws {FlavorNameError} */
export function describe(name: string, options?: ReadOptions): string;
/** The components of a valid name with spans and meanings. @throws {FlavorNameError} */
export function explain(name: string, options?: ReadOptions): Part[];
/** The scs-0103 spec of a valid name; null beyond the disks the spec lists (D3). @throws {FlavorNameError} */
export function spec(name: string, options?: ReadOptions): Spec | null;
/**
 * Builds a flavor object with the core and writes its name: canonical (default) or short, in
 * the v2/v3 syntax (default) or v1. Table values may be given as codes, names or aliases
 * (`hypervisor: "bare metal"`), as `lookup` reads them.
 * @throws {FlavorBuildError} for a refused object or property; `TypeError` for a non-object.
 */
export function render(flavor: FlavorInput, options?: { syntax?: "v1" | "v2"; short?: boolean }): string;
/** Validates a flavor object; returns it with defaults filled in. @throws like `render`. */
export function build(flavor: FlavorInput): Flavor;
/**
 * The row of table `tableId` that `text` names: the code exactly, else a name or alias ignoring
 * case, spaces, `-` and `_` (the core's lookup rule).
 * @throws {FlavorBuildError} (`kind` `"unknown-value"`) for unknown text; `RangeError` for an unknown table.
 */
export function lookup(tableId: string, text: string): Entry;
/**
 * The core's tables export (frozen). Set once the WebAssembly module is loaded: at import under
 * node, after `await init()` in browsers and bundles (`undefined` before).
 */
export let tables: Readonly<Tables>;

/**
 * Where `init` may load the WebAssembly module from: a URL or path, a fetch `Request` or
 * `Response` (or a promise of one), the module's bytes or a compiled `WebAssembly.Module`.
 */
export type WasmSource =
  | string
  | URL
  | Request
  | Response
  | PromiseLike<Response>
  | ArrayBuffer
  | ArrayBufferView
  | WebAssembly.Module;

/**
 * Loads the WebAssembly module; call it once before the other functions in browsers and
 * bundles (they throw an `Error` until it has resolved). Later calls return the same promise.
 * By default it fetches `scs_flavor_wasm_bg.wasm` beside the package's JS, which Vite and
 * webpack emit as an asset. Under node the module is loaded at import and this resolves at once.
 */
export function init(source?: WasmSource): Promise<void>;
/** Loads the WebAssembly module synchronously from its bytes or a compiled `WebAssembly.Module`. */
export function initSync(source: ArrayBuffer | ArrayBufferView | WebAssembly.Module): void;

// The entry `scs-flavor/audit` under node (the `node` condition of the package's "exports"):
// loads the .wasm from the package's files at import, synchronously (no top-level await, so
// that `require("scs-flavor/audit")` works too), then is the browser entry audit.js.
import { readFileSync } from "node:fs";
import { initSync } from "./audit.js";

initSync(readFileSync(new URL("./scs_flavor_audit_bg.wasm", import.meta.url)));

export * from "./audit.js";

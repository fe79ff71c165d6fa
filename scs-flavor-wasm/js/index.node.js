// The entry of the npm package `scs-flavor` under node (the `node` condition of its "exports"):
// loads the .wasm from the package's files at import, synchronously (no top-level await, so
// that `require("scs-flavor")` works too), then is the browser entry index.js.
import { readFileSync } from "node:fs";
import { initSync } from "./index.js";

initSync(readFileSync(new URL("./scs_flavor_wasm_bg.wasm", import.meta.url)));

export * from "./index.js";

// How both entries of the package (`scs-flavor`: index.js, `scs-flavor/audit`: audit.js) load
// their wasm-bindgen module: once, asynchronously from a given source or by default from the
// .wasm beside the entry, or synchronously from bytes; `loaded(exports)` runs once it is in.

/**
 * `init(source)` and `initSync(source)` of the wasm-bindgen glue `raw`, as both entries export
 * them. `init` loads the module once (later calls return the same promise; a failed load may
 * be retried) from `source` — a URL or path string, a `Request`/`Response`, its bytes or a
 * `WebAssembly.Module` — or by default from `wasmUrl()`, the .wasm beside the entry (written as
 * `new URL("./…_bg.wasm", import.meta.url)` in the entry itself, so that bundlers emit it as an
 * asset). `initSync` loads it synchronously from its bytes or a compiled `WebAssembly.Module`.
 * Under node the entries load the module at import, and `init` then resolves at once.
 */
export function loader(raw, wasmUrl, loaded) {
  let ready = false;
  let loading = null;
  const done = (exports) => {
    ready = true;
    loaded(exports);
  };
  return {
    init(source) {
      if (ready) return Promise.resolve();
      loading ??= raw.default({ module_or_path: source ?? wasmUrl() }).then(done, (e) => {
        loading = null;
        throw e;
      });
      return loading;
    },
    initSync(source) {
      if (ready) return;
      done(raw.initSync({ module: source }));
    },
  };
}

// The hand-kept TypeScript types (pkg/index.d.ts) compile against their use in
// test/types-check.ts, with `strict`, as a consumer on node16+ module resolution would see them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(new URL("..", import.meta.url));

test("index.d.ts type-checks its use, and rejects misuse", () => {
  const tsc = fileURLToPath(new URL("../node_modules/typescript/bin/tsc", import.meta.url));
  try {
    execFileSync(
      process.execPath,
      [tsc, "--noEmit", "--strict", "--module", "nodenext", "--moduleResolution", "nodenext", "--target", "es2022", "test/types-check.ts"],
      { cwd: here, encoding: "utf8", stdio: "pipe" },
    );
  } catch (e) {
    assert.fail(`tsc failed:\n${e.stdout}${e.stderr}`);
  }
});

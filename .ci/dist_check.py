"""Checks the artefacts in dist/ (see scripts/dist.sh) without installing them: each carries the
workspace version, the repository's license file and complete metadata.

Usage: python3 .ci/dist_check.py DIST VERSION LICENSE  (prints one line per check; exit 1 on a
failure). Reads the formats with the standard library's parsers (zipfile, tarfile, email,
json, tomllib).
"""

import configparser
import email.parser
import hashlib
import json
import sys
import tarfile
import tomllib
import zipfile
from pathlib import Path

dist, version, license_path = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
license_text = license_path.read_bytes()
failures = 0


def check(what, ok, detail=""):
    global failures
    print(f"{'ok' if ok else 'FAILED'}: {what}{'' if ok else f' ({detail})'}")
    failures += not ok


def metadata(text):
    return email.parser.Parser().parsestr(text)


files = sorted(p.name for p in dist.iterdir())
wheels = [f for f in files if f.endswith(".whl")]
crates = [f for f in files if f.endswith(".crate")]
check("one wheel", len(wheels) == 1, wheels)
check(
    "the wheel is abi3 for CPython >= 3.9, manylinux2014 (glibc 2.17), x86_64",
    len(wheels) == 1
    and wheels[0].startswith(f"scs_flavor-{version}-cp39-abi3-")
    and "manylinux_2_17_x86_64" in wheels[0].split("-")[-1],
    wheels,
)
sdist = f"scs_flavor-{version}.tar.gz"
tgz = f"scs-flavor-{version}.tgz"
check("the sdist", sdist in files, files)
check("the npm tarball", tgz in files, files)
expected = {"scs-flavor", "scs-flavor-audit", "scs-flavor-cli"}
names = {c.removesuffix(f"-{version}.crate") for c in crates}
check("a .crate of the core, audit and CLI crates (and of what they need)", expected <= names, crates)

sums = {}
for line in (dist / "SHA256SUMS").read_text().splitlines():
    digest, name = line.split(maxsplit=1)
    sums[name.lstrip("*")] = digest
check("SHA256SUMS lists every artefact", set(sums) == set(files) - {"SHA256SUMS"}, sorted(sums))
for name, digest in sums.items():
    check(f"SHA256SUMS: {name}", hashlib.sha256((dist / name).read_bytes()).hexdigest() == digest)

# The wheel.
if len(wheels) == 1:
    with zipfile.ZipFile(dist / wheels[0]) as z:
        info = f"scs_flavor-{version}.dist-info"
        names_in = set(z.namelist())
        meta = metadata(z.read(f"{info}/METADATA").decode())
        check("wheel: Name, Version", (meta["Name"], meta["Version"]) == ("scs-flavor", version), meta["Version"])
        check("wheel: License-Expression Apache-2.0", meta["License-Expression"] == "Apache-2.0", meta["License-Expression"])
        check("wheel: Requires-Python >=3.9", meta["Requires-Python"] == ">=3.9", meta["Requires-Python"])
        check("wheel: Summary, a README as description, project URLs",
              bool(meta["Summary"]) and (meta["Description-Content-Type"] or "").startswith("text/markdown")
              and "scs_flavor.parse" in meta.get_payload()
              and len(meta.get_all("Project-URL") or []) >= 3, (meta["Description-Content-Type"], meta.get_all("Project-URL")))
        check("wheel: the license file", f"{info}/licenses/LICENSE" in names_in
              and z.read(f"{info}/licenses/LICENSE") == license_text)
        wheel = metadata(z.read(f"{info}/WHEEL").decode())
        check("wheel: WHEEL tags cp39-abi3-manylinux*", all(t.startswith("cp39-abi3-manylinux") for t in wheel.get_all("Tag")),
              wheel.get_all("Tag"))
        check("wheel: the native module, its stubs and py.typed",
              {"scs_flavor/_native.abi3.so", "scs_flavor/_native.pyi", "scs_flavor/py.typed"} <= names_in)
        entry_points = configparser.ConfigParser()
        entry_points.read_string(z.read(f"{info}/entry_points.txt").decode())
        check("wheel: the console script scs-flavor",
              entry_points.get("console_scripts", "scs-flavor", fallback=None) == "scs_flavor._cli:main",
              dict(entry_points.items("console_scripts")) if entry_points.has_section("console_scripts") else None)

# The sdist.
with tarfile.open(dist / sdist) as t:
    top = f"scs_flavor-{version}"
    members = {m.name for m in t.getmembers()}
    meta = metadata(t.extractfile(f"{top}/PKG-INFO").read().decode())
    check("sdist: PKG-INFO Version, License-Expression", (meta["Version"], meta["License-Expression"]) == (version, "Apache-2.0"),
          (meta["Version"], meta["License-Expression"]))
    licenses = [m for m in members if m.endswith("/LICENSE")]
    check("sdist: the license file", licenses and all(t.extractfile(m).read() == license_text for m in licenses), licenses)
    check("sdist: pyproject.toml, Cargo.lock", {f"{top}/pyproject.toml", f"{top}/Cargo.lock"} <= members, sorted(members)[:20])
    pyproject = tomllib.loads(t.extractfile(f"{top}/pyproject.toml").read().decode())
    check("sdist: the version is maturin's, from Cargo.toml", pyproject["project"].get("dynamic") == ["version"]
          and "version" not in pyproject["project"], pyproject["project"].get("dynamic"))

# The npm package.
with tarfile.open(dist / tgz) as t:
    members = {m.name for m in t.getmembers()}
    pkg = json.load(t.extractfile("package/package.json"))
    check("npm: name, version", (pkg["name"], pkg["version"]) == ("scs-flavor", version), (pkg["name"], pkg["version"]))
    check("npm: license, description, repository, homepage, bugs, keywords, engines, types",
          pkg["license"] == "Apache-2.0" and all(pkg.get(k) for k in
          ("description", "repository", "homepage", "bugs", "keywords", "engines", "types")))
    check("npm: the license file", "package/LICENSE" in members and t.extractfile("package/LICENSE").read() == license_text)
    check("npm: every file of `files` is in the tarball", all(f"package/{f}" in members for f in pkg["files"]),
          sorted(members))
    targets = [v for e in pkg["exports"].values() for v in (e.values() if isinstance(e, dict) else [e])]
    check("npm: every target of `exports` is in the tarball", all(f"package/{v[2:]}" in members for v in targets), targets)
    for entry in (".", "./audit"):
        e = pkg["exports"][entry]
        check(f"npm: exports[{entry!r}]: types first, then node, then default",
              list(e) == ["types", "node", "default"], list(e))

# The crates.
for crate in crates:
    name = crate.removesuffix(f"-{version}.crate")
    with tarfile.open(dist / crate) as t:
        top = f"{name}-{version}"
        members = {m.name for m in t.getmembers()}
        manifest = tomllib.loads(t.extractfile(f"{top}/Cargo.toml").read().decode())["package"]
        check(f"{crate}: version", manifest["version"] == version, manifest["version"])
        missing = [k for k in ("description", "license", "repository", "homepage", "readme", "keywords", "categories",
                               "rust-version", "edition") if not manifest.get(k)]
        check(f"{crate}: license Apache-2.0 and complete metadata", manifest.get("license") == "Apache-2.0" and not missing,
              missing)
        check(f"{crate}: the license file", f"{top}/LICENSE" in members and t.extractfile(f"{top}/LICENSE").read() == license_text)
        check(f"{crate}: the readme", f"{top}/{manifest.get('readme')}" in members, manifest.get("readme"))

print(f"{'all' if failures == 0 else failures} {'checks passed' if failures == 0 else 'checks failed'}")
sys.exit(failures != 0)

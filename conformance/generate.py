#!/usr/bin/env python3
"""Refreshes the vector-derived `check` cases of cases.jsonl from the official checker's labels.

The expectations of these cases are the checker's own output (../shared/vectors, produced by the
SCS standards repository's flavor_names.py): status, tolerated, canonical, short and v1 forms and
the scs-0103 spec. Names where this library deliberately deviates (REFERENCE.md D1-D3: numbers
beyond 32 bits or RAM decimals a float rounds, a GPU followed by `_ib`, more than 64 disks) are
left out. Hand-written cases (every line without "source": "vectors") are kept as they are.

Usage: python3 conformance/generate.py   (from the repository root, ../shared beside it)
"""
import json
import pathlib
import re

HERE = pathlib.Path(__file__).resolve().parent
VECTORS = HERE.parent.parent / "shared" / "vectors" / "reference-labels.jsonl"
CASES = HERE / "cases.jsonl"
STRATEGIES = ["v3", "v2/v1", "v1"]
EVERY = 40  # one name in EVERY, in file order: a deterministic sample of ~100 names


def deviates(name, labels):
    if re.search(r"\d{10,}", name) or re.search(r"\.\d{8,}", name):
        return True  # D1
    if any("gen can not be set" in (l.get("error") or "") and "ib'" in l["error"] for l in labels.values()):
        return True  # D2
    return any(l.get("ok") and l.get("extra_specs") is None for l in labels.values())  # D3


def expectation(label):
    if label.get("not_scs"):
        return {"status": "not-scs"}
    if not label.get("ok"):
        return {"status": "invalid"}
    return {
        "status": "valid",
        "tolerated": label["tolerated"],
        "name": label["canonical"],
        "short": label["short"],
        "v1": label["v1"],
        "spec": label["extra_specs"],
    }


def main():
    hand = [l for l in CASES.read_text().splitlines() if l.strip() and '"source": "vectors"' not in l]
    generated = []
    for i, line in enumerate(VECTORS.read_text().splitlines()):
        if i % EVERY:
            continue
        row = json.loads(line)
        name = row["name"]
        labels = {s: row[s] for s in STRATEGIES}
        if deviates(name, labels) or not name.isascii():
            continue
        for strategy in STRATEGIES:
            case = {"op": "check", "source": "vectors", "name": name, "strategy": strategy,
                    "expect": expectation(labels[strategy])}
            generated.append(json.dumps(case, ensure_ascii=False))
    CASES.write_text("\n".join(hand + generated) + "\n")
    print(f"{len(hand)} hand-written cases, {len(generated)} from the vectors")


if __name__ == "__main__":
    main()

"""The cross-language conformance suite (``conformance/cases.jsonl``): every line through the
public Python API. An expected object is a subset of the actual one; arrays compare element by
element with the same length; numbers by value. An unknown ``op`` fails."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable, Dict, List

import pytest

import scs_flavor
from scs_flavor import Flavor, tables

CASES = Path(__file__).resolve().parent.parent.parent / "conformance" / "cases.jsonl"


def load() -> List[Dict[str, Any]]:
    lines = [line for line in CASES.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [json.loads(line) for line in lines]


def subset(expected: Any, actual: Any, where: str = "$") -> None:
    if isinstance(expected, dict):
        assert isinstance(actual, dict), f"{where}: expected an object, got {actual!r}"
        for key, value in expected.items():
            assert key in actual, f"{where}: missing {key!r} in {actual!r}"
            subset(value, actual[key], f"{where}.{key}")
    elif isinstance(expected, list):
        assert isinstance(actual, list), f"{where}: expected an array, got {actual!r}"
        assert len(expected) == len(actual), f"{where}: {len(expected)} vs {len(actual)} items"
        for i, (e, a) in enumerate(zip(expected, actual)):
            subset(e, a, f"{where}[{i}]")
    elif isinstance(expected, (int, float)) and not isinstance(expected, bool):
        assert not isinstance(actual, bool) and actual == expected, f"{where}: {actual!r} != {expected!r}"
    else:
        assert actual == expected and type(actual) is type(expected), f"{where}: {actual!r} != {expected!r}"


def error(call: Callable[[], Any]) -> Any:
    try:
        return call()
    except scs_flavor.Error as e:
        return {"error": e.data}


def check(case: Dict[str, Any]) -> Any:
    return scs_flavor.check(case["name"], case.get("strategy", "v3")).to_dict()


def build(case: Dict[str, Any]) -> Any:
    return error(lambda: {"name": str(Flavor(**case["properties"]))})


def properties(case: Dict[str, Any]) -> Any:
    return scs_flavor.parse(case["name"]).properties()


def lookup(case: Dict[str, Any]) -> Any:
    return error(lambda: {"code": tables.lookup(case["table"], case["text"])})


def select(case: Dict[str, Any]) -> Any:
    return error(lambda: scs_flavor.select(case["names"], **case["requirements"]).to_dict())


def audit(case: Dict[str, Any]) -> Any:
    return error(lambda: scs_flavor.audit(case["flavors"]).to_dict())


def plan(case: Dict[str, Any]) -> Any:
    return error(lambda: scs_flavor.plan(case["flavors"], **case["options"]).to_dict())


OPS: Dict[str, Callable[[Dict[str, Any]], Any]] = {
    "check": check,
    "build": build,
    "properties": properties,
    "lookup": lookup,
    "tables": lambda case: tables.export(),
    "select": select,
    "audit": audit,
    "plan": plan,
}


def test_the_suite_is_there() -> None:
    cases = load()
    assert cases, f"{CASES} is empty"
    unknown = sorted({c.get("op") for c in cases} - OPS.keys(), key=str)
    assert not unknown, f"unknown ops {unknown}: the runner must learn them"


def test_every_case() -> None:
    failures = []
    for n, case in enumerate(load(), 1):
        try:
            subset(case["expect"], OPS[case["op"]](case))
        except (AssertionError, KeyError, TypeError, ValueError) as e:
            failures.append(f"line {n} {json.dumps(case)[:160]}: {type(e).__name__}: {e}")
    assert not failures, f"{len(failures)} failing cases:\n" + "\n".join(failures[:30])


@pytest.mark.parametrize("bad", [{"op": "frobnicate"}])
def test_an_unknown_op_fails(bad: Dict[str, Any]) -> None:
    assert bad["op"] not in OPS

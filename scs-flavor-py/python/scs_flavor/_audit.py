"""``audit`` and ``select``: the ``scs-flavor-audit`` crate seen from Python.

This module only reads the input (paths, file objects, JSON text, decoded JSON, openstacksdk
objects) and wraps what the crate returns (its serde output, its text) in typed, immutable,
picklable classes. Checks, rankings, messages and fixes all come from the crate.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Dict, List, NamedTuple, Optional, Tuple, Union

from ._native import Flavor, _audit, _flavors, _restore, _select

__all__ = [
    "AuditReport",
    "AuditTest",
    "Finding",
    "Fix",
    "Match",
    "Rejection",
    "Selection",
    "audit",
    "select",
]

# What the crate reads from an object that is not a mapping (an openstacksdk ``Flavor``): the
# keys of its ``openstack flavor show`` form.
_ATTRIBUTES = ("id", "name", "vcpus", "ram", "disk", "is_public", "extra_specs")


def _entry(item: Any) -> Any:
    """One flavor: a mapping as a dict, an object with a ``name`` as its attributes (also an
    openstacksdk resource, which is a mapping with other keys too), else as it is (for the
    crate to refuse)."""
    sdk = hasattr(item, "extra_specs") and hasattr(item, "name") and type(item) is not dict
    if isinstance(item, Mapping) and not sdk:
        return dict(item)
    if not isinstance(item, (str, bytes, int, float, list, tuple)) and hasattr(item, "name"):
        return {a: getattr(item, a) for a in _ATTRIBUTES if hasattr(item, a)}
    return item


def _read(value: Any, what: str) -> Any:
    """JSON text or JSON-like data from what ``audit`` accepts (see its docstring)."""
    if isinstance(value, os.PathLike):
        return Path(value).read_text(encoding="utf-8")
    if callable(getattr(value, "read", None)):
        value = value.read()
    if isinstance(value, (bytes, bytearray)):
        value = bytes(value).decode("utf-8")
    if isinstance(value, str):
        if value.lstrip()[:1] in ("[", "{"):
            return value
        raise TypeError(
            f"{what}: a str is read as JSON text, and {value[:40]!r} is none; to read a file, "
            "pass a pathlib.Path or an open file"
        )
    if isinstance(value, Mapping):
        entry = _entry(value)
        flavors = entry.get("flavors") if isinstance(entry, dict) else None
        if isinstance(flavors, Iterable) and not isinstance(flavors, (str, Mapping)):
            entry["flavors"] = [_entry(x) for x in flavors]
        return entry
    if value is None or isinstance(value, (bool, int, float)):
        raise TypeError(
            f"{what}: expected a path, a file, JSON text, a list of flavors (dicts or "
            f"openstacksdk Flavor objects) or one flavor, not {type(value).__name__}"
        )
    if isinstance(value, Iterable):
        return [_entry(x) for x in value]
    return _entry(value)


class AuditTest(NamedTuple):
    """One test case of an audit; ``str()`` is the official runner's line ``ID: PASS``."""

    id: str
    """The test case id, e.g. ``"scs-0100-syntax-check"``, ``"scs-0103-flavor-2v-4-20s"``."""
    result: str
    """``"PASS"`` or ``"FAIL"``. A missing recommended flavor fails its test case, as in the
    official runner, but only with a note: it does not make the audit fail."""
    mandatory: bool
    """Whether certification requires it."""
    official: bool
    """Whether the official runner has this test case."""

    def __str__(self) -> str:
        return f"{self.id}: {self.result}"


class Finding(NamedTuple):
    """One reason of an audit; ``str()`` is ``severity [test]: message``."""

    flavor: str
    """The flavor's name (for a missing standard flavor: its standard name)."""
    test: str
    """The test case it belongs to, e.g. ``"scs-0100-semantics-check"``."""
    severity: str
    """``"error"`` (the test case fails), ``"warning"`` or ``"note"``."""
    kind: str
    """A stable identifier, e.g. ``"ram-overpromise"``, ``"standard-flavor-missing"``."""
    message: str
    """An English sentence."""

    def __str__(self) -> str:
        return f"{self.severity} [{self.test}]: {self.message}"


class Fix(NamedTuple):
    """One ``extra_specs`` change; ``str()`` is its command."""

    flavor: str
    """The flavor's name."""
    action: str
    """``"set"`` or ``"unset"``."""
    key: str
    """The extra spec's key, e.g. ``"scs:cpu-type"``."""
    value: Optional[str]
    """The value to set; ``None`` for ``"unset"``."""
    command: str
    """The ready-to-run, shell-quoted ``openstack flavor set/unset`` command."""

    def __str__(self) -> str:
        return self.command


class _Output:
    """A result of the crate: its serde output, its text and what else it returned."""

    __slots__ = ("_data", "_extra", "_text")

    def __init__(self, data: Dict[str, Any], text: str, extra: Any) -> None:
        self._data, self._text, self._extra = data, text, extra

    def to_dict(self) -> Dict[str, Any]:
        """The result as the crate serialises it (a fresh copy)."""
        return json.loads(self.to_json())  # type: ignore[no-any-return]

    def to_json(self, pretty: bool = False) -> str:
        """``to_dict()`` as JSON; ``pretty=True`` indents it as the command line's ``-o json``."""
        if pretty:
            return json.dumps(self._data, ensure_ascii=False, indent=2)
        return json.dumps(self._data, ensure_ascii=False, separators=(",", ":"))

    def __str__(self) -> str:
        return self._text

    def __getstate__(self) -> Tuple[Dict[str, Any], str, Any]:
        return self._data, self._text, self._extra

    def __setstate__(self, state: Tuple[Dict[str, Any], str, Any]) -> None:
        self._data, self._text, self._extra = state


class AuditReport(_Output):
    """The result of ``audit``: the test cases, the findings and the fixes (the crate's
    ``Audit``; ``to_dict()`` has ``passed``, ``tests``, ``findings``, ``fixes``).
    ``str(report)`` is the text report of ``scs-flavor audit``."""

    __slots__ = ()

    @property
    def passed(self) -> bool:
        """Whether nothing fails (warnings, notes and missing recommended flavors do not count)."""
        return bool(self._data["passed"])

    @property
    def tests(self) -> Tuple[AuditTest, ...]:
        """The test cases: syntax, semantics, extra specs, then one per standard flavor."""
        return tuple(AuditTest(**t) for t in self._data["tests"])

    @property
    def findings(self) -> Tuple[Finding, ...]:
        """Every finding: per flavor in input order, then the standard flavors'."""
        return tuple(Finding(**f) for f in self._data["findings"])

    @property
    def fixes(self) -> Tuple[Fix, ...]:
        """The ``extra_specs`` changes, by flavor in input order, then by key."""
        return tuple(Fix(**{"value": None, **f}) for f in self._data["fixes"])

    @property
    def summary(self) -> str:
        """The text report's last line: whether the mandatory test cases of the official
        suite pass (which fail), and how many others fail without blocking certification."""
        summary: str = self._extra[1]
        return summary

    @property
    def certified(self) -> bool:
        """Whether no mandatory test case of the official suite fails: what certification
        decides, and what the exit status of ``scs-flavor audit`` says (0)."""
        return bool(self._extra[2])

    def fix_script(self) -> str:
        """The fixes as a shell script (what ``scs-flavor audit --fix`` prints)."""
        script: str = self._extra[0]
        return script

    def __repr__(self) -> str:
        failing = sum(t.result == "FAIL" for t in self.tests)
        state = "passed" if self.passed else "failed"
        return (
            f"<AuditReport {state}: {len(self.tests)} tests, {failing} failing, "
            f"{len(self.findings)} findings, {len(self.fixes)} fixes>"
        )


def audit(flavors: Any, /) -> AuditReport:
    """Audit a cloud's flavor list offline (see the stub in ``_native.pyi`` for the test
    cases): ``flavors`` is a ``pathlib.Path`` / ``os.PathLike`` (the file is read), an open
    file, JSON text (a ``str`` or ``bytes`` starting with ``[`` or ``{``; any other ``str``
    raises ``TypeError``, so a file name is never taken for a flavor list), decoded JSON (a
    list of dicts, one dict, or the Nova API's ``{"flavors": [...]}``), or openstacksdk
    ``Flavor`` objects, or an ``openstack.connection.Connection``: its flavors are listed with
    their extra specs, as ``openstack flavor list --long`` lists them (needs the extra
    ``scs-flavor[openstack]``; a failing call raises ``scs_flavor.CloudError``). Malformed
    input raises ``scs_flavor.Error`` (a ``ValueError``) naming the entry and the field."""
    from . import _openstack

    if _openstack.is_connection(flavors):
        return AuditReport(*_audit(_flavors(_openstack.OpenStack(flavors))))
    return AuditReport(*_audit(_read(flavors, "flavors")))


class Match(NamedTuple):
    """A flavor that satisfies the requirements."""

    name: str
    """The name as given (for a flavor list: the cloud's flavor name)."""
    flavor: Flavor
    """The SCS flavor it was judged by."""
    cost: int
    """The over-provisioning cost in thousandths of a vCPU (lower is better, 0 an exact fit)."""
    excess: Dict[str, Any]
    """What it offers beyond the requirements (``vcpus``, ``ram_gib``, ``disk_gb``,
    ``cpu_type_steps``, ``disk_type_steps``, ``extras``)."""
    summary: str
    """The excess in words, e.g. ``"+20 GB disk, CPU type +1"`` or ``"exact fit"``."""


class Rejection(NamedTuple):
    """A flavor that does not satisfy the requirements."""

    name: str
    """The name as given."""
    reasons: Tuple[str, ...]
    """One sentence per unmet requirement (or why the name could not be judged)."""


class Selection(_Output):
    """The result of ``select`` (``to_dict()`` has ``matches``, ``rejected``); ``str()`` is
    what ``scs-flavor select`` prints."""

    __slots__ = ()

    @property
    def matches(self) -> Tuple[Match, ...]:
        """The flavors that satisfy the requirements, cheapest first (ties by name)."""
        return tuple(
            Match(m["name"], _restore(m["flavor"], None), m["cost"], m["excess"], s)
            for m, s in zip(self._data["matches"], self._extra)
        )

    @property
    def rejected(self) -> Tuple[Rejection, ...]:
        """The others, in input order, with the reasons."""
        return tuple(Rejection(r["name"], tuple(r["reasons"])) for r in self._data["rejected"])

    @property
    def best(self) -> Optional[Match]:
        """The first match, or ``None``."""
        matches = self.matches
        return matches[0] if matches else None

    def __repr__(self) -> str:
        best = f" (best {self.best.name})" if self.best else ""
        return f"<Selection {len(self.matches)} matches{best}, {len(self.rejected)} rejected>"


def select(
    names_or_flavors: Any, /, **requirements: Union[int, float, str, bool, None]
) -> Selection:
    """Select the flavors that satisfy the requirements, cheapest first, and say why each
    other one fails. ``names_or_flavors`` is a list (or any iterable) of flavor names, or a
    flavor list in any form ``audit`` accepts. The requirements (``REQUIREMENT_KEYS``) go to
    the crate's typed ``Requirements``, whose validation raises ``scs_flavor.Error`` (a
    ``ValueError``) with its message, also for an unknown key."""
    value = names_or_flavors
    if isinstance(value, Iterable) and not isinstance(value, (str, bytes, bytearray, Mapping)):
        if not callable(getattr(value, "read", None)):
            value = list(value)
    names = isinstance(value, list) and all(isinstance(n, str) for n in value)
    candidates = value if names else _read(value, "names_or_flavors")
    return Selection(*_select(candidates, requirements))

"""``plan``, ``apply`` and ``CloudError``: the plan of the ``scs-flavor-audit`` crate and its
one apply loop, seen from Python.

The changes, their order, their texts and the apply loop all come from the crate; this module
reads the input (what ``audit`` reads, or an ``openstack.connection.Connection``) and wraps
the crate's serde output in typed, immutable classes.
"""

from __future__ import annotations

from typing import Any, Callable, Dict, NamedTuple, Optional, Tuple

from ._audit import _Output, _read
from ._native import _apply, _flavors, _plan

__all__ = ["Applied", "Change", "CloudError", "NewFlavor", "Plan", "Refusal", "apply", "plan"]


class CloudError(Exception):
    """A call to a live cloud failed. ``kind`` says why, as the ``scs-flavor`` command's exit
    status does: ``"config"`` (3: no such cloud, nothing configured, openstacksdk missing),
    ``"unreachable"`` (4), ``"auth"`` (5: credentials refused), ``"forbidden"`` (6: e.g.
    creating a flavor as a member user), ``"no-compute"`` (7: no compute service in the
    catalog) or ``"refused"`` (8: any other refusal, e.g. a name conflict). ``str(err)`` is
    the one-line message."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(kind, message)

    @property
    def kind(self) -> str:
        """``"config"``, ``"unreachable"``, ``"auth"``, ``"forbidden"``, ``"no-compute"`` or
        ``"refused"``."""
        return str(self.args[0])

    @property
    def message(self) -> str:
        """One line saying what happened."""
        return str(self.args[1])

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"CloudError({self.kind!r}, {self.message!r})"


class NewFlavor(NamedTuple):
    """A flavor to create: the standard's figures, or the corrected ones of a re-created
    flavor."""

    vcpus: int
    """Number of vCPUs."""
    ram_mib: int
    """RAM in MiB (1024 × GiB)."""
    disk_gb: int
    """Root disk in GB (0: none)."""
    public: bool
    """Whether every project sees it."""
    properties: Dict[str, str]
    """The extra specs to set (every ``scs:*`` key of its spec)."""


class Change(NamedTuple):
    """One change of a plan."""

    kind: str
    """``"create"``, ``"properties"``, ``"recreate"``, ``"delete"`` or ``"decide"`` (nothing
    is done: an operator must choose, e.g. ``recreate=True`` or ``prune=True``)."""
    flavor: str
    """The flavor's name."""
    id: Optional[str]
    """The flavor's ID (``None`` for a flavor to create, or an input without IDs)."""
    what: str
    """What is done, in English."""
    why: Tuple[str, ...]
    """The audit's findings it answers."""
    create: Optional[NewFlavor]
    """For ``"create"`` and ``"recreate"``: the flavor to create."""
    set: Dict[str, str]
    """For ``"properties"``: the extra specs to set."""
    unset: Tuple[str, ...]
    """For ``"properties"``: the extra specs to delete."""


def _change(c: Dict[str, Any]) -> Change:
    new = c.get("create")
    return Change(
        kind=c["kind"],
        flavor=c["flavor"],
        id=c.get("id"),
        what=c["what"],
        why=tuple(c["why"]),
        create=NewFlavor(**new) if new is not None else None,
        set=dict(c.get("set", {})),
        unset=tuple(c.get("unset", ())),
    )


class Plan(_Output):
    """The result of ``plan``: the changes that make the cloud pass every scs-0100 and
    scs-0103 test case, in the order ``apply`` makes them (deletions and re-creations, extra
    specs, creations, decisions). ``to_dict()`` is ``{"changes": [...]}`` as ``scs-flavor
    plan -o json`` prints it; ``str(plan)`` is what ``scs-flavor plan`` prints."""

    __slots__ = ()

    @property
    def changes(self) -> Tuple[Change, ...]:
        """Every change; empty when nothing is to do."""
        return tuple(_change(c) for c in self._data["changes"])

    def openstack_script(self) -> str:
        """The plan as a shell script of ``openstack flavor create/set/unset/delete``
        commands (``scs-flavor plan -o openstack``)."""
        script: str = self._extra
        return script

    def __len__(self) -> int:
        return len(self._data["changes"])

    def __repr__(self) -> str:
        return f"<Plan {len(self)} changes>"


class Refusal(NamedTuple):
    """The change ``apply`` stopped at (it may be partly done) and the cloud's error."""

    change: Change
    """The change."""
    error: CloudError
    """Why the call was refused (``error.kind``, e.g. ``"forbidden"``)."""


class Applied:
    """The result of ``apply``: the plan, what was done, the refused change and what was not
    attempted after it. A refusal is reported here, never raised. ``str(applied)`` is the
    summary ``scs-flavor apply`` prints after its steps."""

    __slots__ = ("_applied", "_plan", "_text")

    def __init__(self, plan: Plan, applied: Dict[str, Any], text: str) -> None:
        self._plan, self._applied, self._text = plan, applied, text

    def __str__(self) -> str:
        return self._text

    @property
    def plan(self) -> Plan:
        """The plan that was carried out."""
        return self._plan

    @property
    def done(self) -> Tuple[Change, ...]:
        """The changes carried out completely, in order."""
        return tuple(_change(c) for c in self._applied["done"])

    @property
    def failed(self) -> Optional[Refusal]:
        """The refused change and why, or ``None`` if every change was made."""
        failed = self._applied.get("failed")
        if failed is None:
            return None
        error = failed["error"]
        return Refusal(_change(failed["change"]), CloudError(error["kind"], error["message"]))

    @property
    def not_done(self) -> Tuple[Change, ...]:
        """The changes not attempted after the refusal."""
        return tuple(_change(c) for c in self._applied["not_done"])

    @property
    def ok(self) -> bool:
        """Whether every change was made (``failed`` is ``None``)."""
        return self._applied.get("failed") is None

    def to_dict(self) -> Dict[str, Any]:
        """``{"done": [...], "failed": {"change", "error": {"kind", "message"}} | None,
        "not_done": [...]}``, the crate's ``Applied`` (a fresh copy)."""
        import json

        return json.loads(json.dumps(self._applied))  # type: ignore[no-any-return]

    def __repr__(self) -> str:
        failed = self.failed
        state = "ok" if failed is None else f"stopped at {failed.change.flavor} ({failed.error.kind})"
        return f"<Applied {len(self.done)} done, {len(self.not_done)} not done, {state}>"


def _backend(conn: Any, what: str) -> Any:
    from . import _openstack

    if _openstack.is_connection(conn):
        return _openstack.OpenStack(conn)
    raise TypeError(f"{what}: expected an openstack.connection.Connection, not {type(conn).__name__}")


def plan(
    flavors_or_conn: Any, /, *, recommended: bool = False, recreate: bool = False, prune: bool = False
) -> Plan:
    """Plan the changes that make a cloud pass every scs-0100 and scs-0103 test case: create
    each missing mandatory standard flavor (with ``recommended=True`` the recommended ones
    too), set and unset extra specs, with ``recreate=True`` delete and re-create flavors whose
    vCPUs, RAM or disk contradict their name, with ``prune=True`` delete public flavors with an
    invalid ``SCS-`` name (else they are ``"decide"`` changes). Non-SCS flavors are never
    touched.

    ``flavors_or_conn`` is a flavor list in any form ``audit`` reads (IDs and ``Is Public``
    are used where present), or an ``openstack.connection.Connection`` whose flavors are
    listed (raises ``CloudError`` if that fails). A flavor list in which no entry has
    properties (``openstack flavor list`` without ``--long``) raises ``scs_flavor.Error``."""
    if _is_connection(flavors_or_conn):
        flavors = _flavors(_backend(flavors_or_conn, "flavors_or_conn"))
    else:
        flavors = _read(flavors_or_conn, "flavors_or_conn")
    return Plan(*_plan(flavors, recommended, recreate, prune))


def apply(
    conn: Any,
    /,
    *,
    recommended: bool = False,
    recreate: bool = False,
    prune: bool = False,
    progress: Optional[Callable[[str], object]] = None,
) -> Applied:
    """Plan as ``plan(conn, ...)`` does, then carry the plan out on the cloud of ``conn`` (an
    ``openstack.connection.Connection``; creating and deleting flavors needs admin
    credentials), change by change, with the same loop as ``scs-flavor apply``: calls
    ``progress(step)`` with a line such as ``"delete flavor SCS-2V-4 (ID 7)"`` before each
    call, and stops at the first refused call. The refusal is in the result
    (``Applied.failed``, with a ``CloudError`` whose ``kind`` is e.g. ``"forbidden"``), not
    raised; idempotent: a second run finds nothing to do.

    Raises ``CloudError`` only if the flavors cannot be listed (nothing was changed then),
    ``TypeError`` if ``conn`` is not a ``Connection``; an exception raised by ``progress`` is
    raised again once the loop has ended."""
    backend = _backend(conn, "conn")
    data, text, script, applied, summary = _apply(backend, recommended, recreate, prune, progress)
    return Applied(Plan(data, text, script), applied, summary)


def _is_connection(value: Any) -> bool:
    from . import _openstack

    return _openstack.is_connection(value)


# Shown and pickled as `scs_flavor.CloudError`, where users import it.
CloudError.__module__ = "scs_flavor"

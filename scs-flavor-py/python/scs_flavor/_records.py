"""``Part`` and ``Warning``: the records of ``Flavor.explain()`` and ``.warnings``, made by the
native module from the core's explanation and warnings (offsets as ``str`` indices)."""

from __future__ import annotations

import typing

__all__ = ["Part", "Warning"]


class Part(typing.NamedTuple):
    """One component of a name, from ``Flavor.explain()``."""

    component: str
    """``"prefix"``, ``"cpu-ram"``, ``"disk"``, ``"hypervisor"``, ``"hwv"``, ``"cpu-brand"``,
    ``"gpu"`` or ``"ib"``."""
    start: int
    """Index of its first character in the name."""
    end: int
    """Index just past it."""
    text: str
    """Its text, e.g. ``"_i3h"``."""
    meaning: str
    """What it means, in English, e.g. ``"Intel Ice Lake, high frequency"``."""


class Warning(typing.NamedTuple):  # noqa: A001 - scs_flavor.Warning, not the builtin
    """A warning on a valid name (a plain value, not an exception class)."""

    kind: str
    """A stable identifier: ``"tolerated"``, ``"non-canonical"``, ``"undescribed"``,
    ``"rejected-by-official-checker"`` (deviation D2: certification would fail),
    ``"not-kubernetes-label"``, ``"too-large-for-nova"``, ``"too-many-disks"`` or
    ``"too-long-for-openstack"``."""
    message: str
    """The message; also ``str(warning)``."""
    start: int
    """Index of the first character concerned."""
    end: int
    """Index just past the part concerned."""

    def __str__(self) -> str:
        return self.message


# Shown and pickled as `scs_flavor.Part` / `scs_flavor.Warning`, where users import them.
Part.__module__ = "scs_flavor"
Warning.__module__ = "scs_flavor"

"""``Error`` and ``ParseError``: the Rust core's one error type, seen from Python."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any, Dict, Optional, Tuple

from ._native import _error_detail

__all__ = ["Error", "ParseError"]


class Error(ValueError):
    """The core's error about a value: a flavor property the builder refuses (``field`` names
    it, e.g. ``"disk.size"``), text that no row of a table names, a requirement of
    ``select``, a spec with too many disks. ``str(err)`` is the core's message, e.g.
    ``"cpus: vCPU count must be a whole number from 1 to 4294967295"``.
    """

    # No ``__init__`` in Python (``ValueError``'s own takes the arguments): raising stays cheap.
    if TYPE_CHECKING:

        def __init__(self, message: str, data: Optional[Dict[str, Any]] = None) -> None: ...

    @property
    def data(self) -> Dict[str, Any]:
        """The crate's serde form of the error, as the other bindings see it: ``kind``,
        ``message``, ``field`` (the core's errors); ``index``, ``name``, ``field``,
        ``message`` (an entry of a flavor list that ``audit`` cannot read)."""
        data = self.args[1] if len(self.args) > 1 and self.args[1] else None
        return dict(data or {"message": self.message})

    @property
    def message(self) -> str:
        """The message."""
        return str(self.args[0])

    @property
    def kind(self) -> Optional[str]:
        """The core's stable identifier (``"zero"``, ``"unknown-value"``, ``"not-whole"``,
        ``"cpu-generation"``, …); ``None`` where serde reported the mistake (a value of the
        wrong type, an unknown or missing key) or the audit input was malformed."""
        return self.data.get("kind")

    @property
    def field(self) -> Optional[str]:
        """The property concerned (``"cpus"``, ``"disk.size"``, ``"gpu.generation"``, a
        requirement key, an audit input field such as ``"RAM"``), if any."""
        return self.data.get("field")

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r}, {self.data!r})"


class ParseError(Error):
    """A name that is not a valid SCS flavor name (raised by ``parse``; see also
    ``Result.error``). A name without the ``SCS-`` prefix raises it too, with kind
    ``"not-scs"``.

    ``str(err)`` is the name, a caret line under the offending part and the message (for a
    long name, a window of 40 characters on each side of the part, cuts marked ``…``)::

        SCS-2V-4_i7
                 ^^ CPU generation 7 is not defined for Intel (expected 0-6 or none)

    It holds only the name and the strategy (``ParseError(name, version)``): the native
    module computes the message, the caret line and the offsets when they are first read.
    """

    args: tuple[str, str]  # type: ignore[assignment]

    if TYPE_CHECKING:

        def __init__(self, name: str, version: str) -> None: ...  # noqa: D107

    @functools.cached_property
    def _detail(self) -> Tuple[str, str, int, int, str]:
        return _error_detail(self.args[0], self.args[1])

    @property
    def kind(self) -> str:
        """A stable identifier: ``"not-scs"``, ``"missing-cpu-count"``,
        ``"expected-cpu-type"``, ``"expected-ram-separator"``, ``"missing-ram"``,
        ``"malformed-ram"``, ``"ram-not-half"``, ``"zero"``, ``"too-large"``,
        ``"cpu-generation"``, ``"cpu-frequency"``, ``"gpu-generation"``, ``"gpu-frequency"``,
        ``"out-of-order"``, ``"repeated"``, ``"unknown-extension"``, ``"unexpected"`` or
        ``"wrong-syntax"``."""
        return self._detail[0]

    @property
    def message(self) -> str:
        """The message alone, e.g. ``"RAM must be a multiple of 0.5 GiB"``."""
        return self._detail[1]

    @property
    def data(self) -> Dict[str, Any]:
        """``{kind, message, start, end}`` (offsets as ``str`` indices)."""
        return {"kind": self.kind, "message": self.message, "start": self.start, "end": self.end}

    @property
    def input(self) -> str:
        """The name that was read."""
        return self.args[0]

    @property
    def version(self) -> str:
        """The strategy it was read with (``"v3"``, ``"v2/v1"``, …)."""
        return self.args[1]

    @property
    def start(self) -> int:
        """Index in ``input`` of the first offending character."""
        return self._detail[2]

    @property
    def end(self) -> int:
        """Index in ``input`` just past the offending part (``start`` where something is
        missing)."""
        return self._detail[3]

    def __str__(self) -> str:
        return self._detail[4]

    def __repr__(self) -> str:
        return (
            f"ParseError(kind={self.kind!r}, message={self.message!r}, input={self.input!r}, "
            f"start={self.start}, end={self.end})"
        )


# Shown and pickled as `scs_flavor.Error` / `scs_flavor.ParseError`, where users import them.
Error.__module__ = "scs_flavor"
ParseError.__module__ = "scs_flavor"

"""``ParseError``: the exception of ``scs_flavor.parse``."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._native import _ErrorDetail

__all__ = ["ParseError"]


class ParseError(ValueError):
    """A name that is not a valid SCS flavor name (raised by ``parse``; see also
    ``Result.error``). A name without the ``SCS-`` prefix raises it too, with kind
    ``"not-scs"``.

    ``str(err)`` is the name, a caret line under the offending part and the message::

        SCS-2V-4_i7
                 ^^ CPU generation 7 is not defined for Intel (expected 0-6 or none)

    The exception is made by the native module, which computes the message, the caret line
    and the offsets only when they are asked for.
    """

    args: tuple[_ErrorDetail]  # type: ignore[assignment]

    @property
    def kind(self) -> str:
        """A stable identifier: ``"not-scs"``, ``"missing-cpu-count"``,
        ``"expected-cpu-type"``, ``"expected-ram-separator"``, ``"missing-ram"``,
        ``"malformed-ram"``, ``"ram-not-half"``, ``"zero"``, ``"too-large"``,
        ``"cpu-generation"``, ``"cpu-frequency"``, ``"gpu-generation"``, ``"gpu-frequency"``,
        ``"out-of-order"``, ``"repeated"``, ``"unexpected"`` or ``"wrong-syntax"``."""
        return self.args[0].kind

    @property
    def message(self) -> str:
        """The message alone, e.g. ``"RAM must be a multiple of 0.5 GiB"``."""
        return self.args[0].message

    @property
    def input(self) -> str:
        """The name that was read."""
        return self.args[0].input

    @property
    def version(self) -> str:
        """The strategy it was read with (``"v3"``, ``"v2/v1"``, …)."""
        return self.args[0].version

    @property
    def start(self) -> int:
        """Index in ``input`` of the first offending character."""
        return self.args[0].start

    @property
    def end(self) -> int:
        """Index in ``input`` just past the offending part (``start`` where something is
        missing)."""
        return self.args[0].end

    def __str__(self) -> str:
        return self.args[0].rendered

    def __repr__(self) -> str:
        return (
            f"ParseError(kind={self.kind!r}, message={self.message!r}, input={self.input!r}, "
            f"start={self.start}, end={self.end})"
        )


# Shown and pickled as `scs_flavor.ParseError`, where users import it from.
ParseError.__module__ = "scs_flavor"

"""The native module of ``scs_flavor``: the Rust core crate ``scs-flavor`` seen from Python.

Import from ``scs_flavor``, not from here. Offsets (``start``, ``end``) are indices into the
Python ``str`` that was read, so ``name[err.start:err.end]`` is the offending part.

``version`` arguments name the checker's strategies: ``"v1"``, ``"v1/v2"`` (v2 tolerated with
a warning), ``"v2/v1"`` (v1 tolerated with a warning: what certification does), ``"v2"``,
``"v3"`` (the default) or ``"latest"`` (= ``"v3"``).
"""

from typing import Any, Callable, Iterable, Mapping, Optional, Union, final

from ._errors import ParseError
from ._records import Part, Warning

MAX_SPEC_DISKS: int
"""The most disks for which ``Flavor.spec()`` derives a spec (deviation D3): 64."""

STRATEGIES: list[str]
"""The accepted ``version`` values: ``v1``, ``v1/v2``, ``v2/v1``, ``v2``, ``v3``, ``latest``."""

def _error_detail(name: str, version: str) -> tuple[str, str, int, int, str]:
    """What ``ParseError(name, version)`` shows: ``(kind, message, start, end, rendered)``."""

def parse(name: str, version: str = "v3") -> Flavor:
    """Read ``name`` with the strategy ``version`` and return its flavor.

    Raises ``ParseError`` for an invalid name and for one without the ``SCS-`` prefix (kind
    ``"not-scs"``), ``TypeError`` if ``name`` is not a ``str``, ``ValueError`` for an unknown
    ``version``. Any ``str`` is safe to pass: NUL bytes, lone surrogates or a megabyte of
    text give a ``ParseError``.
    """

def check(name: str, version: str = "v3") -> Result:
    """Check ``name`` as the official checker's ``cli.py parse VERSION`` does.

    Never raises for a ``str``: the outcome is in ``Result.status``.
    """

def check_many(names: Iterable[str], version: str = "v3") -> list[Result]:
    """Check every name of ``names`` in one call into the native module (much faster per
    name than calling ``check`` in a loop).

    Raises ``TypeError`` if ``names`` is a ``str`` or holds something other than ``str``.
    """

@final
class Result:
    """The outcome of checking one name (from ``check`` and ``check_many``)."""

    @property
    def input(self) -> str:
        """The name as given."""
    @property
    def version(self) -> str:
        """The strategy it was checked with (``"v3"``, ``"v2/v1"``, …)."""
    @property
    def status(self) -> str:
        """``"valid"``, ``"invalid"`` or ``"not-scs"`` (no ``SCS-`` prefix: the standard
        does not govern the name)."""
    @property
    def tolerated(self) -> bool:
        """Whether the name is valid only in the strategy's tolerated syntax (a v1 name
        under ``"v2/v1"``); a warning says so."""
    @property
    def flavor(self) -> Optional[Flavor]:
        """The flavor of a valid name, else ``None``."""
    @property
    def error(self) -> Optional[ParseError]:
        """The error of an invalid name (not raised), else ``None`` (also for ``not-scs``)."""
    @property
    def warnings(self) -> list[Warning]:
        """The warnings on a valid name, e.g. non-canonical spelling; empty otherwise."""
    def to_json(self) -> str:
        """The JSON object that ``scs-flavor parse -o json`` prints for this name (its
        ``start``/``end`` are UTF-8 byte offsets)."""
    def to_dict(self) -> dict[str, Any]:
        """``to_json()`` as a dict."""

@final
class Flavor:
    """A valid SCS flavor: every component typed; immutable, hashable, ordered (by the
    core's order of flavors: vCPUs, CPU type, RAM, then the other components by meaning) and
    picklable.

    Made by ``parse`` and ``check``, or from properties, validated by the Rust core like a
    parsed name::

        Flavor(cpus=4, cpu_type="V", ram_gib=16, disk=Disk(100, "s"))

    The properties are the core's flavor object (see ``properties()``), read by the core: a
    bad value raises ``scs_flavor.Error`` (a ``ValueError``) with the core's message and its
    ``field`` (``"cpus"``, ``"disk.size"``); an unknown keyword ``TypeError``. Letters are
    read by the core's lookup rule: the code (``"V"``, ``"bms"``), or the name or an alias
    ignoring case, spaces, ``-`` and ``_`` (``"shared core"``, ``"bare metal"``). ``disk``,
    ``cpu_brand`` and ``gpu`` may be the part or a dict of its properties.

    ``str(flavor)`` is the canonical name.
    """

    def __new__(
        cls,
        cpus: int,
        cpu_type: str,
        ram_gib: float,
        *,
        cpu_insecure: bool = ...,
        ram_no_ecc: bool = ...,
        ram_oversubscribed: bool = ...,
        disk: Union[Disk, Mapping[str, Any], None] = ...,
        hypervisor: Optional[str] = ...,
        hwv: bool = ...,
        cpu_brand: Union[CpuBrand, Mapping[str, Any], None] = ...,
        gpu: Union[Gpu, Mapping[str, Any], None] = ...,
        ib: bool = ...,
    ) -> Flavor: ...
    def properties(self) -> dict[str, Any]:
        """The core's flavor object (``cpus``, ``cpu_type``, ``cpu_insecure``, ``ram_gib``, …,
        ``disk``, ``cpu_brand``, ``gpu`` as dicts or ``None``); ``Flavor(**properties)``
        builds it back."""
    def replace(self, **changes: Any) -> Flavor:
        """A copy with some properties changed (the constructor's keyword arguments),
        validated again: ``flavor.replace(gpu=None)``."""
    @property
    def cpus(self) -> int:
        """The number of vCPUs."""
    @property
    def cpu_type(self) -> str:
        """``"L"`` (crowded-core), ``"V"`` (shared-core), ``"T"`` (dedicated-thread) or
        ``"C"`` (dedicated-core)."""
    @property
    def cpu_insecure(self) -> bool:
        """``i``: no guaranteed protection against CPU vulnerabilities."""
    @property
    def ram_gib(self) -> float:
        """RAM in GiB, a multiple of 0.5."""
    @property
    def ram_no_ecc(self) -> bool:
        """``u``: RAM without ECC."""
    @property
    def ram_oversubscribed(self) -> bool:
        """``o``: RAM oversubscribed."""
    @property
    def disk(self) -> Optional[Disk]:
        """The root disk(s), or ``None`` for a name without disk component."""
    @property
    def hypervisor(self) -> Optional[str]:
        """``"kvm"``, ``"xen"``, ``"vmw"``, ``"hyv"``, ``"bms"`` (bare metal), ``"chy"``
        (Cloud Hypervisor) or ``None``."""
    @property
    def hwv(self) -> bool:
        """``_hwv``: hardware (nested) virtualisation."""
    @property
    def cpu_brand(self) -> Optional[CpuBrand]:
        """The CPU brand (``_i3h``), or ``None``."""
    @property
    def gpu(self) -> Optional[Gpu]:
        """The GPU (``_GNa-64``), or ``None``."""
    @property
    def ib(self) -> bool:
        """``_ib``: Infiniband."""
    @property
    def name(self) -> str:
        """The canonical name in the v2/v3 syntax; the same as ``str(flavor)``."""
    @property
    def v1(self) -> str:
        """The canonical name in the v1 syntax (``SCS-2V:4:20s``)."""
    @property
    def input(self) -> Optional[str]:
        """The text this flavor was read from, or ``None`` if it was built from properties."""
    @property
    def warnings(self) -> list[Warning]:
        """The warnings on the name read (for a built flavor: on its canonical name)."""
    def short(self, v1: bool = False) -> str:
        """The short name the standard asks providers to offer too: drops the hypervisor,
        ``_hwv``, an Intel/AMD CPU brand and the GPU's ``h`` letters. In the v1 syntax with
        ``v1=True``."""
    def describe(self) -> str:
        """An English description: ``"2 vCPUs, 4 GiB ECC RAM, 20 GB local SSD"``."""
    def explain(self) -> list[Part]:
        """Each component of the name read (for a built flavor: of its canonical name) with
        its place, text and meaning, in order."""
    def spec(self) -> dict[str, Union[int, float, str, None]]:
        """The scs-0103 spec, equal to the official checker's ``flavorname_to_dict``:
        ``cpus`` (int), ``scs:cpu-type``, ``ram`` (GiB, a float), with a disk ``disk`` (GB,
        ``None`` when the size is left to the cloud) and ``scs:diskN-type`` per disk, then
        ``scs:name-v1``, ``scs:name-v2``, … (the distinct name variants, longest first).

        Raises ``scs_flavor.Error`` (kind ``"too-many-disks"``) for more than ``MAX_SPEC_DISKS`` disks, where the checker
        would write one key per disk without bound (deviation D3).
        """
    def __hash__(self) -> int: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...
    def __lt__(self, other: Flavor, /) -> bool: ...
    def __le__(self, other: Flavor, /) -> bool: ...
    def __gt__(self, other: Flavor, /) -> bool: ...
    def __ge__(self, other: Flavor, /) -> bool: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class Disk:
    """The disk component: ``count`` disks of ``size`` GB each and ``type``.

    ``Disk(100, "s")`` is ``-100s``, ``Disk(10, "p", count=3)`` is ``-3x10p``, ``Disk()`` is a
    bare ``-`` (size and type left to the cloud). Validated by the Rust core.
    """

    def __new__(
        cls, size: Optional[int] = None, kind: Optional[str] = None, count: int = 1
    ) -> Disk: ...
    @property
    def count(self) -> int:
        """Number of disks (1 unless written ``Mx``)."""
    @property
    def size(self) -> Optional[int]:
        """Size of each disk in GB, or ``None`` where the cloud chooses."""
    @property
    def kind(self) -> Optional[str]:
        """``"n"`` (network), ``"h"`` (HDD), ``"s"`` (SSD), ``"p"`` (NVMe) or ``None``
        (unspecified; the spec says ``network``)."""
    def __hash__(self) -> int: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class CpuBrand:
    """The CPU brand extension: ``CpuBrand("i", 3, 1)`` is ``_i3h``. Validated by the Rust
    core (e.g. Intel has generations 0-6)."""

    def __new__(cls, vendor: str, generation: int = 0, frequency: int = 0) -> CpuBrand: ...
    @property
    def vendor(self) -> str:
        """``"i"`` (Intel), ``"z"`` (AMD), ``"a"`` (ARM) or ``"r"`` (RISC-V)."""
    @property
    def generation(self) -> int:
        """The generation number, 0 for old or unspecified (see
        ``tables.cpu_generations``)."""
    @property
    def frequency(self) -> int:
        """The frequency class: the number of ``h`` (0-3)."""
    def __hash__(self) -> int: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class Gpu:
    """The GPU extension: ``Gpu("N", "a", 64)`` is ``_GNa-64``,
    ``Gpu("A", "3.1", 48, 24, kind="g", vram_bandwidth=1)`` is ``_gA3.1-48-24h``.
    Validated by the Rust core (VRAM needs a unit count)."""

    def __new__(
        cls,
        vendor: str,
        generation: Optional[str] = None,
        units: Optional[int] = None,
        vram: Optional[int] = None,
        kind: str = "G",
        unit_frequency: int = 0,
        vram_bandwidth: int = 0,
    ) -> Gpu: ...
    @property
    def kind(self) -> str:
        """``"G"`` (pass-through) or ``"g"`` (virtual)."""
    @property
    def vendor(self) -> str:
        """``"N"`` (Nvidia), ``"A"`` (AMD) or ``"I"`` (Intel)."""
    @property
    def generation(self) -> Optional[str]:
        """The generation code (``"a"``, ``"3.1"``; see ``tables.gpu_generations``), or
        ``None``."""
    @property
    def units(self) -> Optional[int]:
        """Number of SMs / CUs / EUs, or ``None``."""
    @property
    def unit_frequency(self) -> int:
        """Frequency class of the units: the number of ``h`` (0-2)."""
    @property
    def vram(self) -> Optional[int]:
        """Video memory in GiB, or ``None``."""
    @property
    def vram_bandwidth(self) -> int:
        """Bandwidth class of the video memory: the number of ``h`` (0-2)."""
    def __hash__(self) -> int: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

REQUIREMENT_KEYS: tuple[str, ...]
"""The keyword arguments ``select`` accepts (the keys of the Rust ``Requirements``)."""

def _audit(flavors: Union[str, list[Any], dict[str, Any]]) -> tuple[dict[str, Any], str, tuple[str, str, bool]]:
    """Audits a flavor list (JSON text or decoded JSON): ``(report data, text, fix script)``
    (see ``scs_flavor.audit``)."""

def _select(
    candidates: Union[str, list[Any], dict[str, Any]], requirements: dict[str, Any]
) -> tuple[dict[str, Any], str, list[str]]:
    """Selects from names or a flavor list: ``(selection data, text, summaries)`` (see
    ``scs_flavor.select``)."""

def _plan(
    flavors: Union[str, list[Any], dict[str, Any]],
    recommended: bool = False,
    recreate: bool = False,
    prune: bool = False,
) -> tuple[dict[str, Any], str, str]:
    """Plans the changes for a flavor list: ``(plan data, text, openstack script)`` (see
    ``scs_flavor.plan``)."""

def _apply(
    backend: Any,
    recommended: bool = False,
    recreate: bool = False,
    prune: bool = False,
    progress: Optional[Callable[[str], object]] = None,
) -> tuple[dict[str, Any], str, str, dict[str, Any], str]:
    """Lists, plans and applies on ``backend`` (``scs_flavor._openstack.OpenStack``):
    ``(plan data, text, openstack script, applied data, applied text)`` (see ``scs_flavor.apply``)."""

def _flavors(backend: Any) -> list[dict[str, Any]]:
    """``backend.flavors()``; a failure is raised as ``scs_flavor.CloudError`` (``listing the
    flavors: …``)."""

def _part(key: str, properties: Mapping[str, Any]) -> Union[Disk, CpuBrand, Gpu]:
    """Makes the part ``key`` (``"disk"``, ``"cpu_brand"``, ``"gpu"``) from its properties."""

def _lookup(table: str, text: str) -> str:
    """The core's lookup rule (see ``scs_flavor.tables.lookup``)."""

def _restore(name: str, version: Optional[str]) -> Flavor:
    """Unpickles a ``Flavor``."""

def _tables() -> dict[str, Any]:
    """The core's ``tables::Export`` (see ``scs_flavor.tables``)."""

def _run_cli(
    argv: list[str], stdin: Optional[Any], stdout: Optional[Any], stderr: Optional[Any]
) -> int:
    """Runs the ``scs-flavor`` command line (program name first) with these streams and
    returns its exit status (see ``scs_flavor._cli.main``)."""

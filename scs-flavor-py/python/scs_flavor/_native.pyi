"""The native module of ``scs_flavor``: the Rust core crate ``scs-flavor`` seen from Python.

Import from ``scs_flavor``, not from here. Offsets (``start``, ``end``) are indices into the
Python ``str`` that was read, so ``name[err.start:err.end]`` is the offending part.

``version`` arguments name the checker's strategies: ``"v1"``, ``"v1/v2"`` (v2 tolerated with
a warning), ``"v2/v1"`` (v1 tolerated with a warning: what certification does), ``"v2"``,
``"v3"`` (the default) or ``"latest"`` (= ``"v3"``).
"""

from typing import Any, Iterable, Mapping, Optional, Union, final

from ._errors import ParseError

MAX_SPEC_DISKS: int
"""The most disks for which ``Flavor.spec()`` derives a spec (deviation D3): 64."""

STRATEGIES: list[str]
"""The accepted ``version`` values: ``v1``, ``v1/v2``, ``v2/v1``, ``v2``, ``v3``, ``latest``."""

@final
class _ErrorDetail:
    """What a ``ParseError`` holds (its only argument): computed on access."""

    @property
    def kind(self) -> str:
        """A stable identifier of what went wrong."""
    @property
    def message(self) -> str:
        """The message."""
    @property
    def input(self) -> str:
        """The name read."""
    @property
    def version(self) -> str:
        """The strategy it was read with."""
    @property
    def start(self) -> int:
        """Index of the first offending character in ``input``."""
    @property
    def end(self) -> int:
        """Index just past the offending part."""
    @property
    def rendered(self) -> str:
        """The name, a caret line under the offending part and the message."""
    def __reduce__(self) -> tuple[Any, ...]: ...

def _error_detail(name: str, version: str) -> _ErrorDetail:
    """Unpickles an ``_ErrorDetail``."""

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
    """A valid SCS flavor: every component typed; immutable, hashable, ordered (by vCPUs,
    CPU type, RAM, then the other components) and picklable.

    Made by ``parse`` and ``check``, or from properties, validated by the Rust core like a
    parsed name::

        Flavor(cpus=4, cpu_type="V", ram_gib=16, disk=Disk(100, "s"))

    A bad value raises ``ValueError`` naming the field and the allowed values (``TypeError``
    for a value of the wrong type). Letters may be given as their code (``"V"``, ``"kvm"``)
    or their table name (``"shared-core"``, ``"KVM"``). ``disk`` may also be an ``int`` (one
    disk of that size) or a dict of ``Disk``'s arguments; ``cpu_brand`` and ``gpu`` a dict of
    ``CpuBrand``'s / ``Gpu``'s arguments.

    ``str(flavor)`` is the canonical name.
    """

    def __new__(
        cls,
        cpus: int,
        cpu_type: str,
        ram_gib: float,
        *,
        cpu_insecure: bool = False,
        ram_no_ecc: bool = False,
        ram_oversubscribed: bool = False,
        disk: Union[Disk, int, Mapping[str, Any], None] = None,
        hypervisor: Optional[str] = None,
        hwv: bool = False,
        cpu_brand: Union[CpuBrand, Mapping[str, Any], None] = None,
        gpu: Union[Gpu, Mapping[str, Any], None] = None,
        ib: bool = False,
    ) -> Flavor: ...
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

        Raises ``ValueError`` for more than ``MAX_SPEC_DISKS`` disks, where the checker
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
        cls, size: Optional[int] = None, type: Optional[str] = None, count: int = 1
    ) -> Disk: ...
    @property
    def count(self) -> int:
        """Number of disks (1 unless written ``Mx``)."""
    @property
    def size(self) -> Optional[int]:
        """Size of each disk in GB, or ``None`` where the cloud chooses."""
    @property
    def type(self) -> Optional[str]:
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

@final
class Part:
    """One component of a name, from ``Flavor.explain()``."""

    @property
    def component(self) -> str:
        """``"prefix"``, ``"cpu-ram"``, ``"disk"``, ``"hypervisor"``, ``"hwv"``,
        ``"cpu-brand"``, ``"gpu"`` or ``"ib"``."""
    @property
    def start(self) -> int:
        """Index of its first character in the name."""
    @property
    def end(self) -> int:
        """Index just past it."""
    @property
    def text(self) -> str:
        """Its text, e.g. ``"_i3h"``."""
    @property
    def meaning(self) -> str:
        """What it means, in English, e.g. ``"Intel Ice Lake, high frequency"``."""

@final
class Warning:
    """A warning on a valid name (a plain value, not an exception class)."""

    @property
    def kind(self) -> str:
        """A stable identifier: ``"tolerated"``, ``"non-canonical"``, ``"undescribed"``,
        ``"rejected-by-official-checker"`` (deviation D2: certification would fail),
        ``"not-kubernetes-label"``, ``"too-large-for-nova"``, ``"too-many-disks"`` or
        ``"too-long-for-openstack"``."""
    @property
    def message(self) -> str:
        """The message; also ``str(warning)``."""
    @property
    def start(self) -> int:
        """Index of the first character concerned."""
    @property
    def end(self) -> int:
        """Index just past the part concerned."""

REQUIREMENT_KEYS: tuple[str, ...]
"""The keyword arguments ``select`` accepts (the fields of the Rust ``Requirements``)."""

def audit(
    flavors: Union[str, bytes, bytearray, Iterable[Any], Mapping[str, Any], Any], /
) -> AuditReport:
    """Audit a cloud's flavor list offline, as the official ``openstack_test.py`` test cases
    do (without a live cloud, and without crashing): ``scs-0100-syntax-check`` (names read as
    certification does: v3, v1 tolerated with a warning), ``scs-0100-semantics-check`` (vCPUs,
    RAM and root disk against the name), ``scs-0103-extra-specs-check`` (the ``scs:*`` extra
    specs agree with the name) and one ``scs-0103-flavor-…`` test case per standard flavor;
    and derive the ``extra_specs`` fixes.

    ``flavors`` is any of:

    - the JSON text (``str`` or ``bytes``) of ``openstack flavor list --long -f json`` (keys
      ``Name``, ``VCPUs``, ``RAM`` in MiB, ``Disk`` in GB, ``Properties`` as a mapping or in
      the string form ``k='v', k2='v2'``), of a list of ``openstack flavor show -f json``
      objects (lower-case keys, ``properties``), or of the Nova API's ``{"flavors": [...]}``;
    - the same data already decoded (``json.load``): a list of dicts, or one dict;
    - an iterable of openstacksdk ``Flavor`` objects (``conn.compute.flavors()``) or other
      objects with the attributes ``name``, ``vcpus``, ``ram``, ``disk``, ``extra_specs``;
    - plain dicts with those keys.

    Keys or attributes other than these are not looked at. Malformed input raises
    ``ValueError`` naming the entry (index and name) and the field, e.g. ``flavor [1]
    "SCS-4V-8": field "RAM": expected a non-negative integer (MiB), found the string "8 GiB"``;
    a ``flavors`` that is no flavor list at all (a number, ``None``) raises ``TypeError``.
    """

@final
class AuditReport:
    """The result of ``audit``: the test cases, the findings and the fixes.

    ``str(report)`` is the text report of ``scs-flavor audit``: one ``ID: PASS|FAIL`` line
    per test case, then the findings grouped by flavor.
    """

    @property
    def passed(self) -> bool:
        """Whether nothing fails (warnings, notes and missing recommended flavors do not
        count)."""
    @property
    def tests(self) -> tuple[AuditTest, ...]:
        """The test cases: syntax, semantics, extra specs, then one per standard flavor in
        the order of the standard's tables."""
    @property
    def findings(self) -> tuple[Finding, ...]:
        """Every finding: per flavor in input order, then the standard flavors'."""
    @property
    def fixes(self) -> tuple[Fix, ...]:
        """The ``extra_specs`` changes that make every check that extra specs can satisfy
        pass, by flavor in input order, then by key."""
    def fix_script(self) -> str:
        """The fixes as a shell script: one ``openstack flavor set/unset`` command per line
        (what ``scs-flavor audit --fix`` prints)."""
    def to_json(self, pretty: bool = False) -> str:
        """The report as JSON (``passed``, ``tests``, ``findings``, ``fixes``);
        ``pretty=True`` indents it as ``scs-flavor audit -o json`` prints it."""
    def to_dict(self) -> dict[str, Any]:
        """``to_json()`` as a dict."""

@final
class AuditTest:
    """One test case of an audit; ``str()`` is the official runner's line ``ID: PASS``."""

    @property
    def id(self) -> str:
        """The test case id, e.g. ``"scs-0100-syntax-check"``, ``"scs-0103-flavor-2v-4-20s"``."""
    @property
    def result(self) -> str:
        """``"PASS"`` or ``"FAIL"``. A missing recommended flavor fails its test case, as in
        the official runner, but only with a note: it does not make the audit fail."""
    @property
    def mandatory(self) -> bool:
        """Whether certification requires it (syntax, semantics, mandatory standard
        flavors)."""
    @property
    def official(self) -> bool:
        """Whether the official runner has this test case (all but
        ``scs-0103-extra-specs-check`` and the newest standard flavors)."""

@final
class Finding:
    """One reason of an audit; ``str()`` is ``severity [test]: message``."""

    @property
    def flavor(self) -> str:
        """The flavor's name (for a missing standard flavor: its standard name)."""
    @property
    def test(self) -> str:
        """The test case it belongs to, e.g. ``"scs-0100-semantics-check"``."""
    @property
    def severity(self) -> str:
        """``"error"`` (the test case fails), ``"warning"`` or ``"note"``."""
    @property
    def kind(self) -> str:
        """A stable identifier, e.g. ``"ram-overpromise"``, ``"disk-type-mismatch"``,
        ``"standard-flavor-missing"``."""
    @property
    def message(self) -> str:
        """An English sentence."""

@final
class Fix:
    """One ``extra_specs`` change; ``str()`` is its command."""

    @property
    def flavor(self) -> str:
        """The flavor's name."""
    @property
    def action(self) -> str:
        """``"set"`` or ``"unset"``."""
    @property
    def key(self) -> str:
        """The extra spec's key, e.g. ``"scs:cpu-type"``."""
    @property
    def value(self) -> Optional[str]:
        """The value to set; ``None`` for ``"unset"``."""
    @property
    def command(self) -> str:
        """The ready-to-run, shell-quoted command, e.g.
        ``openstack flavor set --property scs:cpu-type=shared-core SCS-2V-4``."""

def select(
    names_or_flavors: Union[str, bytes, bytearray, Iterable[Any], Mapping[str, Any]],
    /,
    *,
    cpus: Union[int, str, None] = None,
    cpu_type: Optional[str] = None,
    secure_cpu: Union[bool, str, None] = None,
    ram_gib: Union[float, str, None] = None,
    ecc: Union[bool, str, None] = None,
    no_oversubscription: Union[bool, str, None] = None,
    disk_gb: Union[int, str, None] = None,
    disk_type: Optional[str] = None,
    no_disk: Union[bool, str, None] = None,
    arch: Optional[str] = None,
    cpu_vendor: Optional[str] = None,
    gpu: Union[bool, str, None] = None,
    gpu_vendor: Optional[str] = None,
    gpu_units: Union[int, str, None] = None,
    gpu_vram_gib: Union[int, str, None] = None,
    infiniband: Union[bool, str, None] = None,
    bare_metal: Union[bool, str, None] = None,
    hwv: Union[bool, str, None] = None,
) -> Selection:
    """Select the flavors that satisfy the requirements, cheapest (least over-provisioned)
    first, and say why each other one fails.

    ``names_or_flavors`` is a list of flavor names (read as certification does: v3, v1
    tolerated; invalid and non-SCS names are rejected with that reason), or a cloud's flavor
    list in any form ``audit`` accepts (each flavor judged by its SCS name or else its first
    valid ``scs:name-vN`` extra spec, and rejected if it delivers less than that name
    promises). A ``str`` is read as JSON text, not as one name.

    The requirements (``REQUIREMENT_KEYS``; ``None`` or leaving one out: no requirement):
    at least ``cpus`` vCPUs of at least ``cpu_type`` (``L`` < ``V`` < ``T`` < ``C``, by code
    or name), ``secure_cpu`` (no ``i``), at least ``ram_gib`` GiB RAM, ``ecc`` (no ``u``),
    ``no_oversubscription`` (no ``o``), a root disk of at least ``disk_gb`` GB and at least
    ``disk_type`` (``n`` < ``h`` < ``s`` < ``p``, or ``network`` … ``nvme``), or ``no_disk``;
    ``arch`` (``x86-64``, ``arm``, ``riscv``), ``cpu_vendor`` (``intel``, ``amd``, ``arm``,
    ``riscv`` or their codes), a ``gpu`` of ``gpu_vendor`` (``nvidia``, ``amd``, ``intel``)
    with at least ``gpu_units`` compute units and ``gpu_vram_gib`` GiB VRAM, ``infiniband``,
    ``bare_metal``, ``hwv``.

    Each value is handed to the Rust ``Requirements.set`` as text (``True`` as ``"true"``):
    a bad value raises ``ValueError`` with its message (``cpus: expected a non-negative
    number, found "two"``), an unknown keyword ``TypeError`` listing the known ones.
    """

@final
class Selection:
    """The result of ``select``; ``str()`` is what ``scs-flavor select`` prints."""

    @property
    def matches(self) -> tuple[Match, ...]:
        """The flavors that satisfy the requirements, cheapest first (ties by name)."""
    @property
    def rejected(self) -> tuple[Rejection, ...]:
        """The others, in input order, with the reasons."""
    @property
    def best(self) -> Optional[Match]:
        """The first match, or ``None``."""
    def to_json(self, pretty: bool = False) -> str:
        """The selection as JSON (``matches``, ``rejected``); ``pretty=True`` indents it as
        ``scs-flavor select -o json`` prints it."""
    def to_dict(self) -> dict[str, Any]:
        """``to_json()`` as a dict."""

@final
class Match:
    """A flavor that satisfies the requirements."""

    @property
    def name(self) -> str:
        """The name as given (for a flavor list: the cloud's flavor name)."""
    @property
    def flavor(self) -> Flavor:
        """The SCS flavor it was judged by."""
    @property
    def cost(self) -> int:
        """The over-provisioning cost in thousandths of a vCPU (lower is better, 0 is an
        exact fit): each vCPU beyond the requirement 1000, each GiB of RAM 250, each GB of
        root disk 10, each step of CPU type 500, each step of disk type 200, a GPU / bare
        metal / Infiniband / ``_hwv`` nobody asked for 8000 / 4000 / 2000 / 250."""
    @property
    def excess(self) -> dict[str, Any]:
        """What it offers beyond the requirements: ``vcpus``, ``ram_gib``, ``disk_gb``,
        ``cpu_type_steps``, ``disk_type_steps``, ``extras`` (``"gpu"``, ``"bare-metal"``,
        ``"infiniband"``, ``"hwv"``)."""
    @property
    def summary(self) -> str:
        """The excess in words, e.g. ``"+20 GB disk, CPU type +1"`` or ``"exact fit"``."""

@final
class Rejection:
    """A flavor that does not satisfy the requirements."""

    @property
    def name(self) -> str:
        """The name as given."""
    @property
    def reasons(self) -> tuple[str, ...]:
        """One sentence per unmet requirement (or why the name could not be judged)."""

def _restore(name: str, version: Optional[str]) -> Flavor:
    """Unpickles a ``Flavor``."""

def _tables() -> dict[str, Any]:
    """The core's value tables as ``(code, name, meaning)`` rows (see ``scs_flavor.tables``)."""

def _run_cli(
    argv: list[str], stdin: Optional[Any], stdout: Optional[Any], stderr: Optional[Any]
) -> int:
    """Runs the ``scs-flavor`` command line (program name first) with these streams and
    returns its exit status (see ``scs_flavor._cli.main``)."""

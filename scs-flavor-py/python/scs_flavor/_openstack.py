"""The live-cloud backend of the Python package: the five flavor calls of the Rust ``Cloud``
trait, made with ``openstacksdk`` (the extra ``scs-flavor[openstack]``).

This module only calls the SDK and translates its exceptions into facts (``Failure``: the
situation and its figures, e.g. ``http`` with the status and the server's text); the messages,
the kinds (``config``, ``unreachable``, ``auth``, ``forbidden``, ``no-compute``, ``refused``),
what to list, plan and change, in which order, and what is printed, are decided by the Rust
crates (``scs_flavor._native``), as for the ``scs-flavor`` binary built with cargo.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from typing import Any, Dict, Iterator, List, Optional

__all__ = ["INSTALL", "Failure", "OpenStack", "connect", "is_connection"]

INSTALL = "pip install 'scs-flavor[openstack]'"
"""How to get openstacksdk, for the ``config`` error when it is missing."""


def is_connection(value: Any) -> bool:
    """Whether ``value`` is an ``openstack.connection.Connection`` (without importing
    openstacksdk: if it is not imported, nothing can be one)."""
    module = sys.modules.get("openstack.connection")
    connection = getattr(module, "Connection", None)
    return isinstance(connection, type) and isinstance(value, connection)


class Failure(Exception):
    """A failed SDK call, as facts: ``situation`` names a constructor of the Rust
    ``CloudError`` (``no_such_cloud``, ``credentials_refused``, ``unreachable``,
    ``no_compute``, ``http``, ``connection_failed``, ``failed``, …) and ``facts`` are its
    arguments. The native module words it (``scs_flavor._native``), as the cargo-built
    command does; this module never formats a message."""

    def __init__(self, situation: str, **facts: Any) -> None:
        super().__init__(situation, facts)
        self.situation = situation
        self.facts = facts


def _status(e: BaseException) -> Optional[int]:
    """The HTTP status of an SDK or keystoneauth exception, if it has one."""
    for attr in ("status_code", "http_status"):
        code = getattr(e, attr, None)
        if isinstance(code, int):
            return code
    response = getattr(e, "response", None)
    code = getattr(response, "status_code", None)
    return code if isinstance(code, int) else None


def _message(e: BaseException) -> str:
    """The exception's text (or its class name if it has none)."""
    return str(e).strip() or type(e).__name__


def _innermost(e: BaseException) -> BaseException:
    """The innermost cause of ``e`` (e.g. the refused connection)."""
    inner: BaseException = e
    seen: List[BaseException] = []
    while (inner.__cause__ or inner.__context__) is not None and inner not in seen:
        seen.append(inner)
        inner = inner.__cause__ or inner.__context__  # type: ignore[assignment]
    return inner


def _no_service(e: BaseException) -> bool:
    """Whether ``e`` says the catalog has no such service (or it is disabled)."""
    from keystoneauth1 import exceptions as ka  # type: ignore[import-not-found,import-untyped,unused-ignore]
    from openstack import exceptions as sdk  # type: ignore[import-not-found,import-untyped,unused-ignore]

    return isinstance(e, (sdk.ServiceDisabledException, ka.EndpointNotFound, sdk.EndpointNotFound))


def translate(e: Exception) -> Optional[Failure]:
    """The ``Failure`` for an openstacksdk or keystoneauth exception; ``None`` for any other
    exception, which is a bug and propagates as it is."""
    from keystoneauth1 import exceptions as ka  # type: ignore[import-not-found,import-untyped,unused-ignore]
    from openstack import exceptions as sdk  # type: ignore[import-not-found,import-untyped,unused-ignore]

    if isinstance(e, Failure):
        return e
    # openstacksdk wraps keystoneauth's exceptions (``authorize()`` raises an SDKException
    # whose context is keystoneauth's ``Unauthorized``): the first one that says more wins.
    chain: List[BaseException] = []
    inner: Optional[BaseException] = e
    while inner is not None and inner not in chain:
        chain.append(inner)
        inner = inner.__cause__ or inner.__context__
    for x in chain:
        if _no_service(x):
            return Failure("failed", cause=_message(x))
        if isinstance(x, (sdk.ConfigException, ka.AuthPluginException)):
            return Failure("cannot_connect", cause=_message(x))
        if isinstance(x, (ka.ConnectionError, ka.DiscoveryFailure)):
            return Failure("connection_failed", cause=_message(_innermost(x)))
        status = _status(x)
        if status is not None:
            details = getattr(x, "details", None)
            text = details if isinstance(details, str) else ""
            return Failure("http", status=status, server_text=text)
    if not isinstance(e, (sdk.SDKException, ka.ClientException)):
        return None
    return Failure("failed", cause=_message(e))


@contextlib.contextmanager
def _translated() -> Iterator[None]:
    """Raises SDK exceptions inside as ``Failure``s."""
    try:
        yield
    except Exception as e:
        failure = translate(e)
        if failure is None or failure is e:
            raise
        raise failure from e


class OpenStack:
    """A cloud reached through an ``openstack.connection.Connection``: the five calls the
    Rust crate's ``apply`` and ``plan`` need; every SDK exception is raised as a ``Failure``,
    which the native module turns into ``scs_flavor.CloudError``."""

    def __init__(self, conn: Any) -> None:
        self.conn = conn

    def flavors(self) -> List[Dict[str, Any]]:
        """Every flavor the credentials can see (all of them for an admin: the SDK asks with
        ``is_public=None``), in the cloud's order, with ID, public flag and extra specs, in
        the keys of ``openstack flavor show -f json``."""
        with _translated():
            return [
                {
                    "id": f.id,
                    "name": f.name,
                    "vcpus": f.vcpus,
                    "ram": f.ram,
                    "disk": f.disk,
                    "is_public": f.is_public,
                    "extra_specs": dict(f.extra_specs or {}),
                }
                for f in self.conn.compute.flavors(details=True, get_extra_specs=True)
            ]

    def create_flavor(self, name: str, vcpus: int, ram: int, disk: int, is_public: bool) -> str:
        """Creates a flavor (RAM in MiB, disk in GB) and returns its ID."""
        with _translated():
            flavor = self.conn.compute.create_flavor(
                name=name, vcpus=vcpus, ram=ram, disk=disk, is_public=is_public
            )
            return str(flavor.id)

    def set_properties(self, id: str, properties: Dict[str, str]) -> None:
        """Sets extra specs of the flavor ``id``."""
        with _translated():
            self.conn.compute.create_flavor_extra_specs(id, properties)

    def unset_properties(self, id: str, keys: List[str]) -> None:
        """Deletes extra specs of the flavor ``id``."""
        for key in keys:
            with _translated():
                self.conn.compute.delete_flavor_extra_specs_property(id, key)

    def delete_flavor(self, id: str) -> None:
        """Deletes the flavor ``id``."""
        with _translated():
            self.conn.compute.delete_flavor(id, ignore_missing=False)


def connect(cloud: Optional[str] = None) -> OpenStack:
    """Opens the cloud ``cloud`` of ``clouds.yaml`` (``None``: ``OS_CLOUD``, else the ``OS_*``
    environment), as ``openstack --os-cloud`` does, authenticates and looks up the compute
    service (as the ``openstack_sdk`` backend of the cargo-built command does). Raises a
    ``Failure`` (a ``config`` one if openstacksdk is not installed or the cloud is not
    configured, ``unreachable``, ``credentials_refused``, ``no_compute``, …)."""
    try:
        import openstack  # type: ignore[import-not-found,import-untyped,unused-ignore]
        import openstack.config  # type: ignore[import-not-found,import-untyped,unused-ignore]
    except ImportError:
        raise Failure("sdk_missing", sdk="openstacksdk", install=INSTALL) from None
    # keystoneauth logs discovery failures as warnings, which Python prints on stderr when
    # nothing else handles them; the command prints its one error line instead.
    logging.getLogger("keystoneauth").addHandler(logging.NullHandler())
    logging.getLogger("keystoneauth").propagate = False
    name = cloud or os.environ.get("OS_CLOUD") or None
    if name is None and not os.environ.get("OS_AUTH_URL"):
        raise Failure("no_cloud_given")
    try:
        if name is not None and name not in openstack.config.OpenStackConfig().get_cloud_names():
            raise Failure(
                "no_such_cloud", name=name, config_file=os.environ.get("OS_CLIENT_CONFIG_FILE") or None
            )
        conn = openstack.connect(cloud=name)
    except Failure:
        raise
    except Exception as e:
        failure = translate(e)
        if failure is None:
            raise
        cause = failure.facts.get("cause") or failure.facts.get("server_text") or _message(e)
        raise Failure("cannot_connect", cloud=name, cause=cause) from e
    auth_url = (conn.config.config.get("auth") or {}).get("auth_url", "")
    try:
        conn.authorize()
    except Exception as e:
        failure = translate(e)
        if failure is None:
            raise
        facts = failure.facts
        if failure.situation == "connection_failed":
            raise Failure("unreachable", cloud=name, auth_url=auth_url, cause=facts["cause"]) from e
        if failure.situation == "http" and facts["status"] == 401:
            raise Failure("credentials_refused", cloud=name, auth_url=auth_url) from e
        if failure.situation == "http":
            raise Failure("authentication_refused", cloud=name, **facts) from e
        raise Failure("cannot_connect", cloud=name, cause=facts.get("cause") or _message(e)) from e
    try:
        conn.compute.get_endpoint()
    except Exception as e:
        chain: List[BaseException] = []
        inner: Optional[BaseException] = e
        while inner is not None and inner not in chain:
            chain.append(inner)
            inner = inner.__cause__ or inner.__context__
        if not any(_no_service(x) for x in chain):
            failure = translate(e)
            if failure is None:
                raise
            raise failure from e
        raise Failure(
            "no_compute",
            cloud=name,
            region=conn.config.region_name,
            interface=conn.config.config.get("interface"),
        ) from e
    return OpenStack(conn)

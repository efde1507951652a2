"""Which addresses fetch may connect to: untrusted links stay outside.

Fetch runs unattended and publishes what it reads, so a feed item or a redirect that
points at this machine, the local network or a cloud metadata service
(169.254.169.254) must be refused, or an internal page would end up on the public
site. The rule: an address is reachable when every address its name resolves to is
globally routable, or when it is one of the request's *trusted origins* (the feed's
own scheme, host and port, which the site owner chose).

The check is made on what the resolver returns, so every spelling of an address
(``2130706433``, ``0x7f.1``, ``[::ffff:127.0.0.1]``, a name pointing at 10.0.0.5)
is judged by the address it means. And the connection is opened to the very address
that was checked (``GuardedHTTPConnection``), so a name that answers differently a
second later (DNS rebinding) cannot slip through.
"""
from __future__ import annotations

import ipaddress
import socket
from typing import Iterable
from urllib.parse import urlsplit

from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import ConnectTimeoutError, NameResolutionError, NewConnectionError
from urllib3.util import connection as u3connection

from .errors import RefusedAddress

_DEFAULT_PORTS = {"http": 80, "https": 443}
# NAT64 (RFC 6052): an IPv6 address that a gateway turns into the IPv4 address in its last 32 bits.
_NAT64 = ipaddress.ip_network("64:ff9b::/96")

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


def origin(url: str) -> str:
    """scheme://host:port of an address, lower case, with the port always written."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    try:
        port = parts.port or _DEFAULT_PORTS.get(scheme, 0)
    except ValueError:  # a port that is not a number
        port = 0
    host = (parts.hostname or "").lower()
    return f"{scheme}://[{host}]:{port}" if ":" in host else f"{scheme}://{host}:{port}"


def trusted_origins(urls: Iterable[str]) -> frozenset[str]:
    return frozenset(origin(u) for u in urls)


def embedded_ipv4(ip: IPAddress) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address stands for (mapped, NAT64, 6to4, Teredo), if any."""
    if isinstance(ip, ipaddress.IPv4Address):
        return None
    if ip.ipv4_mapped:
        return ip.ipv4_mapped
    if ip in _NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    if ip.sixtofour:
        return ip.sixtofour
    if ip.teredo:
        return ip.teredo[1]
    return None


def why_not_public(ip: IPAddress) -> str | None:
    """None when ip is globally routable; else what it is ("loopback", "private", ...)."""
    inner = embedded_ipv4(ip)
    if inner is not None:
        reason = why_not_public(inner)
        return f"{reason}, inside an IPv6 address" if reason else None
    if ip.is_loopback:
        return "loopback"
    if ip.is_link_local:
        return "link-local"
    if ip.is_multicast:
        return "multicast"
    if ip.is_unspecified:
        return "unspecified"
    if ip.is_private:
        return "private"
    if ip.is_reserved or not ip.is_global:
        return "reserved"
    return None


def public_addresses(host: str, port: int) -> list[tuple[int, tuple]]:
    """Resolve host; every answer must be public, else RefusedAddress. Returns (family, sockaddr) pairs.

    All answers, not only the first: a name that lists a public and a private address
    could have the connection land on either.
    """
    bare = host.strip("[]")
    try:
        answers = socket.getaddrinfo(bare, port, u3connection.allowed_gai_family(), socket.SOCK_STREAM)
    except UnicodeError:
        raise RefusedAddress(f"refused: {host!r} is not a valid host name") from None
    out = []
    for family, _type, _proto, _name, sockaddr in answers:
        ip = ipaddress.ip_address(sockaddr[0].split("%", 1)[0])
        reason = why_not_public(ip)
        if reason:
            shown = bare if bare == str(ip) else f"{bare} ({ip})"
            raise RefusedAddress(f"refused: {shown} is a {reason} address, not a public one")
        out.append((family, sockaddr))
    return out


def check_name(host: str, port: int) -> None:
    """For requests through a proxy, which resolves names itself: refuse what we can tell is internal.

    A name this machine cannot resolve is left to the proxy (behind a proxy, local DNS
    often knows no outside names); an address literal or a name that resolves here is
    judged like a direct connection.
    """
    try:
        public_addresses(host, port)
    except socket.gaierror:
        pass


class _Guarded:
    """Connect only to public addresses, and to exactly the address that was checked."""

    _dns_host: str
    port: int
    timeout: float | None
    source_address: tuple[str, int] | None
    socket_options: list | None

    def _new_conn(self) -> socket.socket:
        try:
            addresses = public_addresses(self._dns_host, self.port)
        except socket.gaierror as e:
            raise NameResolutionError(self.host, self, e) from e  # type: ignore[attr-defined, arg-type]
        error: OSError | None = None
        for _family, sockaddr in addresses:
            try:
                # An address literal: create_connection does no further name lookup.
                return u3connection.create_connection(
                    (sockaddr[0], sockaddr[1]), self.timeout,
                    source_address=self.source_address, socket_options=self.socket_options,
                )
            except socket.timeout as e:
                raise ConnectTimeoutError(self, f"Connection to {self.host} timed out. (connect timeout={self.timeout})") from e  # type: ignore[attr-defined, arg-type]
            except OSError as e:
                error = e
        raise NewConnectionError(self, f"Failed to establish a new connection: {error}") from error  # type: ignore[arg-type]


class GuardedHTTPConnection(_Guarded, HTTPConnection):
    pass


class GuardedHTTPSConnection(_Guarded, HTTPSConnection):
    pass


class GuardedHTTPConnectionPool(HTTPConnectionPool):
    ConnectionCls = GuardedHTTPConnection


class GuardedHTTPSConnectionPool(HTTPSConnectionPool):
    ConnectionCls = GuardedHTTPSConnection


GUARDED_POOLS = {"http": GuardedHTTPConnectionPool, "https": GuardedHTTPSConnectionPool}

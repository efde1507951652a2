"""Dask clusters for the steps that can run on one: ingest's extraction, grouping's blocking join.

Optional (``pip install '.[dask]'``): nothing imports Dask unless ``--dask`` is given.
``local`` starts a cluster of worker processes on this machine.
"""
from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator
from typing import Any


@contextlib.contextmanager
def dask_client(address: str, workers: int) -> Iterator[Any]:
    """A connected Dask client (and the local cluster behind it, when address is 'local')."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise ValueError("--dask needs the dask extra: pip install '.[dask]'") from None
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) if address == "local" else None
    client = Client(cluster or address)
    try:
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def dask_mapper(client: Any) -> Callable[[Callable[[Any], Any], list[Any]], Iterable[Any]]:
    """A ``map`` that runs on the cluster: the function (and the data it holds) goes out once."""

    def mapper(func: Callable[[Any], Any], items: list[Any]) -> list[Any]:
        shared = client.scatter(func, broadcast=True)
        return client.gather(client.map(_apply, items, function=shared, pure=False))

    return mapper


def _apply(item: Any, function: Callable[[Any], Any]) -> Any:
    return function(item)

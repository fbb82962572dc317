"""Cleaning on Dask: the `--engine dask` submitter and a Python API for bags, partition by partition.

Needs the optional extra: `pip install 'mtclean[dask]'`. For example::

    records = dask.bag.read_text("corpus-*.jsonl").map(json.loads)
    cleaned = cleaner.dask.clean_bag(records)            # a bag of cleaned records
    pairs = cleaner.dask.clean_bag(records, log=True)    # (cleaned record, change-log record)
"""

from __future__ import annotations

from contextlib import ExitStack
from typing import Any, Iterable

from .batch.work import DocumentError, Settings, clean_chunk, clean_record, pipeline_for, run_clean
from .config import Config
from .io import LOG_SCHEMA, log_record


def dask_submitter(scheduler: str | None, jobs: int, stack: ExitStack):
    """Submit chunks to the scheduler at ADDRESS, or to a local cluster of `jobs` worker processes."""
    from distributed import Client, LocalCluster

    if scheduler:
        client = stack.enter_context(Client(scheduler))
    else:
        cluster = stack.enter_context(LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                                                   dashboard_address=":0"))
        client = stack.enter_context(Client(cluster))
    return lambda chunk, settings: client.submit(clean_chunk, chunk, settings, pure=False)


def clean_partition(items: Iterable[Any], settings: Settings, log: bool = False) -> list:
    """Clean one partition: strings become cleaned strings, records get their text field cleaned.

    With `log`, each item becomes a (cleaned, log record) pair, named by the record's id field
    (else its position in the partition); a record that cannot be cleaned is passed through
    unchanged and its log record carries an `error` instead of `changes`.
    """
    pipeline = pipeline_for(settings.config)
    cleaned = []
    for number, item in enumerate(items):
        if isinstance(item, str):
            result = run_clean(item, pipeline)
            cleaned.append((result.text, log_record(str(number), result, key="id")) if log else result.text)
            continue
        name = item.get(settings.id_field, number) if isinstance(item, dict) else number
        try:
            if not isinstance(item, dict) or not isinstance(item.get(settings.text_field), str):
                raise DocumentError(f"not a record with a string '{settings.text_field}' field")
            record, record_log, _ = clean_record(item, settings, pipeline, name)
        except DocumentError as error:
            record, record_log = item, {"schema": LOG_SCHEMA, "id": name, "error": str(error)}
        cleaned.append((record, record_log) if log else record)
    return cleaned


def clean_bag(bag, config: Config | None = None, *, text_field: str = "text", title_field: str = "title",
              id_field: str = "id", fix_title: bool = False, log: bool = False):
    """A Dask bag of cleaned documents (strings or JSON-like records), cleaned partition-wise.

    Each worker builds the rule pipeline once and reuses it for every partition it gets.
    """
    settings = Settings(config or Config(), text_field, title_field, id_field, fix_title)
    return bag.map_partitions(clean_partition, settings, log)

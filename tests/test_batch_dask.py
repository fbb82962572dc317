"""The Dask engine on a real LocalCluster (two worker processes): same output and log as the local engine."""

from __future__ import annotations

import json
from pathlib import Path

import dask.bag as db
import pytest
from distributed import Client, LocalCluster

import cleaner
from cleaner.cli import main
from cleaner.dask import clean_bag
from cleaner.io import LOG_SCHEMA
from tests.batch_helpers import expected_for, make_corpus


@pytest.fixture(scope="module")
def cluster():
    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=":0") as cluster:
        yield cluster


def test_cli_dask_engine_matches_local_engine(cluster, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    make_corpus(corpus, 0.4, seed=12)
    local_out, local_log = tmp_path / "local.jsonl", tmp_path / "local-log.jsonl"
    assert main(["batch", str(corpus), "-o", str(local_out), "--log", str(local_log), "--jobs", "1", "-q"]) == 0
    out, log = tmp_path / "dask.jsonl", tmp_path / "dask-log.jsonl"
    assert main(["batch", str(corpus), "-o", str(out), "--log", str(log), "--engine", "dask",
                 "--scheduler", cluster.scheduler_address, "--chunk-size", "6", "-q"]) == 0
    assert out.read_bytes() == local_out.read_bytes()
    assert log.read_bytes() == local_log.read_bytes()
    with Client(cluster) as client:  # both workers took part
        assert len(client.scheduler_info()["workers"]) == 2


def test_clean_bag_partition_wise(cluster, tmp_path: Path) -> None:
    records = make_corpus(tmp_path / "c.jsonl", 0.1, seed=4)
    records.append({"id": "bad", "body": "no text"})
    pipeline = cleaner.Pipeline.from_config()
    with Client(cluster):
        bag = db.from_sequence(records, npartitions=3)
        pairs = clean_bag(bag, log=True).compute()
        texts = clean_bag(db.from_sequence(["Rains came. . Crews worked.", "Clean."], npartitions=2)).compute()
    assert len(pairs) == len(records)
    for record, (cleaned, log) in zip(records[:-1], pairs):
        assert (cleaned, log) == expected_for(record, pipeline, record["id"])
    assert pairs[-1] == (records[-1], {"schema": LOG_SCHEMA, "id": "bad",
                                       "error": "not a record with a string 'text' field"})
    assert texts == ["Rains came. Crews worked.", "Clean."]
    assert json.dumps(pairs[0][1])  # log records are plain JSON


def test_cli_dask_engine_without_scheduler_starts_a_local_cluster(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    make_corpus(corpus, 0.1, seed=13)
    local_out, out = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    assert main(["batch", str(corpus), "-o", str(local_out), "--jobs", "1", "-q"]) == 0
    assert main(["batch", str(corpus), "-o", str(out), "--engine", "dask", "--jobs", "2",
                 "--chunk-size", "5", "-q"]) == 0
    assert out.read_bytes() == local_out.read_bytes()

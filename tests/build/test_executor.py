"""The stage runner: the same outcomes, in the same order, whichever engine runs the work; a failing or dying
task is reported with its item and never takes the other items with it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from tests.build import executor_tasks as tasks

from editio.build.executor import InProcess, LocalPool, current, make, open_executor

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def dask_local():
    import dask.config
    import distributed  # noqa: F401 - its defaults first: a set() over a key not yet there removes it on exit

    # a task whose worker dies is given up at once instead of after three retries (the default)
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}):
        executor = make(jobs=3, scheduler="local")  # one worker alive while another restarts
        try:
            yield executor
        finally:
            executor.close()


def engines(dask_local):
    return [InProcess(), LocalPool(2), dask_local]


def test_every_engine_gives_the_values_in_the_order_of_the_items(dask_local):
    items = list(range(40))
    for executor in engines(dask_local):
        outcomes = list(executor.map(tasks.square, items))
        assert [o.item for o in outcomes] == items, executor.engine
        assert [o.value for o in outcomes] == [n * n for n in items], executor.engine
        assert all(o.ok for o in outcomes)


def test_a_failing_task_is_reported_with_its_item_and_the_others_still_run(dask_local):
    for executor in engines(dask_local):
        outcomes = list(executor.map(tasks.square_unless_seven, range(10), describe=lambda n: f"document {n}"))
        failed = [o for o in outcomes if not o.ok]
        assert [o.item for o in failed] == [7], executor.engine
        assert "document 7" in failed[0].error and "seven is refused" in failed[0].error
        assert [o.value for o in outcomes if o.ok] == [n * n for n in range(10) if n != 7]


def test_a_worker_killed_mid_task_names_the_document_and_the_others_build():
    outcomes = list(LocalPool(2).map(tasks.die_on_three, range(12), describe=lambda n: f"doc-{n}.xml"))
    failed = [o for o in outcomes if not o.ok]
    assert [o.item for o in failed] == [3]
    assert "doc-3.xml" in failed[0].error and "worker process died" in failed[0].error
    assert [o.value for o in outcomes if o.ok] == [n * n for n in range(12) if n != 3]


def test_dask_reports_a_killed_worker_as_the_items_error(dask_local):
    outcomes = list(dask_local.map(tasks.die_on_three, range(6), describe=lambda n: f"doc-{n}.xml"))
    failed = [o for o in outcomes if not o.ok]
    assert [o.item for o in failed] == [3] and "doc-3.xml" in failed[0].error
    assert [o.value for o in outcomes if o.ok] == [0, 1, 4, 16, 25]


def test_real_documents_give_byte_identical_results_on_the_pool_and_on_dask(dask_local):
    docs = sorted(str(p) for p in (ROOT / "tei").glob("19*.xml"))
    assert docs
    by_pool = [o.value for o in LocalPool(2).map(tasks.tei_title, docs)]
    by_dask = [o.value for o in dask_local.map(tasks.tei_title, docs)]
    here = [o.value for o in InProcess().map(tasks.tei_title, docs)]
    assert by_pool == by_dask == here
    assert all(by_pool)


def test_the_pool_runs_on_several_processes_not_this_one():
    pids = {o.value for o in LocalPool(2).map(tasks.worker_pid, range(20))}
    assert os.getpid() not in pids and pids


def test_one_job_runs_in_this_process_and_the_build_executor_is_current_only_inside_the_build():
    assert isinstance(make(jobs=1), InProcess)
    assert isinstance(current(), InProcess)
    with open_executor(jobs=2) as executor:
        assert current() is executor and executor.jobs == 2
    assert isinstance(current(), InProcess)


def test_a_build_says_plainly_when_its_dask_scheduler_cannot_be_reached(tmp_path):
    import dask.config
    import distributed  # noqa: F401 - its defaults first: a set() over a key not yet there removes it on exit
    from click.testing import CliRunner

    from editio.cli import main

    runner = CliRunner()
    assert runner.invoke(main, ["init", str(tmp_path / "ed")]).exit_code == 0
    with dask.config.set({"distributed.comm.timeouts.connect": "2s"}):
        result = runner.invoke(main, ["--edition", str(tmp_path / "ed"), "build", "check", "--scheduler",
                                      "tcp://127.0.0.1:9"])
    assert result.exit_code == 1
    assert "cannot reach the Dask scheduler tcp://127.0.0.1:9" in result.output

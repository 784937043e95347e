"""The facts that tie the workflows and deployment descriptors to the rest of the project,
which no schema can see: CI calls Make targets that exist; Render runs docker-compose's
exact commands, migrates before traffic and runs one beat; Vercel sends /api to that
backend and serves the SPA's routes; every secret is documented.

Each rule is a function that lists problems; it is run on the real files (no problem) and
on a broken copy (the problem it exists to catch).
"""

from __future__ import annotations

import copy
import re
import shlex
import tomllib
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from django.db import migrations
from django.db.migrations.loader import MigrationLoader
from django.urls import resolve

ROOT = Path(__file__).resolve().parents[3]
DOC = ROOT / "docs" / "ci-secrets-and-migrations.md"


def load(name: str) -> dict:
    data = yaml.safe_load((ROOT / name).read_text(encoding="utf-8"))
    if True in data:  # YAML 1.1 reads a workflow's `on:` key as the boolean true
        data["on"] = data.pop(True)
    return data


@pytest.fixture(scope="module")
def workflows() -> dict[str, dict]:
    return {name: load(f".github/workflows/{name}") for name in ("ci.yml", "deploy.yml")}


@pytest.fixture(scope="module")
def render() -> dict:
    return load("render.yaml")


@pytest.fixture(scope="module")
def compose() -> dict:
    return load("docker-compose.yml")


@pytest.fixture(scope="module")
def vercel() -> dict:
    return load("frontend/vercel.json")  # JSON is YAML


# --- CI calls what exists --------------------------------------------------------------------


def make_targets() -> set[str]:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([a-z][a-z0-9-]*)\s*:(?!=)", text, flags=re.MULTILINE))


def run_scripts(workflow: dict) -> list[str]:
    return [
        step["run"]
        for job in workflow["jobs"].values()
        for step in job.get("steps", [])
        if "run" in step
    ]


def missing_make_targets(workflow: dict, targets: set[str]) -> list[str]:
    called = set()
    for script in run_scripts(workflow):
        for match in re.finditer(
            r"\bmake((?:[ \t]+-C[ \t]+\S+)?(?:[ \t]+[a-z][a-z0-9-]*)+)", script
        ):
            called |= {
                word
                for word in match.group(1).split()
                if word != "-C" and "/" not in word and word != ".."
            }
    return sorted(called - targets)


def test_ci_calls_only_make_targets_that_exist(workflows):
    targets = make_targets()
    assert {
        "install",
        "lint",
        "typecheck",
        "schema",
        "install-frontend",
        "install-browser",
    } <= targets
    for workflow in workflows.values():
        assert missing_make_targets(workflow, targets) == []
    broken = copy.deepcopy(workflows["ci.yml"])
    broken["jobs"]["python-checks"]["steps"].append({"run": "make lint-everything"})
    assert missing_make_targets(broken, targets) == ["lint-everything"]


def built_dockerfiles(workflow: dict) -> list[str]:
    return [
        step["with"].get("file", "Dockerfile")
        for job in workflow["jobs"].values()
        for step in job.get("steps", [])
        if str(step.get("uses", "")).startswith("docker/build-push-action@")
    ]


def test_the_image_built_is_the_one_compose_and_render_run(workflows, compose):
    ci, deploy = built_dockerfiles(workflows["ci.yml"]), built_dockerfiles(workflows["deploy.yml"])
    assert ci == deploy == ["Dockerfile"]
    assert (ROOT / "Dockerfile").is_file()
    builds = [s["build"] for s in compose["services"].values() if "build" in s]
    assert builds
    assert all(b.get("dockerfile", "Dockerfile") == "Dockerfile" for b in builds)


def test_ci_gates_coverage_and_runs_every_check(workflows):
    ci = workflows["ci.yml"]
    scripts = "\n".join(run_scripts(ci))
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert tomllib.loads(pyproject)["tool"]["coverage"]["report"]["fail_under"] >= 90
    assert "pytest --cov" in scripts
    for check in (
        "make lint",
        "make typecheck",
        "makemigrations --check",
        "make schema",
        "git diff --exit-code",
    ):
        assert check in scripts, check
    for npm in ("check:api", "lint", "typecheck", "test", "e2e"):
        assert f"npm run --silent {npm}" in scripts, npm
    services = ci["jobs"]["python-tests"]["services"]
    assert services["postgres"]["image"] == "postgres:16"
    assert services["redis"]["image"] == "redis:7"
    uploads = [
        step["with"]["path"]
        for step in ci["jobs"]["e2e"]["steps"]
        if "upload-artifact" in step.get("uses", "")
    ]
    assert uploads == ["frontend/test-results/", "frontend/playwright-report/"]


def test_the_vitest_run_of_make_test_enforces_the_coverage_floors():
    package = yaml.safe_load((ROOT / "frontend" / "package.json").read_text(encoding="utf-8"))
    assert "--coverage" in package["scripts"]["test"].split()
    config = (ROOT / "frontend" / "vite.config.ts").read_text(encoding="utf-8")
    floors = re.search(r"thresholds:\s*\{([^}]*)\}", config)
    assert floors, "vite.config.ts sets no coverage thresholds"
    assert {
        key for key, value in re.findall(r"(\w+):\s*(\d+)", floors.group(1)) if int(value) > 0
    } == {
        "statements",
        "branches",
        "functions",
        "lines",
    }
    assert "frontend/coverage/" in (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()


def codecov_problems(workflow: dict) -> list[str]:
    problems = []
    for name, job in workflow["jobs"].items():
        for step in job.get("steps", []):
            if str(step.get("uses", "")).startswith("codecov/"):
                if step.get("if") != "${{ env.CODECOV_TOKEN != '' }}":
                    problems.append(
                        f"{name}: the Codecov upload must run only when its token is set"
                    )
                if job.get("env", {}).get("CODECOV_TOKEN") != "${{ secrets.CODECOV_TOKEN }}":
                    problems.append(f"{name}: CODECOV_TOKEN must come from the secret")
    return problems


def test_codecov_uploads_only_with_a_token(workflows):
    ci = workflows["ci.yml"]
    assert codecov_problems(ci) == []
    broken = copy.deepcopy(ci)
    next(s for s in broken["jobs"]["frontend"]["steps"] if "codecov" in s.get("uses", "")).pop("if")
    assert codecov_problems(broken) == [
        "frontend: the Codecov upload must run only when its token is set"
    ]


def test_workflows_read_only_by_default_and_cancel_or_queue(workflows):
    for workflow in workflows.values():
        assert workflow["permissions"] == {"contents": "read"}
        assert workflow["concurrency"]["group"]
    assert workflows["ci.yml"]["concurrency"]["cancel-in-progress"] is True
    # A deploy is never cancelled halfway through its migrations.
    assert workflows["deploy.yml"]["concurrency"]["cancel-in-progress"] is False


def test_deploy_migrates_before_the_new_image_takes_traffic(workflows):
    deploy = workflows["deploy.yml"]
    assert deploy["on"]["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in deploy["on"]
    jobs = deploy["jobs"]
    assert jobs["image"]["permissions"]["packages"] == "write"
    tags = next(s for s in jobs["image"]["steps"] if "build-push-action" in s.get("uses", ""))[
        "with"
    ]["tags"]
    assert ":latest" in tags
    assert "steps.name.outputs.image" in tags
    assert "migrate --noinput" in "\n".join(run_scripts({"jobs": {"m": jobs["migrate"]}}))
    assert jobs["migrate"]["needs"] == "image"
    assert set(jobs["release"]["needs"]) == {"image", "migrate"}
    assert jobs["migrate"]["environment"] == jobs["release"]["environment"] == "production"


# --- Render runs what docker-compose runs --------------------------------------------------


def command(value: str | list[str]) -> list[str]:
    return shlex.split(value) if isinstance(value, str) else list(value)


def render_problems(render: dict, compose: dict) -> list[str]:
    services = {s["name"]: s for s in render["services"]}
    problems = []
    for render_name, compose_name in (
        ("omni-stock-web", "web"),
        ("omni-stock-worker", "worker"),
        ("omni-stock-beat", "beat"),
    ):
        if command(services[render_name]["dockerCommand"]) != command(
            compose["services"][compose_name]["command"]
        ):
            problems.append(f"{render_name} does not run docker-compose's {compose_name} command")
    web = services["omni-stock-web"]
    if command(web.get("preDeployCommand", "")) != command(
        compose["services"]["migrate"]["command"]
    ):
        problems.append(
            "omni-stock-web does not migrate (docker-compose's migrate) before deploying"
        )
    beat = services["omni-stock-beat"]
    if beat.get("numInstances") != 1 or "scaling" in beat:
        problems.append("there must be exactly one beat")
    names = {s["name"] for s in render["services"]} | {
        d["name"] for d in render.get("databases", [])
    }
    groups = {g["name"] for g in render.get("envVarGroups", [])}
    for service in render["services"]:
        for var in service.get("envVars", []):
            ref = var.get("fromDatabase") or var.get("fromService")
            if ref and ref["name"] not in names:
                problems.append(f"{service['name']}: {var['key']} refers to unknown {ref['name']}")
            if "fromGroup" in var and var["fromGroup"] not in groups:
                problems.append(f"{service['name']}: unknown group {var['fromGroup']}")
    return problems


def test_render_runs_compose_commands_and_one_beat(render, compose):
    assert render_problems(render, compose) == []
    broken = copy.deepcopy(render)
    services = {s["name"]: s for s in broken["services"]}
    services["omni-stock-beat"]["numInstances"] = 2
    services["omni-stock-worker"]["dockerCommand"] += " --autoscale 8,2"
    services["omni-stock-web"]["envVars"][-1]["fromService"]["name"] = "omni-stock-valkey"
    assert render_problems(broken, compose) == [
        "omni-stock-worker does not run docker-compose's worker command",
        "there must be exactly one beat",
        "omni-stock-web: REDIS_URL refers to unknown omni-stock-valkey",
    ]


def test_render_wires_the_data_stores_secrets_and_health_check(render):
    services = {s["name"]: s for s in render["services"]}
    (shared,) = render["envVarGroups"]
    shared_vars = {v["key"]: v for v in shared["envVars"]}
    # Generated once for every service: they sign and check each other's tokens.
    assert shared_vars["SECRET_KEY"] == {"key": "SECRET_KEY", "generateValue": True}
    assert shared_vars["DEBUG"]["value"] == "false"
    assert shared_vars["FIELD_ENCRYPTION_KEYS"].get("sync") is False
    for name in ("omni-stock-web", "omni-stock-worker", "omni-stock-beat"):
        env = {v.get("key") or v["fromGroup"]: v for v in services[name]["envVars"]}
        assert env["DATABASE_URL"]["fromDatabase"] == {
            "name": "omni-stock-db",
            "property": "connectionString",
        }
        assert env["REDIS_URL"]["fromService"]["type"] == "keyvalue"
        assert shared["name"] in env
    web = services["omni-stock-web"]
    assert web["type"] == "web"
    assert web["healthCheckPath"] == "/healthz"
    assert resolve(web["healthCheckPath"]).url_name == "healthz"
    assert render["databases"][0]["postgresMajorVersion"] == "16"
    assert [s["type"] for s in render["services"]].count("keyvalue") == 1


# --- Vercel serves the SPA and sends /api to the backend -----------------------------------


def vercel_problems(vercel: dict, backend_host: str) -> list[str]:
    problems = []
    rewrites = vercel.get("rewrites", [])
    api = [r for r in rewrites if r["source"].startswith("/api/")]
    if not api or urlsplit(api[0]["destination"]).netloc != backend_host:
        problems.append(f"/api is not rewritten to {backend_host}")
    if not rewrites or rewrites[-1] != {"source": "/(.*)", "destination": "/index.html"}:
        # Vercel tries rewrites in order: /api is proxied only if it comes before this one.
        problems.append("the last rewrite must send every other path to /index.html")
    cache = {
        h["value"]
        for rule in vercel.get("headers", [])
        if rule["source"] == "/assets/(.*)"
        for h in rule["headers"]
    }
    if not any("immutable" in value and "max-age=31536000" in value for value in cache):
        problems.append("/assets/* must be cached for a year, immutable")
    return problems


def test_vercel_rewrites_api_to_render_and_routes_to_the_spa(vercel, render):
    web = next(s for s in render["services"] if s["name"] == "omni-stock-web")
    host = next(v["value"] for v in web["envVars"] if v.get("key") == "ALLOWED_HOSTS")
    assert vercel_problems(vercel, host) == []
    config = (ROOT / "frontend" / "vite.config.ts").read_text(encoding="utf-8")
    assert f'outDir: "{vercel["outputDirectory"]}"' in config
    assert 'assetsDir: "assets"' in config
    broken = copy.deepcopy(vercel)
    broken["rewrites"].reverse()
    broken["headers"] = []
    assert vercel_problems(broken, host) == [
        "the last rewrite must send every other path to /index.html",
        "/assets/* must be cached for a year, immutable",
    ]


# --- Every secret is documented --------------------------------------------------------------


def undocumented(names: set[str], doc: str) -> list[str]:
    return sorted(name for name in names if f"`{name}`" not in doc)


def test_every_secret_and_setting_is_documented(workflows, render):
    names = set()
    for workflow in workflows.values():
        names |= set(re.findall(r"secrets\.([A-Z_][A-Z0-9_]*)", yaml.safe_dump(workflow)))
    for var in render["envVarGroups"][0]["envVars"] + [
        v for s in render["services"] for v in s.get("envVars", [])
    ]:
        if var.get("sync") is False or var.get("generateValue"):
            names.add(var["key"])
    assert {
        "CODECOV_TOKEN",
        "DATABASE_URL",
        "RENDER_DEPLOY_HOOK_WEB",
        "SECRET_KEY",
        "FIELD_ENCRYPTION_KEYS",
    } <= names
    doc = DOC.read_text(encoding="utf-8")
    assert undocumented(names, doc) == []
    assert undocumented({"A_NEW_SECRET"}, doc) == ["A_NEW_SECRET"]


# --- Every migration can be rolled back -----------------------------------------------------


def irreversible(migrations: dict) -> list[str]:
    return sorted(
        f"{app}.{name}: {type(op).__name__}"
        for (app, name), migration in migrations.items()
        for op in migration.operations
        if not op.reversible
    )


def test_every_migration_of_ours_is_reversible():
    loader = MigrationLoader(None, ignore_no_migrations=True)
    ours = {
        key: m for key, m in loader.disk_migrations.items() if (ROOT / "backend" / key[0]).is_dir()
    }
    assert len(ours) > 10
    assert irreversible(ours) == []

    class OneWay(migrations.Migration):
        operations = [migrations.RunPython(lambda apps, schema_editor: None)]

    one_way = OneWay("0099_one_way", "core")
    assert irreversible({("core", "0099_one_way"): one_way}) == ["core.0099_one_way: RunPython"]

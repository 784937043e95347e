from django.apps import AppConfig


class DevtoolsConfig(AppConfig):
    """Developer and operator tooling on top of every other app: `run_stack`, the demo
    account (`seed_demo`) and the API benchmark (`bench_api`). Nothing imports it."""

    name = "devtools"
    verbose_name = "Developer tools"

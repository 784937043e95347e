#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "omni_stock.settings")
    # With DEBUG, see the demo settings of a running `make run` (settings.RUN_STACK_ENV_FILE).
    os.environ.setdefault("OMNI_READ_RUN_STACK_ENV", "true")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()

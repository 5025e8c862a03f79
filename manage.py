#!/usr/bin/env python
import os
import sys

if __name__ == "__main__":
    # `make run` and a first look; servers name theirs (toolkit/prod/run, docs/deploy.md).
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "toolkit.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)

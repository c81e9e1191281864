"""The `newsdesk` command: Django's manage.py with newsdesk's settings (newsdesk help lists all)."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["newsdesk", *sys.argv[1:]])


if __name__ == "__main__":
    main()

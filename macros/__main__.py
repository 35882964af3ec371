"""Command line: ``python -m macros validate|build|serve|coverage``."""

from .cli import main

raise SystemExit(main())

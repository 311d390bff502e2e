"""`python -m converter` is the `convert` command."""

from .cli import main

main()

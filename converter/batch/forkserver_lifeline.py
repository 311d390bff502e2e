"""Imported only by the pool's forkserver, first: the forkserver dies with the command.

The forkserver runs no code of ours but the modules it preloads, so this import is where it
can ask for it (see lifeline). Never import this module elsewhere: the command itself must
not die with the shell that started it.
"""

import os

from .lifeline import die_with_parent

die_with_parent()
# The workers' parent: they inherit this module from the forkserver, and check that it still lives.
FORKSERVER = os.getpid()

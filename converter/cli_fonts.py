"""What the CLI says about PDF fonts on a terminal: progress of one-time work, stand-in faces.

The exporters stay pure: they report progress to a listener, and this module (only the CLI loads
it) draws it on standard error, and only on a terminal.
"""

from __future__ import annotations

import sys
import time

# One-time work shorter than this is not worth a line on the screen.
SHOW_AFTER_SECONDS = 1.0


class TerminalProgress:
    """A one-line progress bar for `what`, drawn once the work has taken SHOW_AFTER_SECONDS."""

    def __init__(self, stream=None):
        self.stream = stream or sys.stderr
        self.started: dict[str, float] = {}
        self.drawn = False

    def __call__(self, what: str, done: int, total: int) -> None:
        now = time.monotonic()
        started = self.started.setdefault(what, now)
        if now - started < SHOW_AFTER_SECONDS and done < total:
            return
        if now - started < SHOW_AFTER_SECONDS and not self.drawn:
            return  # finished quickly: nothing to say
        filled = int(20 * done / max(total, 1))
        self.stream.write(f"\r{what}: [{'#' * filled}{'.' * (20 - filled)}] {done}/{total}")
        self.drawn = True
        if done >= total:
            self.stream.write("\n")
            self.drawn = False
        self.stream.flush()


def on_terminal(quiet: bool) -> bool:
    return not quiet and sys.stderr.isatty()


def show_conversion_progress() -> None:
    """Glyph conversion inside this process (one file, or --jobs 1) shows a bar on a terminal."""
    from .typeset.glyphs import on_progress

    on_progress(TerminalProgress())


def stand_in_note_once(fonts: dict[str, str]) -> str | None:
    """The stand-in faces note, the first time this machine's cache sees it (then never again,
    until the faces change); None when there is nothing new to say or no writable cache."""
    from .typeset.fontcache import cache_folder, write_atomically
    from .typeset.fonts import stand_in_note

    try:
        found = stand_in_note(fonts)
    except Exception:  # the conversion itself reports font problems, with the file's name
        return None
    if found is None:
        return None
    marker = cache_folder() / "stand-in-note.txt"
    try:
        if marker.read_text(encoding="utf-8") == found:
            return None
    except OSError:
        pass
    try:
        write_atomically(marker, found.encode("utf-8"))
    except OSError:
        pass
    return found

"""One hierarchy of user-facing errors; the CLI maps each to its exit code in one place."""

from pathlib import Path

from eportguide.model.findings import Finding

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
EXIT_INTERNAL = 3  # a bug in eportguide itself


class EportguideError(Exception):
    """An error whose message is for the user; no traceback is shown."""

    exit_code = EXIT_USAGE

    def __init__(self, message: str, hint: str | None = None) -> None:
        self.message = message
        self.hint = hint
        super().__init__(message)


class UsageError(EportguideError):
    """Bad input: unknown procedure, invalid or missing answer, unreadable file."""


class BrokenPack(EportguideError):
    """A flows pack that cannot be loaded.

    ``flows`` is the pack's directory when it is not the shipped one: the hint must
    validate that pack, since a bare ``eportguide validate`` checks the shipped pack.
    """

    def __init__(self, findings: list[Finding], flows: Path | None = None) -> None:
        import shlex

        from eportguide import wording as w

        self.findings = findings
        hint = w.BROKEN_PACK_HINT if flows is None else w.BROKEN_PACK_HINT_FLOWS.format(flows=shlex.quote(str(flows)))
        super().__init__(w.BROKEN_PACK + "\n" + "\n".join(map(str, findings)), hint)


class Interrupted(EportguideError):
    """Ctrl-C or a closed terminal; progress has been saved where possible."""

    exit_code = EXIT_INTERRUPTED

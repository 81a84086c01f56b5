"""One hierarchy of user-facing errors; the CLI maps each to its exit code in one place."""

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
    """A flows pack that cannot be loaded."""

    def __init__(self, findings: list[Finding]) -> None:
        from eportguide import wording as w

        self.findings = findings
        super().__init__(w.BROKEN_PACK + "\n" + "\n".join(map(str, findings)), w.BROKEN_PACK_HINT)


class Interrupted(EportguideError):
    """Ctrl-C or a closed terminal; progress has been saved where possible."""

    exit_code = EXIT_INTERRUPTED

"""The one root of user-facing errors, and the exit code each carries.

Any layer may raise these (this module imports nothing of the program's own but its
wording; a broken pack's ``PackError`` is the model's, in ``model.findings``), and the
CLI turns them into a message and an exit code in one place (``cli.FlowGroup.invoke``). Anything else that escapes is a bug: exit 3.
"""

# 0: done, nothing to report (the exit code of every command that ends normally)
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
EXIT_INTERNAL = 3  # a bug in eportguide itself


class EportguideError(Exception):
    """An error whose message is for the user; no traceback is shown.

    An empty ``message`` means the command has already said everything (``validate``
    prints its findings itself); only the exit code remains.
    """

    exit_code = EXIT_USAGE

    def __init__(self, message: str, hint: str | None = None) -> None:
        self.message = message
        self.hint = hint
        super().__init__(message)


class UsageError(EportguideError):
    """Bad input: unknown procedure, invalid or missing answer, unreadable file."""


class FindingsFound(EportguideError):
    """``validate`` found errors (or warnings under ``--strict``) and has printed them."""

    exit_code = EXIT_FINDINGS


class Interrupted(EportguideError):
    """Ctrl-C or a closed terminal; progress has been saved where possible."""

    exit_code = EXIT_INTERRUPTED


def os_reason(error: OSError) -> str:
    """Why a file could not be read or written, in the program's words (the system's own
    words are English: "No such file or directory")."""
    import errno

    from eportguide.i18n import wording as w

    reasons = {
        errno.ENOENT: w.OS_NOT_FOUND,
        errno.EACCES: w.OS_PERMISSION,
        errno.EPERM: w.OS_PERMISSION,
        errno.EISDIR: w.OS_IS_A_FOLDER,
        errno.ENOTDIR: w.OS_NOT_A_FOLDER,
        errno.ENOSPC: w.OS_NO_SPACE,
        errno.EROFS: w.OS_READ_ONLY,
        errno.ENAMETOOLONG: w.OS_NAME_TOO_LONG,
    }
    if error.errno in reasons:
        return reasons[error.errno]
    if error.errno in (errno.ELOOP, errno.EFBIG, errno.EINVAL) and error.strerror and not error.strerror.isascii():
        return str(error.strerror)  # already in the program's words (model.reading)
    if error.errno is None:  # raised with words only: nothing to word better
        return str(error.strerror or error)
    return w.OS_OTHER.format(number=error.errno, detail=error.strerror or error)

"""The files a clerk puts into the e-mail draft: read whole, checked before they are used.

Every e-mail of the source needs an attachment (营业执照原件扫描件, 身份证正反面…); a
draft without it is a draft the e-port sends back. A file that is missing or cannot be
read is refused with the reason; one above ``WARN_ABOVE`` is taken, with a warning,
since many mail servers refuse messages that large.
"""

from pathlib import Path
from typing import NamedTuple

from eportguide.errors import UsageError, os_reason
from eportguide.i18n import wording as w

#: Many mail servers refuse a message above about 10 MB (and base64 adds a third).
WARN_ABOVE = 10 * 1024 * 1024
#: A mailbox takes tens of megabytes, not hundreds: larger is refused before it is read.
REFUSE_ABOVE = 25 * 1024 * 1024


class Attachment(NamedTuple):
    name: str  # the file's own name, as the mail client shows it
    data: bytes

    @property
    def too_large(self) -> bool:
        return len(self.data) > WARN_ABOVE


def clean(typed: str) -> str:
    """A typed or pasted path without the quotes Windows' "copy as path" puts around it."""
    return typed.strip().strip('"').strip("'").strip()


def read(path: Path) -> Attachment:
    """The file at ``path``; ``UsageError`` saying why when it cannot be attached."""
    from eportguide.model import reading

    try:
        data = reading.read_bytes(path, REFUSE_ABOVE)
    except FileNotFoundError:
        raise UsageError(w.ATTACH_MISSING.format(path=path)) from None
    except IsADirectoryError:
        raise UsageError(w.ATTACH_NOT_A_FILE.format(path=path)) from None
    except reading.TooLarge:
        raise UsageError(w.ATTACH_REFUSED_SIZE.format(path=path, limit=REFUSE_ABOVE // 1024 // 1024)) from None
    except OSError as exc:
        raise UsageError(w.ATTACH_UNREADABLE.format(path=path, reason=os_reason(exc))) from None
    return Attachment(path.name, data)


def size_warning(attachment: Attachment) -> str | None:
    if not attachment.too_large:
        return None
    megabytes = f"{len(attachment.data) / 1024 / 1024:.1f}"
    return w.ATTACH_TOO_LARGE.format(name=attachment.name, size=megabytes, limit=WARN_ABOVE // 1024 // 1024)

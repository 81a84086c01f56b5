"""The application e-mail as an ``.eml`` draft a mail client opens ready to send.

Built with the standard library's ``email`` package: the subject is an encoded
(RFC 2047) header, the body UTF-8 text, lines end in CRLF as RFC 5322 wants. The
attachments the source asks for are named in the body; the clerk's files (``--attach``,
or chosen at the terminal) go in as parts of a multipart message, each with its own
file name (a Chinese name encoded as RFC 2231 says, which mail clients read).
"""

import mimetypes
from collections.abc import Sequence
from email import utils
from email.message import EmailMessage
from email.policy import SMTP

from eportguide.engine.result import Result
from eportguide.render.outline import email_body
from eportguide.store.attachments import Attachment

#: Outlook opens a message carrying this header as an unsent draft (with a Send button).
UNSENT_HEADER = "X-Unsent"


def message(result: Result, files: Sequence[Attachment] = ()) -> EmailMessage:
    """The draft as a message object: To, Subject, Date, the source's fields in the body,
    and ``files`` attached."""
    assert result.email is not None
    # SMTP = the default policy with CRLF line ends, also inside the encoded body (RFC 2046).
    draft = EmailMessage(policy=SMTP)
    draft["To"] = result.email.to
    draft["Subject"] = result.email.subject
    # When it was written, local time: without Date a mail client shows 1 January 1970.
    draft["Date"] = utils.format_datetime(utils.localtime())
    draft[UNSENT_HEADER] = "1"
    # base64: the Chinese body survives any 7-bit hop and long lines are never cut.
    draft.set_content(email_body(result) + "\n", charset="utf-8", cte="base64")
    for file in files:
        kind, _ = mimetypes.guess_type(file.name)
        maintype, subtype = (kind or "application/octet-stream").split("/", 1)
        draft.add_attachment(file.data, maintype=maintype, subtype=subtype, filename=file.name)
    return draft


def render(result: Result, files: Sequence[Attachment] = ()) -> bytes:
    """The ``.eml`` file's bytes."""
    return message(result, files).as_bytes()

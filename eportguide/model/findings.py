"""Problems found in a flows pack, each pointing at a file and line; the error a broken
pack raises with them."""

import shlex
from collections.abc import Sequence
from typing import Literal, NamedTuple

from eportguide.errors import EportguideError
from eportguide.i18n import wording as w


class Finding(NamedTuple):
    file: str
    line: int
    column: int
    message: str
    rule: str
    flow: str | None = None
    state: str | None = None
    severity: Literal["error", "warning"] = "error"

    def __str__(self) -> str:
        level = w.F_WARNING if self.severity == "warning" else ""
        return f"{self.file}:{self.line}:{self.column}: {level}{self.message}{self.context} [{self.rule}]"

    @property
    def context(self) -> str:
        """The flow and state the finding is in, worded for the reader ("" when neither)."""
        if self.flow and self.state:
            return w.F_WHERE_FLOW_STATE.format(flow=self.flow, state=self.state)
        if self.flow:
            return w.F_WHERE_FLOW.format(flow=self.flow)
        if self.state:
            return w.F_WHERE_STATE.format(state=self.state)
        return ""

    def as_dict(self) -> dict[str, object]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "severity": self.severity,
            "rule": self.rule,
            "message": self.message,
            "flow": self.flow,
            "state": self.state,
        }


class PackError(EportguideError):
    """A flows pack that cannot be used; carries every error found.

    ``directory`` is the pack's directory when it is not the shipped one: the hint must
    validate that pack, since a bare ``eportguide validate`` checks the shipped pack.
    """

    def __init__(self, findings: Sequence[Finding], directory: str | None = None) -> None:
        self.findings = list(findings)
        hint = w.BROKEN_PACK_HINT if directory is None else w.BROKEN_PACK_HINT_FLOWS.format(flows=shlex.quote(directory))
        super().__init__(w.BROKEN_PACK + "\n" + "\n".join(map(str, self.findings)), hint)

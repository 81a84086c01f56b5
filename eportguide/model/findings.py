"""Problems found in a flows pack, each pointing at a file and line."""

from typing import Literal, NamedTuple

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

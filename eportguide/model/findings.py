"""Problems found in a flows pack, each pointing at a file and line."""

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True, slots=True)
class Finding:
    file: str
    line: int
    column: int
    message: str
    rule: str
    flow: str | None = None
    state: str | None = None
    severity: Literal["error", "warning"] = "error"

    def __str__(self) -> str:
        where = ", ".join(
            part
            for part in (
                f"flow {self.flow}" if self.flow else "",
                f"state {self.state}" if self.state else "",
            )
            if part
        )
        context = f" ({where})" if where else ""
        level = "warning: " if self.severity == "warning" else ""
        return f"{self.file}:{self.line}:{self.column}: {level}{self.message}{context} [{self.rule}]"

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


class PackError(Exception):
    """A flows pack that cannot be used; carries every error found."""

    def __init__(self, findings: list[Finding]) -> None:
        self.findings = findings
        super().__init__("\n".join(map(str, findings)))

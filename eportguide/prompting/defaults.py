"""A person's prompter whose text questions start from remembered details (the profile).

The enterprise name, card address and contact a clerk agreed to keep are offered as
the default of the question that asks that detail (a sub-flow's included, by the
detail's own name), ready to confirm with Enter or to change. An answer given in this
run, or saved in its session, comes first: only a question with nothing to show gets
the remembered detail.
"""

from collections.abc import Mapping

from eportguide.engine.walker import Answered, Question
from eportguide.model import answer_key
from eportguide.prompting import Navigation, Prompter


class WithDefaults:
    def __init__(self, person: Prompter, remembered: Mapping[str, str]) -> None:
        self.person = person
        self.remembered = dict(remembered)

    def ask(self, question: Question, previous: str | None, can_go_back: bool) -> str | Navigation:
        if previous is None and question.kind == "text":
            previous = self.remembered.get(answer_key.field_name(question.key))
        return self.person.ask(question, previous, can_go_back)

    def review(self, path: tuple[Answered, ...]) -> str | Navigation | None:
        return self.person.review(path)

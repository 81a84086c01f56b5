"""The grammar of an answer key, in one place: ``state`` in a flow, ``sub.state`` inside a
sub-flow entered at state ``sub`` (nested as deep as sub-flows are).

A details field is asked under its own name, so ``legal_first.enterprise`` is the
``enterprise`` field asked inside the sub-flow entered at ``legal_first``; an answers
file may give it by that bare name (``field_name``). Imports nothing: the session store
reads keys too.
"""

SEPARATOR = "."


def inside(prefix: str, state_id: str) -> str:
    """The prefix of the keys asked inside the sub-flow entered at ``state_id``."""
    return f"{prefix}{state_id}{SEPARATOR}"


def field_name(key: str) -> str:
    """An answer key without its sub-flow prefixes: ``legal_first.enterprise`` → ``enterprise``."""
    return key.rsplit(SEPARATOR, 1)[-1]

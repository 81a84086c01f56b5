"""eportguide: a command-line wizard for China E-Port (Shaanxi) IC-card procedures."""

__version__ = "0.1.0"  # the one place the version is written (pyproject.toml reads it)

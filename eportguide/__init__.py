"""eportguide: a command-line wizard for China E-Port (Shaanxi) IC-card procedures."""

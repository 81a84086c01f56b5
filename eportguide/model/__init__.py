"""The flow model: typed, immutable definitions and the loader that builds them."""

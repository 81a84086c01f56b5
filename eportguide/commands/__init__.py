"""One module per CLI command; ``eportguide.cli`` registers them."""

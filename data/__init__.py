"""Knowledge tables shipped with rolefit (read with importlib.resources; see README.md)."""

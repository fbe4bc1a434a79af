"""Trained models shipped with rolefit (plain arrays and JSON; see MODEL_CARD.md)."""

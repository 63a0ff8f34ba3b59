"""Scores shared by the eval commands."""

from __future__ import annotations


def f1(matched: int, predicted: int, expected: int) -> float:
    """Harmonic mean of precision (matched / predicted) and recall (matched / expected); 0 when undefined."""
    if not matched or not predicted or not expected:
        return 0.0
    precision, recall = matched / predicted, matched / expected
    return 2 * precision * recall / (precision + recall)

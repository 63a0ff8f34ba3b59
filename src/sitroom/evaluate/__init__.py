"""Evaluation against gold sets: each module reads one gold format and scores one stage."""

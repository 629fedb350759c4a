"""The shape of one integrity finding, shared by the integrity checks."""

from __future__ import annotations

from ..model import Span


def finding(kind: str, spans: list[Span], message: str, severity: str = "warning",
            score: float = 0.5) -> dict:
    """A contract-shaped integrity finding; spans sorted, so the first is the earliest."""
    return {"kind": kind, "spans": [s.to_dict() for s in sorted(spans)], "message": message,
            "severity": severity, "score": round(float(score), 3)}


def quoted(text: str, limit: int = 40) -> str:
    """A short piece of article text for a message, on one line."""
    text = " ".join(text.split()).strip("“”\"‘’' ")
    return f"“{text if len(text) <= limit else text[:limit - 1] + '…'}”"

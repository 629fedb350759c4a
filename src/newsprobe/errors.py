"""Errors with stable codes, so tests, logs and batch error tables can name them.

Every error that concerns an input names that input (`origin`): a batch reports it as
failed and goes on with the rest.
"""

from __future__ import annotations

# code -> short name; the message is written where the error is raised, naming the input.
CODES = {
    "E001": "empty input",
    "E002": "binary input",
    "E003": "invalid text encoding",
    "E004": "malformed JSONL line",
    "E005": "input too large",
    "E006": "unsupported input type",
    "E007": "input not found",
    "E008": "no article text could be extracted",
    "E009": "compressed input inflates past the limit",
    "E010": "spaCy pipeline not installed",
    "E011": "data set not found",
    "E012": "not a fact-check index",
    "E013": "model head missing or stale (techniques, check-worthiness, commitment; per encoder depth)",
    "E020": "store cannot be opened",
    "E021": "bad search query",
    "E022": "cannot serve on that address",
    "E030": "broken WARC record",
    "E031": "analysis failed",
    "E032": "page too complex to extract",
    "E040": "malformed ClaimReview",
    "E041": "nothing to export",
    "E042": "not an outlet index",
    "E050": "unknown setting",
    "E051": "bad setting value",
}


class NewsprobeError(Exception):
    def __init__(self, code: str, message: str, origin: str | None = None):
        assert code in CODES, code
        self.code = code
        self.origin = origin
        self.message = message
        super().__init__(f"{origin}: {message} [{code}]" if origin else f"{message} [{code}]")

    def to_dict(self) -> dict[str, str | None]:
        return {"code": self.code, "reason": CODES[self.code], "input": self.origin,
                "message": self.message}

"""Renderers: pure functions of an `Analysis` (the contract), one module per format.

- `as_json`: the contract itself, `to_json` (pretty) and `to_jsonl_line` (one line);
- `as_text`: a terminal report with rich;
- `as_html`: one self-contained HTML page per article, spans highlighted.

The helpers below are the few decisions every human-facing format shares: the headline,
how a speaker and its chain read, how quotes group by speaker, how long text is cut.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Analysis, ChainLink, Claim, Quote, Speaker

# Words of the article text used as a headline when it has no title.
HEADLINE_WORDS = 12
# Characters of quote content shown in a listing; the full text is in JSON and HTML.
CONTENT_CHARS = 240

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SPACE = re.compile(r"\s+")


def clean(text: str) -> str:
    """Control characters (ESC and friends, which could drive a terminal) made visible."""
    return _CONTROL.sub("\N{REPLACEMENT CHARACTER}", text)


def one_line(text: str) -> str:
    return clean(_SPACE.sub(" ", text).strip())


def truncate(text: str, limit: int = CONTENT_CHARS) -> str:
    """`text` on one line, cut at a word boundary near `limit` with an ellipsis."""
    text = one_line(text)
    if len(text) <= limit:
        return text
    cut = text[:limit]
    space = cut.rfind(" ")
    if space > limit * 0.6:
        cut = cut[:space]
    return cut.rstrip(" ,;:.-") + "…"


def headline(analysis: Analysis) -> str:
    """The title, else the first words of the text, else the id."""
    if analysis.title and analysis.title.strip():
        return one_line(analysis.title)
    words = analysis.text.split()
    if not words:
        return analysis.id
    head = " ".join(words[:HEADLINE_WORDS])
    return one_line(head + ("…" if len(words) > HEADLINE_WORDS else ""))


def marked(content: str) -> str:
    """Content in quotation marks: a direct quote brings its own, indirect content gets ours."""
    return content if content[:1] in "“\"‘'" else f"“{content}”"


def source_label(name: str, kind: str) -> str:
    return f"{one_line(name)} ({kind})"


def chain_label(speaker: Speaker, chain: list[ChainLink]) -> str:
    """"TASS (media) ← intermediaries (anonymous) ← Russia (institution)": the way the
    words reached the writer, read "TASS citing intermediaries citing Russia": the chain
    from the writer's side inwards, then the speaker."""
    return " ← ".join([source_label(c.name, c.kind) for c in chain]
                      + [source_label(speaker.name, speaker.kind)])


# What each status rule of the claims layer means, in a reader's words (docs/claims.md).
RULE_LABELS = {
    "author_states": "the writer states it",
    "on_record_source": "an on-record source",
    "anonymous_source": "an anonymous source",
    "unnamed_official_source": "an unnamed official",
    "anonymous_relay": "a named speaker known only through an unnamed source",
    "agentless_source": "no named source",
    "unresolved_speaker": "a source the text names (speaker not resolved)",
    "agentless_evidential": "hearsay marker",
    "rumour_source": "a rumour",
    "rumour_words": "rumour words",
    "writer_modal": "the writer hedges",
    "writer_hedge": "the writer hedges",
    "question_mark": "put as a question",
    "question_cue": "a source asks",
    "yes_no_question": "put as a question",
    "denial_cue": "its source denies it",
    "denial_verb": "denied",
    "false_verdict_in_frame": "the writer calls it false",
    "contested_in_frame": "contested where it is reported",
    "source_contests_in_frame": "a source contests it",
    "answer_to_claim_in_frame": "a source answering it contests it",
    "doubt_in_frame": "doubt cast",
    "false_verdict_later": "the writer later calls it false",
    "contested_later": "contested later",
    "doubt_later": "doubt cast later",
    "denial_by_source": "denied later",
    "counter_by_accused": "the accused later counters it",
    "source_calls_it_false": "a source later calls it false",
    "source_contests_later": "a source contests it later",
    "source_doubts": "a source doubts it",
    "contrary_claim_later": "a later statement says otherwise",
    "contrary_claim_earlier": "an earlier statement says otherwise",
    "contrary_statement_by_writer": "the article says otherwise",
    "denial_of_claim_noun": "denied where it is reported",
    "verdict_by_naming": "a source brands the reports false",
    "verdict_by_naming_later": "a source later brands the report false",
    "dispute_by_source": "a source disputes the report",
    "restates_denied_claim": "the report an earlier sentence denies, told again",
    "verdict_on_reported_claim": "called false where it is reported",
    "unowned_reports": "reports nobody is named as publishing",
    "denial_of_relayed_claim": "turned down with the report that carries it",
    "denied_by_meaning": "the party concerned says otherwise elsewhere in the article",
    "disputed_by_meaning": "another source says otherwise elsewhere in the article",
    "writer_contradicts_by_meaning": "the article says otherwise elsewhere",
    "contested_by_meaning": "the writer contests it elsewhere in the article",
    "doubt_by_meaning": "doubt cast elsewhere in the article",
    "article/1": "stored before statuses carried evidence",
}


def status_evidence(claim: Claim, quote: Quote | None = None) -> str:
    """"an anonymous source: “Sources familiar with the talks”": why the claim has its
    status; empty for claims without evidence. Where the words are the source mention of
    the claim's quote and do not name its speaker ("which", "he", "the spokesman"), the
    speaker they resolve to follows: "an on-record source: “which” (Pentagon)"."""
    ev = claim.evidence
    if ev is None:
        return ""
    label = RULE_LABELS.get(str(ev.rule), str(ev.rule))
    if not ev.words:
        return label
    words = one_line(ev.words.text)
    out = f"{label}: “{truncate(words, 80)}”"
    mention = quote.source if quote is not None else None
    name = one_line(quote.speaker.name) if quote is not None and quote.speaker.name else ""
    if (mention is not None and (mention.start, mention.end) == (ev.words.start, ev.words.end)
            and name and name.casefold() not in words.casefold()
            and words.casefold() not in name.casefold()):
        out += f" ({truncate(name, 60)})"
    return out


def safe_href(url: object) -> str | None:
    """The URL if it is http(s), else None: `javascript:` and friends never become links."""
    if (isinstance(url, str) and url.strip().lower().startswith(("http://", "https://"))
            and url == url.strip()):
        return url
    return None


def quote_content(quote: Quote, limit: int = CONTENT_CHARS) -> str:
    """The quote's content pieces joined with an ellipsis, cut to `limit`."""
    return truncate(" … ".join(c.text for c in quote.content), limit)


@dataclass
class SpeakerGroup:
    speaker: Speaker
    quotes: list[Quote] = field(default_factory=list)

    @property
    def chain(self) -> list[ChainLink] | None:
        """The chain all the group's quotes share, else None (then each quote shows its own)."""
        chains = {tuple((c.name, c.kind) for c in q.chain) for q in self.quotes}
        return list(self.quotes[0].chain) if len(chains) == 1 else None


def speaker_groups(analysis: Analysis) -> list[SpeakerGroup]:
    """Quotes grouped by speaker (name, kind, entity), in order of first quote."""
    groups: dict[tuple[str, str, str | None], SpeakerGroup] = {}
    for q in sorted(analysis.quotes, key=_quote_position):
        key = (q.speaker.name, q.speaker.kind, q.speaker.entity)
        groups.setdefault(key, SpeakerGroup(q.speaker)).quotes.append(q)
    return list(groups.values())


def outlet_role(record: dict) -> str:
    """How the article relates to an outlet, in the reader's words."""
    if record.get("role") == "publisher":
        return "published by"
    return "wire copy of" if record.get("found_by") == "dateline" else "cites"


def outlet_facts(record: dict) -> list[str]:
    """What is known of an outlet, as short phrases every renderer shows the same way:
    ["state-controlled media, Russia: Russian state news agency", "quality 0.34 of 1 (Lin et
    al. 2023, PNAS Nexus, 2023)", "109 EUvsDisinfo cases name it, latest 2021-02-18"]."""
    from ..outlets import CONTROL_LABELS

    facts = []
    control = CONTROL_LABELS.get(str(record.get("control") or ""))
    if control:
        where = f", {record['country']}" if record.get("country") else ""
        basis = f": {record['basis']}" if record.get("basis") else ""
        facts.append(one_line(f"{control}{where}{basis}"))
    quality = record.get("quality") or {}
    if "score" in quality:
        source = str(quality.get("source", "")).split(":", 1)[0]
        scored = f" for {quality['domain']}" if quality.get("domain") else ""
        fact = (f"quality {float(quality['score']):.2f} of 1{scored} ({source}, "
                f"{quality.get('date', '')})")
        if "family_lowest" in quality:
            fact += f"; lowest of its domains {float(quality['family_lowest']):.2f}"
        facts.append(one_line(fact))
    cases = record.get("disinfo_cases") or {}
    if cases.get("count"):
        n = int(cases["count"])
        facts.append(one_line(f"{n} EUvsDisinfo case{'s' if n != 1 else ''} name it, "
                              f"latest {cases.get('latest', '')}"))
    return facts


def _quote_position(quote: Quote) -> int:
    starts = [s.start for s in quote.content]
    if quote.cue:
        starts.append(quote.cue.start)
    return min(starts, default=0)


__all__ = ["HEADLINE_WORDS", "CONTENT_CHARS", "clean", "one_line", "truncate", "headline",
           "source_label", "chain_label", "status_evidence", "safe_href", "RULE_LABELS", "quote_content",
           "SpeakerGroup", "speaker_groups", "outlet_role", "outlet_facts"]

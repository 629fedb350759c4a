"""Commitment: does the text present an event (a verb) as having happened?

Rules over the dependency parse of the predicate and the clauses above it. Each rule that
fires gives a `Cue` (what weakens or cancels the event, and the token that says so); an
event with no cue is presented as real. The claims layer uses the cues of a claim's main
verb for its status and hedges, and `eval factuality` scores the same function on UDS-IH2
("It Happened"), so what is measured is what the product does.

Cues, with examples (the predicate in brackets):

- negation: "the army did not [enter] the town", "nobody [saw] it" -> `negated`
- modal: "the ministry may [raise] taxes", "they should [leave]" -> `modal`
- future: "the talks will [resume]", "is going to [sign]" -> `future`
- infinitive: "plans to [build]", "wants to [leave]", "in order to [win]" -> `irrealis`
- condition: "if the deal [fails]", "unless they [pay]" -> `conditional`
- imperative: "[Call] your doctor" -> `imperative`
- question: "Did the minister [resign]?" (a yes/no question; "Who [won]?" presupposes the
  event and does not count) -> `question`
- hedged or non-factive clause above it: "officials believe the rebels [fired]",
  "she hopes they [win]", "he denied that he [took] the money" -> `nonfactive`/`denied`
- hedge words modifying it ("reportedly [fired]") -> `hedge`

Cues are inherited down the clause chain: "he may try to [leave]" gets the modal of "try".
A conjoined verb inherits its head's modal and infinitive ("will [come] and [go]").
"""

from __future__ import annotations

from dataclasses import dataclass

from .hedges import lexicon

# Verbs whose complement is not asserted by the writer: wishes, plans, beliefs, attempts.
NONFACTIVE_VERBS = frozenset(
    "want hope wish plan intend try attempt aim expect need seek propose promise threaten "
    "offer decide agree refuse fail ask urge demand order require allow let help consider "
    "believe think suspect suppose assume guess imagine doubt fear predict suggest would "
    "like love prefer hate mean choose wait prepare vow pledge anticipate risk avoid".split())
# Raising and aspectual verbs: their infinitive happened ("seems to work", "used to live",
# "began to fall", "was able to finish").
FACTIVE_INFINITIVE_HEADS = frozenset("seem appear use tend happen begin start continue manage "
                                     "able get".split())
DENIAL_VERBS = frozenset("deny reject dismiss refute rebut disprove debunk contradict".split())
CONDITIONAL_MARKS = frozenset("if unless whether lest".split())
MODALS = frozenset("may might could would should can must ought shall wo ca 'd".split())
FUTURE_MODALS = frozenset("will 'll wo shall".split())
QUESTION_WORDS = frozenset("who whom whose what which when where why how".split())
COMPLEMENT_DEPS = frozenset({"ccomp", "xcomp", "advcl", "csubj", "acl", "relcl", "pcomp"})


@dataclass(frozen=True)
class Cue:
    kind: str
    token: object  # the spaCy Token that carries it


def _own_cues(pred) -> list[Cue]:
    """Cues attached to the predicate itself (its children)."""
    cues: list[Cue] = []
    has_subject = False
    for child in pred.children:
        low = child.lower_
        if child.dep_ == "neg" or (child.dep_ in ("nsubj", "det") and low in ("nobody", "no", "nothing", "none", "never")):
            cues.append(Cue("negated", child))
        elif child.dep_ in ("aux", "auxpass") and low in FUTURE_MODALS:
            cues.append(Cue("future", child))
        elif child.dep_ in ("aux", "auxpass") and (child.tag_ == "MD" or low in MODALS):
            cues.append(Cue("modal", child))
        elif child.dep_ == "aux" and child.tag_ == "TO" and pred.head.lemma_.lower() not in FACTIVE_INFINITIVE_HEADS:
            cues.append(Cue("irrealis", child))
        elif child.dep_ == "mark" and low in CONDITIONAL_MARKS:
            cues.append(Cue("conditional", child))
        elif child.dep_ == "advmod" and low == "never":
            cues.append(Cue("negated", child))
        if child.dep_ in ("nsubj", "nsubjpass", "expl", "csubj"):
            has_subject = True
    # "going to sign": the future sits on the head "going".
    head = pred.head
    if pred.dep_ == "xcomp" and head.lower_ == "going" and any(c.tag_ == "TO" for c in pred.children):
        cues.append(Cue("future", head))
    if (pred.dep_ == "ROOT" and pred.tag_ == "VB" and not has_subject
            and not any(c.dep_ in ("aux", "auxpass") for c in pred.children)):
        cues.append(Cue("imperative", pred))
    elif pred.tag_ not in ("VBD", "VBN") and any(t.lower_ == "please" for t in pred.sent):
        please = next(t for t in pred.sent if t.lower_ == "please")
        cues.append(Cue("imperative", please))
    if pred.dep_ == "ROOT" and _is_yes_no_question(pred):
        cues.append(Cue("question", pred))
    return cues


def _is_yes_no_question(pred) -> bool:
    sent = pred.sent
    if not sent.text.rstrip().endswith("?"):
        return False
    return not any(t.lower_ in QUESTION_WORDS and t.i <= pred.i for t in sent)


def _hedge_words(pred) -> list[Cue]:
    """Hedge adverbs that modify the predicate ("reportedly", "possibly")."""
    entries = lexicon()
    return [Cue("hedge", c) for c in pred.children
            if c.dep_ == "advmod" and entries.get((c.lower_,)) in ("evidential", "probability", "epistemic")]


def event_cues(pred) -> list[Cue]:
    """Everything that keeps `pred` (a verb Token) from being presented as a fact."""
    cues = _own_cues(pred) + _hedge_words(pred)
    token, depth = pred, 0
    while token.dep_ != "ROOT" and token.head is not token and depth < 8:
        head, dep = token.head, token.dep_
        depth += 1
        if dep == "conj":
            # Conjoined verbs share their head's auxiliaries and infinitive.
            cues += [c for c in _own_cues(head)
                     if c.kind in ("modal", "future", "irrealis", "conditional", "negated", "imperative")
                     and c.token.i < token.i and not _own_subject(token)]
        elif dep == "pcomp" and head.pos_ == "ADP" and token.tag_ == "VBG":
            # "about securing control", "before applying": a gerund after a preposition
            # is not asserted.
            cues.append(Cue("irrealis", head))
            break
        elif dep in COMPLEMENT_DEPS:
            lemma = head.lemma_.lower()
            if lemma in DENIAL_VERBS:
                cues.append(Cue("denied", head))
            elif lemma in NONFACTIVE_VERBS and dep in ("ccomp", "xcomp"):
                cues.append(Cue("nonfactive", head))
            if dep in ("ccomp", "xcomp", "pcomp"):
                # "may try to leave": the matrix verb's own modality carries down.
                cues += [c for c in _own_cues(head) if c.kind in ("modal", "future", "negated", "conditional", "imperative")]
            if dep == "advcl":
                # "When we start, we will interview": the main clause's future or modal
                # covers the subordinate event too.
                cues += [c for c in _own_cues(head) if c.kind in ("future", "modal", "imperative")]
            if dep in ("advcl", "relcl", "acl"):
                break  # an adverbial or relative clause has its own commitment
        elif dep == "prep" or head.pos_ == "ADP":
            # "about securing control": a gerund after a preposition is not asserted.
            if pred.tag_ == "VBG" and token is pred:
                cues.append(Cue("irrealis", head))
            break
        else:
            break
        token = head
    return cues


def _own_subject(token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)


def happened(pred) -> bool:
    """True when nothing in the sentence keeps the event from being presented as real."""
    return not event_cues(pred)


__all__ = ["Cue", "event_cues", "happened", "NONFACTIVE_VERBS", "DENIAL_VERBS"]

"""Copy verification (corpus/copies.py) on articles written for this test, with the real
MiniLM sentence encoder: a page of one sentence needs the evidence a long page needs."""

from __future__ import annotations

import pytest

from newsprobe.corpus.align import SentenceCache
from newsprobe.corpus.copies import CopyDoc, CopySettings, copy_decision, copy_evidence, verify

LONG = ("Flood warnings were issued for the Kessel valley on Sunday as the river kept rising. "
        "Around 300 homes near the river were evacuated overnight, the fire service said. "
        "The mayor, Tove Brand, asked residents to stay away from the old bridges. "
        "Schools in the valley will stay closed until Wednesday, the council said. "
        "Forecasters expect more rain on Tuesday.")


@pytest.fixture(scope="module")
def sentences():
    from newsprobe.embeddings import encode
    return SentenceCache(encode)


def test_a_one_sentence_report_of_the_same_fact_is_not_a_copy(sentences):
    # The same fact in other words: it aligns with one sentence by meaning (cosine 0.93),
    # and that sentence is most of the other page; one sentence is all the evidence.
    brief = CopyDoc("brief", "Around 300 homes near the river were evacuated overnight, the fire service said. "
                             "More rain is due.")
    short = CopyDoc("short", "About 300 houses close to the river were evacuated during the night, firefighters said.")
    assert verify(brief, short, sentences, CopySettings()) is None


def test_a_one_sentence_excerpt_in_the_same_words_is_a_copy(sentences):
    short = CopyDoc("excerpt", "Around 300 homes near the river were evacuated overnight, the fire service said.")
    edge = verify(CopyDoc("long2", LONG), short, sentences, CopySettings())
    assert edge is not None and edge.kind == "partial"


# A long report and a short follow-up that reuses two of its sentences word for word (most
# of the follow-up is its own): the reused sentences alone make it a partial copy, although
# they are well under half of either text.
REPORT = ("Flood warnings were issued for the Kessel valley on Sunday as the river kept rising. "
          "Around 300 homes near the river were evacuated overnight, the fire service said. "
          "The mayor, Tove Brand, asked residents to stay away from the old bridges. "
          "Schools in the valley will stay closed until Wednesday, the council said. "
          "Forecasters expect more rain on Tuesday, and the army has sent two hundred soldiers. "
          "Farmers in the lower valley moved their cattle to higher ground on Saturday night. "
          "The railway between Kessel and Orne was closed after water covered the tracks. "
          "Insurers said it was too early to estimate the damage to houses and shops.")
FOLLOW_UP = ("Volunteers from three towns filled sandbags in the market square all afternoon. "
             "Around 300 homes near the river were evacuated overnight, the fire service said. "
             "A bakery handed out free bread to the families who had left their houses. "
             "The railway between Kessel and Orne was closed after water covered the tracks. "
             "Church halls in Orne opened their doors for the night to anyone in need. "
             "Local radio read out the names of the streets where the water was highest. "
             "A group of students rowed a boat down the main street to bring food to the elderly.")


def test_two_sentences_reused_word_for_word_make_a_partial_copy(sentences):
    edge = verify(CopyDoc("report", REPORT), CopyDoc("follow", FOLLOW_UP), sentences, CopySettings())
    assert edge is not None and edge.kind == "partial"
    assert edge.features["reused_sentences"] == 2


def test_two_reports_sharing_only_quotations_are_not_a_copy(sentences):
    # Both quote the same statement, in quotation marks, around their own writing: shared
    # quotations of a speaker do not make a copy.
    quote_1 = "“The river has never been this high,” the mayor said."
    quote_2 = "“We ask everyone to stay away from the old bridges,” she added."
    first = CopyDoc("first", "Flood warnings were issued for the Kessel valley on Sunday. " + quote_1 + " " + quote_2
                    + " Forecasters expect more rain on Tuesday. Schools will stay closed until Wednesday. "
                    "The railway to Orne was closed after water covered the tracks.")
    second = CopyDoc("second", "Volunteers filled sandbags in the market square all afternoon. " + quote_1 + " "
                     + quote_2 + " A bakery handed out free bread to families who had left. Church halls "
                     "opened for the night. Local radio read out the names of flooded streets.")
    assert verify(first, second, sentences, CopySettings()) is None


def test_a_non_english_pair_must_share_its_words(sentences):
    # MiniLM reads English only: two Russian texts on one topic that share few words can
    # align by its sentence vectors, so outside English a copy must also keep the words.
    first = CopyDoc("ru1", "Паводок затопил долину Кессель в воскресенье. Около трехсот домов эвакуировали ночью. "
                           "Мэр попросил жителей не подходить к старым мостам. Школы закрыты до среды.",
                    language="ru")
    second = CopyDoc("ru2", "Наводнение в долине Кессель продолжается третий день. Спасатели вывезли триста "
                            "семей из затопленных районов. Власти закрыли мосты для движения. Занятия в школах "
                            "отменены до конца недели.", language="ru")
    assert verify(first, second, sentences, CopySettings()) is None
    copy = CopyDoc("ru3", first.text.replace("Около трехсот", "Почти триста"), language="ru")
    edge = verify(first, copy, sentences, CopySettings())
    assert edge is not None


def test_quotations_shared_by_two_reports_do_not_count_toward_the_aligned_share(sentences):
    # Two short reports, most of each the same statement quoted, each with its own cue: the
    # quotations align but they are the speaker's words, not the other report's text.
    said = "“The Kessel river has reached its highest level in forty years,” {cue}."
    order = "“All residents of the lower valley must leave their homes by noon.”"
    first = CopyDoc("q1", said.format(cue="the mayor said in a statement") + " " + order
                    + " Army trucks stood by at the school.")
    second = CopyDoc("q2", "Firefighters worked through the night on the dikes. "
                     + said.format(cue="Mayor Tove Brand told local radio") + " " + order)
    assert verify(first, second, sentences, CopySettings()) is None


# One council meeting told twice. INDEPENDENT is another reporter's story: the same names,
# figures and day, each fact in sentences of its own (MiniLM aligns them at 0.58-0.79, over
# all of both texts). SPUN renders BUDGET sentence by sentence with words swapped.
BUDGET = ("The Orne city council approved a budget of 12 million euros on Tuesday. "
          "Mayor Tove Brand said the money would repair the two old bridges over the Kessel. "
          "Work on the bridges will start in March and take two years. "
          "The opposition voted against the plan, saying taxes would rise. "
          "The budget also funds 40 new places in the town's nursery schools.")
INDEPENDENT = ("Councillors in Orne backed a 12 million euro spending plan at Tuesday's meeting. "
               "Two bridges across the river Kessel, closed since the floods, are to be rebuilt, "
               "according to mayor Tove Brand. "
               "Construction is planned to begin in March, and it should be finished within two years. "
               "Opposition members rejected the budget and warned of higher local taxes. "
               "Forty extra nursery places are also paid for.")
SPUN = ("The Orne town council passed a budget of 12 million euros on Tuesday. "
        "Mayor Tove Brand stated the funds would fix the two old bridges across the Kessel. "
        "Work on the bridges is going to begin in March and last two years. "
        "The opposition voted against the plan, claiming taxes would go up. "
        "The budget also pays for 40 new places in the town's nursery schools.")


def test_an_independent_report_of_the_same_event_is_not_a_copy(sentences):
    budget, independent = CopyDoc("budget", BUDGET, None, "en"), CopyDoc("independent", INDEPENDENT, None, "en")
    assert verify(budget, independent, sentences, CopySettings()) is None
    # Aligned by meaning alone it would pass: it is the close rewrites that are missing.
    assert verify(budget, independent, sentences, CopySettings(min_close_rewrites=0)) is not None


def test_a_spun_copy_holds_close_rewrites(sentences):
    edge = verify(CopyDoc("budget", BUDGET, None, "en"), CopyDoc("spun", SPUN, None, "en"), sentences,
                  CopySettings())
    assert edge is not None and edge.kind == "rewritten" and edge.features["close_rewrites"] == 5


def test_copy_decision_names_the_rule_that_decided(sentences):
    # The evidence is measured once (copy_evidence) and the rules read it (copy_decision),
    # which says which rule stopped a pair: what scripts/copy_evidence.py groups misses by.
    budget = CopyDoc("budget", BUDGET, None, "en")
    settings = CopySettings()
    evidence = copy_evidence(budget, CopyDoc("independent", INDEPENDENT, None, "en"), sentences, settings)
    assert evidence.shorter_share > settings.min_aligned_share and evidence.close_rewrites < 2
    assert copy_decision(evidence, settings) == (None, "close rewrites")
    spun = copy_evidence(budget, CopyDoc("spun", SPUN, None, "en"), sentences, settings)
    assert copy_decision(spun, settings) == ("rewritten", "aligned")
    assert spun.features()["close_rewrites"] == 5
    reuse = copy_evidence(CopyDoc("report", REPORT), CopyDoc("follow", FOLLOW_UP), sentences, settings)
    assert copy_decision(reuse, settings) == ("partial", "reused passages")


# A short report and a longer fact check that quotes two of its sentences, each wrapped in
# who wrote it: the fact check is the longer page, and it is the copy. An excerpt is the
# text that the shared passages make up more of, not the shorter one.
GAZETTE = ("The Orne council will close the old Kessel bridge to cars from Monday. "
           "Engineers found cracks in two of its three arches. "
           "Buses will take a detour through the north of the town for the summer. "
           "Shops near the bridge asked the council for help with their losses. "
           "A new footbridge is planned for next year, the council said.")
CHECK = ("Did Orne really shut its bridge for good? "
         "“The Orne council will close the old Kessel bridge to cars from Monday,” reads a report in the "
         "Kessel Gazette, which the Morning Star then picked up in its own story. "
         "The Gazette adds that “engineers found cracks in two of its three arches” in an inspection that "
         "supposedly lasted a week. "
         "We asked the council. A spokeswoman told us the closure is for the summer only.")


def test_a_partial_copy_runs_from_the_text_it_covers_less_of(sentences):
    gazette, check = CopyDoc("gazette", GAZETTE, None, "en"), CopyDoc("check", CHECK, None, "en")
    assert len(check.text) > len(gazette.text)
    for a, b in ((gazette, check), (check, gazette)):
        edge = verify(a, b, sentences, CopySettings())
        assert edge is not None and edge.kind == "partial"
        assert edge.features["aligned_share_source" if edge.source == "check" else "aligned_share_target"] > \
            edge.features["aligned_share_target" if edge.source == "check" else "aligned_share_source"]
        assert (edge.source, edge.target, edge.direction) == ("gazette", "check", "forward")


def test_share_and_copy_link_lines_are_boilerplate_the_copy_added(sentences):
    # A page's share buttons scraped as text ("SHARE", "COPY LINK") are chrome, as a
    # "Read more" line is: the version that carries them outside the shared text is the copy.
    spun = CopyDoc("spun-shared", "SHARE\nCOPY LINK\n\n" + SPUN, None, "en")
    for a, b in ((CopyDoc("budget", BUDGET, None, "en"), spun), (spun, CopyDoc("budget", BUDGET, None, "en"))):
        edge = verify(a, b, sentences, CopySettings())
        assert edge is not None
        assert (edge.source, edge.target, edge.direction) == ("budget", "spun-shared", "forward")
        assert edge.evidence == ["boilerplate added by the copy"]


# A post embedded in a page and scraped as text (its words, a link, "— Name (@handle)
# date"): the account's words, quoted without marks. Two reports that both carry the post
# (one embeds it, one quotes it or retells its words) share the post, not each other's text.
POST = ("The Orne bridge will stay closed to all traffic until further notice. "
        "Drivers should use the northern ring road instead of the old town.")
EMBEDDED = ("Engineers found deep cracks in the main pillar of the Orne bridge on Monday. "
            "The roads office announced the closure on its account within the hour.\n"
            + POST + " pic.twitter.com/Xq81Lm — Orne Roads Office (@OrneRoads) March 3, 2025\n"
            "Local shops near the bridge fear a quiet spring. "
            "The last closure, in 2019, lasted six weeks.")
QUOTING = ("Commuters in Orne face long detours for weeks. "
           "The regional roads office wrote on social media: “" + POST + "” "
           "A ferry may be added between the two banks, the council said. "
           "Repairs are expected to cost about 3 million euros.")
RETELLING = ("Commuters in Orne face long detours for weeks. "
             "The Orne bridge will stay closed to all traffic until further notice, the roads office said. "
             "Drivers should use the northern ring road instead of the old town. "
             "A ferry may be added between the two banks, the council said. "
             "Repairs are expected to cost about 3 million euros.")


def test_an_embedded_post_is_a_quotation():
    from newsprobe.corpus.copies import embedded_posts, quoted_regions
    (post,) = embedded_posts(EMBEDDED)
    assert EMBEDDED[post[0]:post[1]].startswith("The Orne bridge will stay closed")
    assert EMBEDDED[post[0]:post[1]].endswith("March 3, 2025")
    assert post in quoted_regions(EMBEDDED)
    # The signature on a line of its own: the post is the line before it.
    two_lines = "Our own sentence here.\n" + POST + "\n— Orne Roads Office (@OrneRoads) 3 March 2025\nMore text."
    (post,) = embedded_posts(two_lines)
    assert two_lines[post[0]:].startswith("The Orne bridge")
    assert embedded_posts("He wrote to the office (@OrneRoads) on Monday. Nothing else.") == []


def test_two_reports_that_carry_one_post_are_not_a_copy(sentences):
    embedded = CopyDoc("embedded", EMBEDDED, None, "en")
    for other in (CopyDoc("quoting", QUOTING, None, "en"), CopyDoc("retelling", RETELLING, None, "en")):
        assert verify(embedded, other, sentences, CopySettings()) is None, other.id


# Copy families. Two loose copies of one source, each rendering its own part of it, share
# less of each other than either shares with the source. The evidence is built by hand here
# (shares and close rewrites as copy_evidence would measure them) so that the rule is read
# alone; the texts are ours.
def _family_evidence(shorter_share: float, close_rewrites: int):
    import numpy as np

    from newsprobe.corpus.align import AlignedPair, sentence_spans
    from newsprobe.corpus.copies import CopyEvidence

    left = ("Harbour workers in Velm stopped work on Friday over pay. The strike closed two of the three "
            "container berths. Ferries ran as usual. The union wants a raise of six percent. "
            "Talks are set for Tuesday.")
    right = ("Dock staff in Velm walked out on Friday in a row over wages. Two of the port's three container "
             "berths were shut. The union is asking for six percent more. The port said it regretted the strike.")
    spans_l, spans_r = sentence_spans(left), sentence_spans(right)
    pairs = [AlignedPair(spans_l[k], spans_r[k], 0.85 if k < close_rewrites else 0.72) for k in range(3)]
    return CopyEvidence(pairs=pairs, own_count=3, share_a=shorter_share, share_b=shorter_share,
                        shorter_share=shorter_share, longer_share=shorter_share - 0.03, reused=0, passages=False,
                        close_rewrites=close_rewrites, outside_english=False, texts=(left, right)), np


def test_two_copies_of_one_source_with_a_loose_overlap_are_a_family_copy():
    settings = CopySettings()
    ev, _ = _family_evidence(0.42, 3)
    # Alone, under the aligned share floor: not a copy.
    assert copy_decision(ev, settings) == (None, "aligned share")
    # Both copies of one third article: the family's floor holds it.
    kind, rule = copy_decision(ev, settings, family=True)
    assert kind is not None and rule == "copy family"
    # One close rewrite is a retelling, family or not.
    loose, _ = _family_evidence(0.42, 1)
    assert copy_decision(loose, settings, family=True)[0] is None
    # Under the family floor, or with the family rule off: not a copy.
    far, _ = _family_evidence(0.30, 3)
    assert copy_decision(far, settings, family=True)[0] is None
    from dataclasses import replace
    assert copy_decision(ev, replace(settings, family_aligned_share=0.0), family=True)[0] is None


def test_family_copies_need_a_shared_copy_neighbour():
    from newsprobe.corpus.copies import CopyEdge, family_copies

    ev, np = _family_evidence(0.42, 3)
    docs = [CopyDoc("left", ev.texts[0], None, "en"), CopyDoc("right", ev.texts[1], None, "en"),
            CopyDoc("source", "A third text.", None, "en"), CopyDoc("other", "A fourth text.", None, "en")]
    cache = SentenceCache(lambda texts: np.ones((len(texts), 4), dtype=np.float32) / 2)

    def edge(a, b):
        return CopyEdge(a, b, "rewritten", 0.6, "unknown", [], {})

    linked = family_copies(docs, [edge("source", "left"), edge("source", "right")], [(0, 1, ev)], cache,
                           CopySettings())
    assert len(linked) == 1 and {linked[0].source, linked[0].target} == {"left", "right"}
    assert any("copy family" in e for e in linked[0].evidence)
    # Excerpts of one source may have taken different parts of it: no family.
    excerpts = [CopyEdge("source", "left", "partial", 0.3, "unknown", [], {}),
                CopyEdge("source", "right", "partial", 0.3, "unknown", [], {})]
    assert family_copies(docs, excerpts, [(0, 1, ev)], cache, CopySettings()) == []
    # Each a copy of a different article: no family, no link.
    assert family_copies(docs, [edge("source", "left"), edge("other", "right")], [(0, 1, ev)], cache,
                         CopySettings()) == []


def test_chinese_and_japanese_full_stops_end_sentences():
    from newsprobe.corpus.align import sentence_spans

    text = "河谷小镇周日发生洪水。约三百户居民连夜撤离。“我们会重建家园！”镇长说。学校停课"
    assert [s.text for s in sentence_spans(text)] == ["河谷小镇周日发生洪水。", "约三百户居民连夜撤离。",
                                                      "“我们会重建家园！”镇长说。", "学校停课"]
    assert [s.text for s in sentence_spans("川は日曜日にあふれた。学校は水曜日まで休校（予定）。")] == \
        ["川は日曜日にあふれた。", "学校は水曜日まで休校（予定）。"]

"""The 14 persuasion techniques: names, display labels and one-line explanations.

Plain data with no heavy imports, so the renderers can use it without loading the model.
Names follow the Propaganda Techniques Corpus v2 classes (SemEval-2020 Task 11), in
snake_case; explanations paraphrase the corpus's definitions (Da San Martino et al., 2019).
"""

from __future__ import annotations

EXPLANATIONS = {
    "loaded_language": "words with strong emotional connotations used to sway the reader",
    "name_calling_labeling": "labelling a person or group as something the audience fears, hates or admires",
    "repetition": "repeating the same message over and over so that it sticks",
    "exaggeration_minimisation": "making something bigger, better or worse than it is, or downplaying it",
    "doubt": "questioning the credibility of someone or something",
    "appeal_to_fear_prejudice": "building support by stoking anxiety, panic or prejudice",
    "flag_waving": "appealing to patriotism or group identity to justify a position",
    "causal_oversimplification": "a single cause given for an issue that has many",
    "slogans": "a brief, striking phrase that stands in for an argument",
    "appeal_to_authority": "a claim held true only because an authority or expert said so",
    "black_and_white_fallacy": "two options presented as the only ones possible",
    "thought_terminating_cliches": "a stock phrase that discourages further thought",
    "whataboutism_straw_men_red_herring": "deflecting: charging the other side with hypocrisy, "
                                          "misrepresenting its view, or changing the subject",
    "bandwagon_reductio_ad_hitlerum": "everyone does it so you should too, or an idea is bad "
                                      "because hated people hold it",
}
TECHNIQUES = tuple(EXPLANATIONS)


def label(technique: str) -> str:
    """Display label: "name_calling_labeling" -> "name calling, labeling"."""
    special = {"name_calling_labeling": "name calling, labeling",
               "exaggeration_minimisation": "exaggeration, minimisation",
               "appeal_to_fear_prejudice": "appeal to fear, prejudice",
               "whataboutism_straw_men_red_herring": "whataboutism, straw man, red herring",
               "bandwagon_reductio_ad_hitlerum": "bandwagon, reductio ad Hitlerum",
               "black_and_white_fallacy": "black-and-white fallacy",
               "flag_waving": "flag-waving",
               "thought_terminating_cliches": "thought-terminating clichés"}
    return special.get(technique, technique.replace("_", " "))


__all__ = ["EXPLANATIONS", "TECHNIQUES", "label"]

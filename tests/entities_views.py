"""Views of an analysis's entities that the entity tests compare."""

from newsprobe import analyze


def entity_named(analysis, name):
    return next(e for e in analysis.entities if e.name == name)


def labels_of(analysis):
    return {m.text: e.label for e in analysis.entities for m in e.mentions}


def mentions_of(analysis):
    return {e.name: [m.text for m in e.mentions] for e in analysis.entities}


def names_in(text):
    return {m.text for e in analyze(text, layers=("entities",)).entities for m in e.mentions}

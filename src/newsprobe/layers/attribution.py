"""Attribution (being written): quotes and reported speech."""
NAME = "attribution"
VERSION = "0"
FIELD = "quotes"
REQUIRES = ("entities",)


def run(doc, analysis, settings):
    return []

"""The web app and JSON API over the store (`newsprobe serve`).

A thin shell over the library, like the CLI: `app.create_app(WebConfig(db=...))` builds a
FastAPI app whose pages are server-rendered (jinja2, autoescaped) with one small static
script, and whose every page has a JSON twin computed by the same function:

- `views/analyse.py`  paste or upload an article; it is analysed and stored;
- `views/article.py`  one article with switchable layers and side panels;
- `views/corpus.py`   search and browse articles, quotes and claims (FTS5), with filters;
- `views/story.py`    a story's timeline, copy graph and changed sentences;
- `views/speaker.py`  every quote of one speaker, wording variants grouped.

`safety.py` holds what keeps a server safe to run: body limit, security headers, the
write token and same-origin checks; `errors.py` turns every failure into a JSON (or, for a
browser on a page, HTML) error with a message and never a stack trace. docs/web.md.
"""

from .app import WebConfig, create_app

__all__ = ["WebConfig", "create_app"]

"""The story page: the articles of one story on a timeline, the copy graph between them
(inline SVG), each copy family's route from its likely original with the changes at each
hop, and each changed sentence side by side with the changes marked. Its JSON twin is a
`newsprobe.corpus/2` object holding just this story."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Request

from ... import __version__
from ...corpus import CORPUS_SCHEMA
from ...render.story_view import story_view
from ...store import Store
from ..stores import read_store
from ..errors import READ_RESPONSES
from ..render import page_or_json, split_format

router = APIRouter()

# Fields of newsprobe.corpus/2 the store's tables do not keep; a story response leaves
# them empty and says so in meta.omitted (the full run is in the store as JSON).
OMITTED = ["stories[].entities", "copies[].evidence", "copies[].features", "claim_links"]


def story_data(store: Store, story_id: str) -> dict[str, Any]:
    story = store.story(story_id)
    if story is None:
        raise HTTPException(404, f"no story {story_id!r} in the latest corpus run"
                                 if store.latest_run_id() else "this store has no corpus run yet "
                                 "(run `newsprobe corpus PATH --db FILE`)")
    rows = store.article_rows(story["articles"])
    articles = sorted((rows[i] for i in story["articles"] if i in rows),
                      key=lambda r: (r["published"] is None, r["published"] or "", r["id"]))
    copies = store.copies_among([a["id"] for a in articles], story["run_id"])
    return {
        "schema": CORPUS_SCHEMA,
        "articles": [{**a, "story": story_id} for a in articles],
        "stories": [{"id": story_id, "label": story["label"] or "", "articles": [a["id"] for a in articles],
                     "first_published": story["first_published"], "last_published": story["last_published"],
                     "entities": []}],
        "copies": [{"id": c["copy_id"], "source": c["source_id"], "target": c["target_id"], "kind": c["kind"],
                    "direction": c["direction"], "evidence": [], "score": c["score"], "features": {},
                    "pairs": c["pairs"],
                    "changes": [{"id": ch["change_id"], "kind": ch["kind"], "message": ch["message"] or "",
                                 "source": {"start": ch["source_start"], "end": ch["source_end"],
                                            "text": ch["source_text"]},
                                 "target": {"start": ch["target_start"], "end": ch["target_end"],
                                            "text": ch["target_text"]}} for ch in c["changes"]]}
                   for c in copies],
        "families": store.families_of_story(story_id, story["run_id"]),
        "claim_links": [],
        "meta": {"newsprobe": __version__, "run": story["run_id"], "omitted": OMITTED},
    }


@router.get("/story/{story_id}", include_in_schema=False)
def story_page(story_id: str, request: Request, store: Store = Depends(read_store)):
    story_id, fmt = split_format(story_id)
    data = story_data(store, story_id)
    return page_or_json(request, fmt, "story.html", data, None if fmt == "json" else story_view(data))


@router.get("/api/story/{story_id}", tags=["corpus"],
            summary="One story of the latest corpus run, as a newsprobe.corpus/2 object", responses=READ_RESPONSES)
def story_api(story_id: str, store: Store = Depends(read_store)) -> dict[str, Any]:
    """The story's articles (oldest first), the copies among them with aligned sentence
    pairs and changes, and its copy families (likely original, route, changes per hop). 404 for an unknown story or a store without a corpus run."""
    return story_data(store, story_id)

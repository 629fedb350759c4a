"""Outlet context: known outlets, the outlet index built from small CSVs we write, the layer
on articles of our own, and how every report shows it (always with its caveat)."""

import json

import pytest

from newsprobe import analyze
from newsprobe.cli import main
from newsprobe.errors import NewsprobeError
from newsprobe.model import Article
from newsprobe.outlets import known_by_domain, known_by_name, name_key
from newsprobe.outlets.index import OutletIndex
from newsprobe.render import as_html, as_text
from newsprobe.schema import validate_article
from newsprobe.settings import Settings

QUALITY = "domain,pc1\ntass.com,0.34\nsputniknews.com,0.35\nsputniknews.lt,0.49\nreuters.com,1\n" \
          "velmarpost-example.com,0.8\n"
# Four cases; case 3 names two Sputnik editions and must count once for the family.
CASES = ("date,id,title,countries,keywords,languages,outlets\n"
         "2021-01-02,https://cases.example/1,t1,X,k,Russian,TASS - Russian\n"
         "2021-01-05,https://cases.example/2,t2,X,k,Russian,Sputnik Poland+velmarpost-example.com\n"
         "2021-01-09,https://cases.example/3,t3,X,k,Russian,Sputnik Arabic+Sputnik Belarus - Russian\n"
         "2021-01-03,https://cases.example/4,t4,X,k,Russian,Show more\n")


@pytest.fixture(scope="module")
def index_file(tmp_path_factory):
    folder = tmp_path_factory.mktemp("outlets")
    (folder / "domain_pc1.csv").write_text(QUALITY, encoding="utf-8")
    (folder / "euvsdisinfo_posts_2021.csv").write_text(CASES, encoding="utf-8")
    out = folder / "index.json"
    assert main(["outlets", "build", str(folder), "--out", str(out)]) == 0
    return out


def test_known_outlets_resolve_by_domain_family_and_name():
    assert known_by_domain("tass.com").name == "TASS"
    assert known_by_domain("sputniknews.lt").name == "Sputnik"      # every country domain
    assert known_by_domain("www.rt.com").name == "RT"
    assert known_by_domain("art.com") is None                       # not a suffix match
    assert known_by_name("Sputnik Poland").name == "Sputnik"        # edition of a family
    assert known_by_name("the state news agency TASS") is None      # no guessing inside names
    assert known_by_name("Art Monthly") is None
    assert name_key("News Front - Spanish") == "news front"


def test_index_counts_each_case_once_per_family_and_keeps_the_latest(index_file):
    index = OutletIndex.load(index_file)
    cases = index.cases_of("Sputnik", "sputniknews.com")
    assert cases["count"] == 2 and cases["latest"] == "2021-01-09"
    assert cases["latest_url"] == "https://cases.example/3"
    assert index.cases_of("TASS", "tass.com")["count"] == 1
    assert index.cases_of("Reuters", "reuters.com") is None
    assert "show more" not in index.disinfo


def test_quality_names_its_source_and_flags_a_family_with_a_lower_score(index_file):
    index = OutletIndex.load(index_file)
    regional = index.quality_of("sputniknews.lt")
    assert regional["score"] == 0.49 and regional["family_lowest"] == 0.35
    assert "Lin et al. 2023" in regional["source"] and regional["date"] == "2023"
    assert index.quality_of("tass.ru") == {**index.quality_of("tass.com"), "domain": "tass.com"}
    assert "family_lowest" not in index.quality_of("reuters.com")
    assert index.quality_of("unknown.example") is None


def test_layer_gives_publisher_and_cited_state_media_with_their_quotes(index_file):
    text = ("Warships on alert\n\nThe fleet is ready to sail within hours, the state news "
            "agency TASS reported on Monday.\n\nSputnik said the ships had left port. "
            "Officials in Velmar declined to comment.\n")
    a = analyze(Article(text=text, url="https://www.velmarpost-example.com/news/1"),
                Settings.load(outlet_index=str(index_file)))
    validate_article(a.to_dict())
    publisher, *cited = a.outlets
    assert publisher["role"] == "publisher" and publisher["found_by"] == "url"
    assert publisher["domain"] == "velmarpost-example.com" and publisher["quality"]["score"] == 0.8
    assert publisher["disinfo_cases"]["count"] == 1
    by_name = {o["name"]: o for o in cited}
    assert set(by_name) == {"TASS", "Sputnik"}
    assert by_name["TASS"]["control"] == "state-controlled"
    assert by_name["Sputnik"]["quotes"] and by_name["Sputnik"]["found_by"] == "speaker"
    assert all(o["note"].startswith("describes the outlet, not this article") for o in a.outlets)


def test_without_an_index_known_outlets_still_show_who_controls_them():
    a = analyze(Article(text="MOSCOW, Jan 3 (TASS) - The minister said talks would go on.\n"))
    [publisher] = a.outlets
    assert publisher["name"] == "TASS" and publisher["found_by"] == "dateline"
    assert publisher["control"] == "state-controlled" and "quality" not in publisher


def test_reports_show_outlet_context_with_its_caveat(index_file):
    a = analyze(Article(text="Talks go on\n\nThe talks will go on, RT reported.\n",
                        outlet="tass.com"), Settings.load(outlet_index=str(index_file)))
    from io import StringIO
    from rich.console import Console
    buffer = StringIO()
    as_text.render([a], Console(file=buffer, width=200))
    text = buffer.getvalue()
    assert "published by TASS" in text and "state-controlled media, Russia" in text
    assert "describes the outlet, not this article" in text
    page = as_html.render(a)
    assert "<h2>Outlets" in page and "never a verdict" in page and "state-controlled media" in page


def test_outlets_show_and_bad_index_files(index_file, tmp_path, capsys):
    assert main(["outlets", "show", "sputniknews.lt", "--index", str(index_file)]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["name"] == "Sputnik" and shown["disinfo_cases"]["count"] == 2
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "other"}', encoding="utf-8")
    with pytest.raises(NewsprobeError) as err:
        OutletIndex.load(bad)
    assert err.value.code == "E042" and str(bad) in str(err.value)
    assert main(["analyze", "-", "--outlets", str(bad)]) == 2
    assert "E042" in capsys.readouterr().err
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["outlets", "build", str(empty), "--out", str(tmp_path / "x.json")]) == 2


def test_wire_copy_on_a_portal_cites_the_agency_and_a_place_is_never_an_outlet(index_file):
    text = ("Ships leave port\n\nMOSCOW (Reuters) - Moscow denied that six ships had left "
            "Sevastopol, the TASS news agency quoted the defence ministry as saying.\n")
    a = analyze(Article(text=text, url="https://news.portal-example.com/a/1"),
                Settings.load(outlet_index=str(index_file)))
    names = {o["name"]: o for o in a.outlets}
    assert names["Reuters"]["role"] == "source" and names["Reuters"]["found_by"] == "dateline"
    assert not any(name.lower() == "moscow" for name in names)
    dated = analyze(Article(text="MOSCOW, December 5./TASS/. The ministry said the strike hit "
                                 "17 targets.\n"))
    assert dated.outlets[0]["name"] == "TASS" and dated.outlets[0]["found_by"] == "dateline"

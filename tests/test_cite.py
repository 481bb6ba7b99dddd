"""Citations: one event's citation with its permanent link; the cited sources as BibTeX (parsed by bibtexparser)
and CSL-JSON (rendered by citeproc-py)."""
import json

import bibtexparser
import pytest
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON

from steppe.cite import bibtex, cited_sources, csl_json, event_citation, permalink, publication_year


def test_an_event_citation_names_source_locator_atlas_and_link(fixture_atlas):
    event = fixture_atlas.events.set_index("event_id", drop=False).loc["1922-arrest"]
    source = fixture_atlas.sources.set_index("source_id").loc["src-a"]
    link = permalink("http://localhost:8501/", "1922-arrest")
    assert link == "http://localhost:8501/timeline?event=1922-arrest"
    text = event_citation(event, source, link, "abc123", "1 December 2026")
    assert text == ("Author A. A test article. 2024, p. 3. Cited in Steppe Atlas: Kazakhstan 1917–1936, event “Arrest” "
                    "(data version abc123), http://localhost:8501/timeline?event=1922-arrest (accessed 1 December 2026).")


def test_the_year_comes_only_from_the_short_citation():
    assert publication_year("Carr 1959") == "1959" and publication_year("Akkuly") == ""


@pytest.fixture(params=["fixture", "real"])
def some_atlas(request, fixture_atlas, real_atlas):
    return fixture_atlas if request.param == "fixture" else real_atlas


def test_bibtex_parses_with_a_bibtex_library(some_atlas):
    sources = cited_sources(some_atlas.events, some_atlas.sources)
    library = bibtexparser.parse_string(bibtex(sources).decode("utf-8"))
    assert not library.failed_blocks
    assert [e.key for e in library.entries] == list(sources["source_id"])
    by_key = {e.key: e for e in library.entries}
    first = sources.iloc[0]
    assert by_key[first["source_id"]]["note"].replace("\\", "") == first["short"]


def test_csl_json_renders_with_a_csl_processor(some_atlas):
    sources = cited_sources(some_atlas.events, some_atlas.sources)
    items = json.loads(csl_json(sources))
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)  # bundled with citeproc-py
    bibliography = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
    for item in items:
        bibliography.register(Citation([CitationItem(item["id"])]))
    rendered = [str(entry) for entry in bibliography.bibliography()]
    assert len(rendered) == len(items)
    for item in items:
        assert any(item["title"][:30] in entry for entry in rendered), item["id"]


def test_only_cited_sources_are_listed(fixture_atlas):
    alash = fixture_atlas.events[fixture_atlas.events["thread"] == "alash"]
    assert list(cited_sources(alash, fixture_atlas.sources)["source_id"]) == ["src-a"]

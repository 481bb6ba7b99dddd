"""The two escaping helpers: any string through them gives no tag, no link, no image, no directive."""
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from steppe.escape import html_text, md_text

# CommonMark + GFM tables/strikethrough + linkify (autolinks of bare URLs, as Streamlit's remark-gfm does)
MD = MarkdownIt("commonmark", {"linkify": True, "html": True}).enable(["table", "strikethrough", "linkify"])
HOSTILE = ["[Log in](http://evil.example)", "![x](http://evil.example/t.png)", "<img src=x onerror=alert(1)>",
           "http://evil.example/path", "www.evil.example", "mail@evil.example", ":red[alert]", ":material/home:",
           "<script>alert(1)</script>", "**bold** _it_", "# heading", "- item", "`code`", "$x^2$", "a\n\n- b",
           "<http://evil.example>", "[a]: http://evil.example\n[a]", "    code", "\tcode", "x\n===", "> quote"]


def rendered(text: str) -> str:
    return MD.render(md_text(text))


def test_hostile_markdown_is_shown_as_written():
    for text in HOSTILE:
        out = rendered(text)
        assert "<a " not in out and "<img" not in out and "<script" not in out and "<h1" not in out, (text, out)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=80) | st.sampled_from(HOSTILE)
       | st.lists(st.sampled_from(HOSTILE + [" ", "\n", "\t", "x"]), max_size=6).map("".join))
def test_any_string_through_md_text_renders_no_link_image_or_tag(text):
    out = rendered(text)
    for bad in ("<a ", "<img", "<script", "<h1", "<ul", "<ol", "<code", "<em", "<strong", "<pre", "<table", "<blockquote", "<hr"):
        assert bad not in out, (text, out)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80) | st.sampled_from(HOSTILE))
def test_any_string_through_html_text_has_no_tag(text):
    out = html_text(text)
    assert "<" not in out and ">" not in out and '"' not in out


def test_missing_values_are_empty():
    assert html_text(None) == "" and md_text(float("nan")) == ""


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60) | st.sampled_from(HOSTILE) | st.sampled_from(["http://x.y", "WwW.x.y", "a@b.c", "ftp://q"]))
def test_no_autolink_pattern_survives_md_text(text):
    # Streamlit's renderer autolinks these even with escaped punctuation, so none may remain contiguous
    out = md_text(text).replace("\\", "")
    assert "://" not in out and "www." not in out.casefold() and not any(
        out[i] == "@" and out[i - 1] != "\u2060" for i in range(1, len(out)))

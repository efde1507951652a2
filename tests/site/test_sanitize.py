"""The sanitiser keeps document markup and drops everything that could run."""
import markdown

from digest.site.sanitize import clean_html

HOSTILE_MARKDOWN = """Harbour board dismissed

<script>alert("x")</script>
<img src="photo.jpg" onerror="alert(1)" alt="Quay">
<iframe src="https://evil.example/"></iframe>
<svg onload="alert(1)"><circle r="4"/></svg>
<a href="javascript:alert(1)">click</a> and [more](javascript:alert(2)) and [data](data:text/html;base64,PHNjcmlwdD4=)
<p style="background:url(javascript:alert(3))" onclick="alert(4)">styled</p>
<object data="x.swf"></object><embed src="x.swf"><form action="/x"><input></form>
<meta http-equiv="refresh" content="0;url=javascript:alert(5)">

| Port | Ships |
|------|-------|
| Lima | 12    |

[Official statement](https://example.org/statement) and `code` and **bold**.
"""


def test_nothing_that_runs_survives():
    html = clean_html(markdown.markdown(HOSTILE_MARKDOWN, extensions=["tables"]))
    lowered = html.lower()
    for bad in ("<script", "onerror", "onload", "onclick", "javascript:", "<iframe", "<svg", "<object", "<embed",
                "<form", "<meta", "data:text", "style="):
        assert bad not in lowered, bad


def test_document_markup_survives():
    html = clean_html(markdown.markdown(HOSTILE_MARKDOWN, extensions=["tables"]))
    assert '<a href="https://example.org/statement"' in html
    assert "<table>" in html and "<td>Lima</td>" in html
    assert '<img src="photo.jpg" alt="Quay"' in html
    assert "<strong>bold</strong>" in html and "<code>code</code>" in html


def test_only_markdown_that_can_carry_markup_is_cleaned():
    from digest.site.sanitize import needs_cleaning, plain_extensions

    assert not needs_cleaning("The fictional Callao quay reopened.\n\n## Repairs\n\n| a | b |\n|---|---|\n| 1 | 2 |\n")
    for risky in ("a <b onmouseover=x>b</b>", "[more](javascript:x)", "![x](data:x)", "[more][1]\n\n[1]: javascript:x",
                  "<javascript:alert(1)>"):
        assert needs_cleaning(risky), risky
    # attr_list turns '{: onclick=...}' into an attribute: with it, every page is cleaned.
    assert plain_extensions(["toc", "tables", "fenced_code"]) and not plain_extensions(["toc", "attr_list"])
    assert needs_cleaning("Plain text {: onclick=x }", extensions_plain=False)

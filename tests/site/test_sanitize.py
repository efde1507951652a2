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

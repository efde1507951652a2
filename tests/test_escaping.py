"""Plain text in a Markdown body shows as written: what news prints that Markdown reads as markup."""
import markdown
import pytest

from digest.escaping import escape_markdown, unescape_markdown
from digest.ingest.pipeline import build_article
from digest.ingest.readers import RawInput

EXTENSIONS = ["toc", "tables"]  # mkdocs.yml's markdown_extensions

SHOWN_AS_WRITTEN = [
    "24. 11. Köln, Yard Club",  # a German date opening a line: not an ordered list renumbered from 1
    "1. FC Kornfeld gewinnt das Derby",  # a club's name
    "#hafenfest war das Motto des Abends",  # a hashtag opening a line: not a heading
    "Die Bürger*innen und Politiker*innen kamen.",  # the gender star: no italics between two
    ">> Mehr lesen: Der Hafen im Winter",  # not a quote
    "Der Preis: 5 * 3 = 15 Euro, a_b und _so_ weiter, `Zitat`",
    "3) Die dritte Frage",
    "a < b, ein Pfad C:\\Daten\\*.txt",
]


@pytest.mark.parametrize("text", SHOWN_AS_WRITTEN)
def test_escaped_text_renders_as_written_and_reads_back(text):
    html = markdown.markdown(escape_markdown(text), extensions=EXTENSIONS)
    shown = html.removeprefix("<p>").removesuffix("</p>")
    assert shown == text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    assert unescape_markdown(escape_markdown(text)) == text


def test_an_ingested_body_is_escaped_and_its_summary_is_not():
    text = ("1. FC Kornfeld lädt alle Bürger*innen zum Hafenfest ein, das am Samstag zum zehnten Mal stattfindet.\n\n"
            "24. 11. Kornfeld, Alter Hafen: Konzert der Hafenkapelle und Feuerwerk über dem Becken\n\n"
            "#hafenfest ist das Motto, unter dem der Verein die Fotos der Gäste sammelt.\n")
    article = build_article(RawInput("fest.jsonl:1", "record", {"id": "fest", "title": "Hafenfest in Kornfeld", "text": text, "lang": "de"}))
    assert "1\\. FC Kornfeld" in article.body and "Bürger\\*innen" in article.body and "24\\. 11. Kornfeld" in article.body
    html = markdown.markdown(article.body, extensions=EXTENSIONS)
    assert "<ol>" not in html and "<em>" not in html and "<h1" not in html
    assert "24. 11. Kornfeld" in html and "Bürger*innen" in html and "#hafenfest" in html
    assert "\\" not in article.summary and article.summary.startswith("1. FC Kornfeld")

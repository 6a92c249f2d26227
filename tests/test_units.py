"""Unit tests of the pure stages: YAML loading, dates, source text and quotes, writer."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import yaml

from build_site.dates import DateError, describe
from build_site.errors import BuildError
from build_site.loader import _YamlError, parse_yaml, read_records, read_yaml
from build_site.markup import md_inline, sanitize_markdown
from build_site.text import QuoteIndex, normalize, split_paragraphs
from build_site.writer import Output, write

ROOT = Path(__file__).resolve().parent.parent


def test_yaml_keeps_no_and_dates_as_text_and_numbers_as_numbers():
    data, marks, _ = parse_yaml("- a: NO\n  b: 2016-04-20\n  c: 12\n  d: '12'\n  e: yes\n  f: true\n", "x.yaml")
    assert data == [{"a": "NO", "b": "2016-04-20", "c": 12, "d": "12", "e": "yes", "f": True}]
    assert (marks[(0, "c")].line, marks[(0, "c")].column) == (3, 6)


@pytest.mark.parametrize("text, message", [
    ("a: &x 1\nb: *x\n", "anchor '&x' is not allowed"),
    ("a: !!python/object:os.system 1\n", "tag 'tag:yaml.org,2002:python/object:os.system' is not allowed"),
    ("a: 1\na: 2\n", "duplicate key 'a' (first at line 1)"),
    ("a: [1\n", "malformed YAML"),
    ("a: 1\n---\nb: 2\n", "a second YAML document"),
])
def test_yaml_refuses(text, message):
    for reader in (parse_yaml, read_yaml):  # the quick reading refuses the same, at the same place
        with pytest.raises(_YamlError) as raised:
            reader(text, "x.yaml")
        assert message in raised.value.message
        assert raised.value.location.line >= 1


@pytest.mark.parametrize("text", ["- a: 1\n  b: [x, {c: NO}]\n- d: ~\n", "a: {b: 1}\n", "", "- x\n", "'q'\n"])
def test_quick_reading_equals_the_full_one(text):
    data, marks, _ = parse_yaml(text, "x.yaml")
    quick, starts = read_yaml(text, "x.yaml")
    assert quick == data
    assert starts == {path: location for path, location in marks.items() if len(path) <= 1 and
                      (not path or isinstance(data, list))}


def test_every_real_file_reads_the_same_quickly_with_its_marks_found_later():
    files = sorted((ROOT / "data").glob("*/*.yaml"))
    assert files
    for file in files:
        text = file.read_text(encoding="utf-8")
        data, marks, key_marks = parse_yaml(text, file.relative_to(ROOT).as_posix())
        records, problems = read_records(ROOT, file.parent.name, file)
        assert not problems and [r.data for r in records] == data
        for index, record in enumerate(records):
            assert record.location == marks[(index,)]
            assert record.marks == {path[1:]: mark for path, mark in marks.items() if path[:1] == (index,)}
            assert record.key_marks == {path[1:]: mark for path, mark in key_marks.items() if path[:1] == (index,)}


def test_dates_in_words_and_spans():
    assert describe("2016-04~").label == "April 2016, approximate"
    assert describe("2016-04").end.isoformat() == "2016-05-01"
    assert describe("2016-04-20").end is None
    assert describe("2014-05-16/..").label == "From 16 May 2014, open-ended"
    with pytest.raises(DateError, match="before it starts"):
        describe("2016-05/2016-04")
    with pytest.raises(DateError):
        describe("April 2016")


def test_quotes_found_after_normalizing_whitespace_and_quote_marks():
    paragraphs = split_paragraphs("One “quoted”  line.\n\nSecond line, with   spaces.\nOne again.\n")
    assert [p.number for p in paragraphs] == [1, 2, 3] and paragraphs[1].line == 3
    index = QuoteIndex(paragraphs)
    assert [m.paragraph for m in index.occurrences('One "quoted" line')] == [1]
    assert [m.paragraph for m in index.occurrences("with spaces")] == [2]
    assert len(index.occurrences("One")) == 2
    assert [m.paragraph for m in index.occurrences("One", suffix="again")] == [3]
    assert index.occurrences("line. Second") == [], "a quote never spans two paragraphs"
    assert normalize("a\u00a0 ‘b’") == "a 'b'"


def test_markdown_is_sanitized_and_headings_escaped():
    dirty = "Hi <script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)> **ok**"
    clean = str(sanitize_markdown(dirty))
    assert "<script" not in clean and "javascript:" not in clean and "onerror" not in clean and "<img" not in clean
    assert "<strong>ok</strong>" in clean
    assert str(md_inline("<b>*x*</b> [y](z) {#id}")) == "&lt;b&gt;\\*x\\*&lt;/b&gt; \\[y\\]\\(z\\) \\{\\#id\\}"


def test_plain_summaries_take_the_fast_path_with_markdowns_exact_output():
    """Texts without Markdown syntax skip Python-Markdown; the HTML must be what it would have made."""
    from build_site import markup
    texts = [event["summary"] for path in sorted((ROOT / "data" / "events").glob("*.yaml"))
             for event in yaml.safe_load(path.read_text(encoding="utf-8")) or []]
    real_plain = [text for text in texts if not markup._MARKDOWN_SYNTAX.search(text)]
    assert len(real_plain) >= 0.8 * len(texts), "most real summaries are plain prose: the fast path is the one they take"
    alphabet = list("ab c.,'\"\n\n\n-—“”()0123:;?!/=#>+|é") + ["\xa0", "\u2028", "\u3000", "\x0b", "\x0c", "\t", "  "]
    rng = random.Random(7)
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(20000)]
    plain = [text for text in texts if not markup._MARKDOWN_SYNTAX.search(text)]
    assert len(plain) > 3000
    for text in plain:
        assert markup._clean(markup._plain_paragraphs(text)) == markup._clean(markup._MARKDOWN.reset().convert(text)), text
    assert markup._MARKDOWN_SYNTAX.search("a\n- b") and markup._MARKDOWN_SYNTAX.search("a  \nb")


def test_writer_rewrites_only_changed_files_and_removes_stale(tmp_path: Path):
    docs = tmp_path / "docs"
    first = write(docs, [Output("events/a/index.md", b"A"), Output("events/b/index.md", b"B")], ("events",))
    assert (first.written, first.unchanged) == (2, 0)
    stamp = (docs / "events/a/index.md").stat().st_mtime_ns
    second = write(docs, [Output("events/a/index.md", b"A")], ("events",))
    assert (second.written, second.unchanged, second.removed) == (0, 1, 1)
    assert (docs / "events/a/index.md").stat().st_mtime_ns == stamp
    assert not (docs / "events/b").exists()


def test_writer_moves_new_folders_whole_and_a_replay_finishes_them(tmp_path: Path, monkeypatch):
    from build_site import writer

    docs = tmp_path / "docs"
    write(docs, [Output("events/a/index.md", b"A")], ("events", "actors"))
    journals: list[str] = []
    real_journal = writer._journal

    def kept(docs_: Path, changed: dict, stale: list) -> None:
        real_journal(docs_, changed, stale)
        journals.append((docs_.parent / writer.JOURNAL).read_text(encoding="utf-8"))

    monkeypatch.setattr(writer, "_journal", kept)
    outputs = [Output("events/a/index.md", b"A"), Output("events/b/index.md", b"B"),
               Output("actors/x/index.md", b"X"), Output("actors/y/index.md", b"Y")]
    outputs.append(Output("sources/s/index.md", b"S"))
    write(docs, outputs, ("events", "actors", "sources"))
    lines = journals[-1].splitlines()
    # each folder docs/ lacked moves in whole, once: a generated folder, or a page's folder in one
    assert {"m sources", "m actors/x", "m actors/y", "m events/b"} <= set(lines)
    assert [line for line in lines if line.startswith("w ")] == []
    assert {p.relative_to(docs).as_posix() for p in docs.rglob("*.md")} == {o.path for o in outputs}
    # A replay after part of a folder was moved (its target made meanwhile) moves the rest file by file.
    staging = tmp_path / writer.STAGING
    (staging / "places/p").mkdir(parents=True)
    (staging / "places/p/index.md").write_bytes(b"P")
    (staging / "places/q").mkdir(parents=True)
    (staging / "places/q/index.md").write_bytes(b"Q")
    (docs / "places/p").mkdir(parents=True)
    (tmp_path / writer.JOURNAL).write_text("m places\n", encoding="utf-8")
    assert writer.recover(docs)
    assert (docs / "places/p/index.md").read_bytes() == b"P" and (docs / "places/q/index.md").read_bytes() == b"Q"
    assert not staging.exists() and not (tmp_path / writer.JOURNAL).exists()


def test_writer_refuses_duplicates_escapes_and_foreign_folders(tmp_path: Path):
    docs = tmp_path / "docs"
    with pytest.raises(BuildError, match="1 error"):
        write(docs, [Output("events/a/index.md", b"1"), Output("events/a/index.md", b"2")], ("events",))
    with pytest.raises(BuildError):
        write(docs, [Output("../evil.md", b"x")], ("events",))
    (docs / "actors").mkdir(parents=True)
    (docs / "actors" / "hand-written.md").write_text("mine")
    with pytest.raises(BuildError):
        write(docs, [], ("actors",))
    assert (docs / "actors" / "hand-written.md").read_text() == "mine"


def test_every_allowed_value_has_a_label_for_readers():
    """Every choice in the model, found by walking the real model registry, labels each of its values."""
    import typing

    from build_site import model

    def choices(annotation):
        if typing.get_origin(annotation) is typing.Literal:
            yield annotation
        for arg in typing.get_args(annotation):
            yield from choices(arg)

    seen = 0
    for record in model.models():
        for name, info in record.model_fields.items():
            for literal in choices(info.annotation):
                labels = next((meta for meta in info.metadata if isinstance(meta, model.Labels)), None)
                assert labels is not None, f"{record.__name__}.{name} has allowed values without labels"
                assert set(labels.singular) == set(typing.get_args(literal)), f"{record.__name__}.{name}"
                assert all(labels.singular.values()), f"{record.__name__}.{name} has an empty label"
                seen += 1
    assert seen >= 10, "the walk found too few choices: it is not looking where the model declares them"


def test_a_valid_record_is_checked_without_reading_its_files_again(monkeypatch):
    """Each value's line is found only for a problem: the real record, valid, never needs one."""
    from build_site import loader
    from build_site.pipeline import check

    def refuse(self, index):
        raise AssertionError("a valid record's marks were read again")

    monkeypatch.setattr(loader.FileMarks, "of", refuse)
    assert not check(ROOT).errors

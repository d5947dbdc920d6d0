"""extractor.sources: article bytes decoded to text, with a clear InputError for what is not text."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from extractor.errors import ExitCode, InputError
from extractor.sources import decode, read_article

ARTICLE = "ISLAMABAD (APP): The visiting général met the Chief of Naval Staff – “a historic visit”.\n"

DECODABLE = [
    ("utf-8", ARTICLE.encode("utf-8"), ARTICLE),
    ("utf-8-with-bom", b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"), ARTICLE),
    ("utf-16-with-bom", ARTICLE.encode("utf-16"), ARTICLE),
    ("utf-16-be-with-bom", b"\xfe\xff" + ARTICLE.encode("utf-16-be"), ARTICLE),
    ("utf-16-le-without-bom", ARTICLE.encode("utf-16-le"), ARTICLE),
    ("cp1252", "The minister’s visit – “historic”.".encode("cp1252"), "The minister’s visit – “historic”."),
    (
        "latin-1-french",
        "PARIS: The French minister met his counterpart at the Élysée Palace on Monday.".encode("latin-1"),
        "PARIS: The French minister met his counterpart at the Élysée Palace on Monday.",
    ),
    ("ascii", b"KARACHI: The navy chief visited the dockyard.", "KARACHI: The navy chief visited the dockyard."),
]


@pytest.mark.parametrize(("data", "expected"), [c[1:] for c in DECODABLE], ids=[c[0] for c in DECODABLE])
def test_text_in_any_usual_encoding_decodes_to_the_same_text(data: bytes, expected: str) -> None:
    assert decode(data, "article.txt") == expected


def test_byte_order_mark_is_not_part_of_the_text() -> None:
    assert not decode(b"\xef\xbb\xbfHello", "a.txt").startswith("\ufeff")


LATIN_1 = [
    ("latin-1-portuguese", "The delegation visited Brasília and São Paulo."),
    ("latin-1-spanish", "Café in Bogotá: the minister visited the café near the río."),
    ("latin-1-one-word", "Café"),
]


@pytest.mark.parametrize("text", [t for _, t in LATIN_1], ids=[i for i, _ in LATIN_1])
def test_short_latin_1_text_decodes_to_the_same_text(text: str) -> None:
    # Detectors hesitate on short texts ('São' -> 'Săo' in cp1250, 'Café' -> UTF-16-BE): Western wins.
    assert decode(text.encode("latin-1"), "article.txt") == text


NOT_TEXT = [
    ("empty", b"", "empty input"),
    ("whitespace-only", b"  \n\t \r\n", "empty input"),
    ("bom-only", b"\xef\xbb\xbf", "empty input"),
    ("bom-and-whitespace", b"\xef\xbb\xbf  \n", "empty input"),
    ("utf-16-bom-only", b"\xff\xfe", "empty input"),
    ("all-bytes", bytes(range(256)) * 4, "binary file, not text"),
    ("png-header", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "binary file, not text"),
    ("control-bytes", b"\x01\x02\x03\x04\x05\x06\x07\x08" * 50, "binary file, not text"),
]


@pytest.mark.parametrize(("data", "reason"), [c[1:] for c in NOT_TEXT], ids=[c[0] for c in NOT_TEXT])
def test_bytes_that_are_not_text_raise_input_error_naming_path_and_reason(data: bytes, reason: str) -> None:
    with pytest.raises(InputError) as caught:
        decode(data, "in/article.txt")
    assert str(caught.value) == f"in/article.txt: {reason}"
    assert caught.value.exit_code == ExitCode.NO_INPUT


def test_read_article_reads_a_file(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"))
    article = read_article(str(path))
    assert (article.path, article.text) == (str(path), ARTICLE)


def test_read_article_reads_standard_input_for_a_dash(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ARTICLE.encode("utf-16"))))
    article = read_article("-")
    assert (article.path, article.text) == ("-", ARTICLE)


def test_empty_standard_input_is_reported_as_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    with pytest.raises(InputError, match=r"^stdin: empty input$"):
        read_article("-")


def test_missing_file_raises_input_error(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.txt"
    with pytest.raises(InputError) as caught:
        read_article(str(path))
    assert str(caught.value) == f"{path}: no such file"
    assert caught.value.exit_code == ExitCode.NO_INPUT


def test_directory_raises_input_error_pointing_to_batch(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        read_article(str(tmp_path))
    assert str(caught.value).startswith(f"{tmp_path}: is a directory")
    assert "diplo batch" in str(caught.value)


@pytest.mark.parametrize(("data", "reason"), [c[1:] for c in NOT_TEXT], ids=[c[0] for c in NOT_TEXT])
def test_file_that_is_not_text_raises_input_error_with_its_path(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(InputError, match=f"^{path}: {reason}$"):
        read_article(str(path))

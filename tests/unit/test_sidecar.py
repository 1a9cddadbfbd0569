"""User-supplied metadata: the corpus's kimreader.toml and per-file front matter."""

from datetime import datetime

from search_index.models import PublishedDate
from search_index.sidecar import Overrides, load_sidecar, split_front_matter


def write_sidecar(folder, text):
    (folder / "kimreader.toml").write_text(text, encoding="utf-8")


def test_no_sidecar_means_no_overrides(tmp_path):
    assert load_sidecar(tmp_path) == ({}, ())


def test_valid_sidecar(tmp_path):
    write_sidecar(
        tmp_path,
        '["002_f8346f1b11c35f47"]\n'
        'title = "North Korea unveils sculptures"\n'
        'outlet = "The Insider"\n'
        'published = "2026-01-26"\n'
        'url = "https://example.org/story"\n'
        "\n"
        '["sub/x.txt"]\n'
        'published = "2026-01-26T15:31"\n'
        "\n"
        "[toml_date]\n"
        "published = 2024-03-05\n"
        "\n"
        "[toml_datetime]\n"
        "published = 2024-03-05T10:02:00+09:00\n"
        "\n"
        '["./windows\\\\style.txt"]\n'
        'outlet = "  Valley Gazette  "\n',
    )
    overrides, warnings = load_sidecar(tmp_path)
    assert warnings == ()
    assert overrides["002_f8346f1b11c35f47"] == Overrides(
        title="North Korea unveils sculptures",
        outlet="The Insider",
        published=PublishedDate(datetime(2026, 1, 26)),
        url="https://example.org/story",
    )
    assert overrides["sub/x.txt"] == Overrides(
        published=PublishedDate(datetime(2026, 1, 26, 15, 31), has_time=True)
    )
    assert overrides["toml_date"].published == PublishedDate(datetime(2024, 3, 5))
    assert overrides["toml_datetime"].published == PublishedDate(
        datetime(2024, 3, 5, 10, 2), has_time=True
    )
    assert overrides["windows/style.txt"].outlet == "Valley Gazette"


def test_malformed_toml_is_a_warning(tmp_path):
    write_sidecar(tmp_path, '[story\ntitle = "unterminated\n')
    overrides, warnings = load_sidecar(tmp_path)
    assert overrides == {}
    assert len(warnings) == 1 and "not valid TOML" in warnings[0]


def test_non_utf8_sidecar_is_a_warning(tmp_path):
    (tmp_path / "kimreader.toml").write_bytes(b'[story]\ntitle = "caf\xe9"\n')
    overrides, warnings = load_sidecar(tmp_path)
    assert overrides == {} and len(warnings) == 1 and "UTF-8" in warnings[0]


def test_bad_values_are_warnings_and_the_rest_is_kept(tmp_path):
    write_sidecar(
        tmp_path,
        "[story]\n"
        'title = "Flood waters rise"\n'
        'published = "31 Feb 2024"\n'
        'author = "Jane Doe"\n'
        "outlet = 42\n"
        "\n"
        "[other]\n"
        'published = "yesterday"\n'
        "\n"
        "[timeonly]\n"
        "published = 10:02:00\n",
    )
    overrides, warnings = load_sidecar(tmp_path)
    assert overrides == {"story": Overrides(title="Flood waters rise")}
    text = "\n".join(warnings)
    assert len(warnings) == 5
    assert "[story] published = '31 Feb 2024' is not a date" in text
    assert "[story] unknown key 'author'" in text
    assert "[story] outlet must be a string" in text
    assert "[other] published = 'yesterday' is not a date" in text
    assert "[timeonly] published" in text


def test_top_level_value_that_is_not_a_table_is_a_warning(tmp_path):
    write_sidecar(tmp_path, 'title = "Orphan"\n[story]\noutlet = "The Insider"\n')
    overrides, warnings = load_sidecar(tmp_path)
    assert overrides == {"story": Overrides(outlet="The Insider")}
    assert len(warnings) == 1 and "[title] is not a table" in warnings[0]


def test_sidecar_accepts_written_out_dates(tmp_path):
    write_sidecar(tmp_path, '[story]\npublished = "26 Jan 2026, 15:31"\n')
    overrides, warnings = load_sidecar(tmp_path)
    assert warnings == ()
    assert overrides["story"].published == PublishedDate(datetime(2026, 1, 26, 15, 31), True)


# --- front matter ---------------------------------------------------------------------------


def test_front_matter_is_split_off():
    text = (
        "---\n"
        'title: "Flood waters rise: a valley waits"\n'
        "source: Valley Gazette\n"
        "date: 2024-03-05T10:02\n"
        "url: https://example.org/flood?id=1\n"
        "tags:\n"
        "  - floods\n"
        "# a comment\n"
        "---\n"
        "Flood waters rise in the valley\n"
        "Rescuers said 12 people were missing.\n"
    )
    front, rest = split_front_matter(text)
    assert front == Overrides(
        title="Flood waters rise: a valley waits",
        outlet="Valley Gazette",
        published=PublishedDate(datetime(2024, 3, 5, 10, 2), has_time=True),
        url="https://example.org/flood?id=1",
    )
    assert rest == "Flood waters rise in the valley\nRescuers said 12 people were missing.\n"


def test_front_matter_aliases_and_quotes():
    front, rest = split_front_matter(
        "---\npublisher: 'The Insider'\npublished: \"2026-01-26\"\n---\nBody"
    )
    assert front == Overrides(outlet="The Insider", published=PublishedDate(datetime(2026, 1, 26)))
    assert rest == "Body"


def test_front_matter_with_bad_date_keeps_the_other_fields():
    front, rest = split_front_matter("---\ntitle: Storm\ndate: 31 Feb 2024\n---\nBody\n")
    assert front == Overrides(title="Storm")
    assert rest == "Body\n"


def test_front_matter_after_a_byte_order_mark():
    front, rest = split_front_matter("\ufeff---\noutlet: AP\n---\nBody\n")
    assert front == Overrides(outlet="AP")
    assert rest == "Body\n"


def test_front_matter_with_only_unknown_keys_is_still_removed():
    front, rest = split_front_matter("---\nlayout: post\n---\nBody\n")
    assert front == Overrides()
    assert rest == "Body\n"


def test_text_without_front_matter_is_unchanged():
    for text in (
        "",
        "Flood waters rise\n---\ntitle: x\n---\n",
        "---\nJust a horizontal rule, then prose.\n---\nMore prose.\n",
        "---\ntitle: never closed\nBody text\n",
        "--- title: inline\n---\n",
    ):
        assert split_front_matter(text) == (None, text)


def test_sidecar_values_lose_escapes_and_line_breaks(tmp_path):
    write_sidecar(
        tmp_path,
        '["evil\\u001b[2Jkey"]\n'
        'title = "x\\u001b]52;c;ZXZpbA==\\u0007y"\n'
        'outlet = "The\\tValley\\r\\nGazette\\u009b2J"\n'
        'url = "https://example.org/\\u001b[31mstory"\n'
        'note = "unknown"\n',
    )
    overrides, warnings = load_sidecar(tmp_path)
    assert overrides["evil\x1b[2Jkey"] == Overrides(
        title="xy", outlet="The Valley Gazette", url="https://example.org/story"
    )
    assert warnings and not any("\x1b" in w for w in warnings)


def test_sidecar_value_of_nothing_but_controls_is_no_value(tmp_path):
    write_sidecar(tmp_path, '[story]\ntitle = "\\u001b[2J\\t"\noutlet = "AP"\n')
    overrides, _ = load_sidecar(tmp_path)
    assert overrides["story"] == Overrides(outlet="AP")


def test_front_matter_values_lose_tabs_and_escapes():
    front, rest = split_front_matter(
        '---\ntitle: "Storm\thits \x1b]52;c;ZXZpbA==\x07coast"\n'
        "outlet: Valley\x07\t Gazette\n---\nBody\n"
    )
    assert front == Overrides(title="Storm hits coast", outlet="Valley Gazette")
    assert rest == "Body\n"

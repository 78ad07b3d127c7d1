import pytest

from diglot.errors import DiglotError
from diglot.glossary import load_glossary
from diglot.glossary.formats.yaml import dump_entries
from diglot.mine import propose
from diglot.mine.review import Review, approve, read_entries, rejected_path, score_of


@pytest.fixture
def proposals(tmp_path, beads):
    path = tmp_path / "proposals.yaml"
    path.write_text("# provenance line\nentries:\n" + dump_entries(propose(beads, limit=4, min_pairs=1)), encoding="utf-8")
    return path


def ids(path):
    return [e.id for e in read_entries(path)]


def test_accept_moves_the_entry_into_the_glossary_approved(proposals, tmp_path):
    review = Review(proposals, tmp_path / "terms.yaml")
    first = review.pending()[0]
    written = review.accept(first)
    assert written.status == "approved" and written.evidence is None
    glossary = load_glossary([tmp_path / "terms.yaml"])
    assert [e.id for e in glossary] == [first.id]
    assert first.id not in ids(proposals)
    assert proposals.read_text(encoding="utf-8").startswith("# provenance line\n")


def test_accept_keeps_the_glossary_file_as_it_was(proposals, glossary_file, beads):
    before = glossary_file.read_text(encoding="utf-8")
    review = Review(proposals, glossary_file)
    review.accept(review.pending()[1])
    after = glossary_file.read_text(encoding="utf-8")
    assert after.startswith(before)  # appended; comments and layout above are untouched
    assert len(load_glossary([glossary_file])) == 3


def test_edit_changes_fields_before_accepting(proposals, tmp_path):
    review = Review(proposals, tmp_path / "terms.yaml")
    first = review.pending()[0]
    entry = review.accept(first, {"en": "Barack Obama", "type": "title", "id": "obama-ko"})
    assert (entry.id, entry.type, entry.preferred("en"), entry.preferred("ko")) == (
        "obama-ko", "title", "Barack Obama", first.preferred("ko"),
    )  # fmt: skip


def test_invalid_edits_are_refused_and_nothing_is_written(proposals, tmp_path):
    review = Review(proposals, tmp_path / "terms.yaml")
    with pytest.raises(DiglotError, match="unknown type"):
        review.accept(review.pending()[0], {"type": "animal"})
    with pytest.raises(DiglotError, match="lowercase letters"):
        review.accept(review.pending()[0], {"id": "Not An Id"})
    assert not (tmp_path / "terms.yaml").exists()
    assert len(ids(proposals)) == 4


def test_reject_keeps_the_proposal_aside(proposals, tmp_path):
    review = Review(proposals, tmp_path / "terms.yaml")
    rejected = review.pending()[0]
    review.reject(rejected)
    assert ids(rejected_path(proposals)) == [rejected.id]
    assert rejected.id not in [e.id for e in review.pending()]


def test_a_later_run_resumes_with_what_is_left(proposals, tmp_path):
    review = Review(proposals, tmp_path / "terms.yaml")
    first, second, third, fourth = review.pending()
    review.accept(first)
    review.reject(second)
    again = Review(proposals, tmp_path / "terms.yaml")
    assert [e.id for e in again.pending()] == [third.id, fourth.id]


def test_a_decision_interrupted_between_its_two_writes_is_completed(proposals, tmp_path):
    review = Review(proposals, tmp_path / "terms.yaml")
    first = review.pending()[0]
    from diglot.glossary.edit import add_entries

    add_entries(tmp_path / "terms.yaml", [approve(first)])  # the glossary write happened, then a crash
    assert first.id in ids(proposals)
    assert first.id not in [e.id for e in review.pending()]
    assert first.id not in ids(proposals)  # cleared


def test_accept_many_gives_unique_ids(proposals, tmp_path, beads):
    glossary = tmp_path / "terms.yaml"
    review = Review(proposals, glossary)
    first = review.pending()[0]
    review.accept(first, {"ko": "경찰관"})  # same id, other forms
    (second,) = Review(proposals, glossary).accept_many([(review.pending()[0], {"id": first.id})])
    assert second.id == f"{first.id}-2"


def test_scores_and_bad_files(proposals, tmp_path):
    assert score_of(read_entries(proposals)[0]) > 0
    with pytest.raises(DiglotError, match="no such file"):
        Review(tmp_path / "missing.yaml", tmp_path / "terms.yaml")
    with pytest.raises(DiglotError, match="different files"):
        Review(proposals, proposals)
    with pytest.raises(DiglotError, match="no such folder"):
        Review(proposals, tmp_path / "missing" / "terms.yaml")
    with pytest.raises(DiglotError, match="YAML glossary file"):
        Review(proposals, tmp_path / "terms.tbx")
    broken = tmp_path / "broken.yaml"
    broken.write_text("entries:\n  - id: [\n", encoding="utf-8")
    with pytest.raises(DiglotError, match="broken.yaml:"):
        Review(broken, tmp_path / "terms.yaml").pending()

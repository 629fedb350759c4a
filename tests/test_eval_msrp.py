"""The MSRP eval: reading the pairs file (tabs, unbalanced quotes, a BOM) and the figures on
a small file of pairs written for this test, with the real MiniLM encoder."""

from __future__ import annotations

import pytest

from newsprobe.errors import NewsprobeError
from newsprobe.eval import msrp

ROWS = [
    ("1", "The ferry operator raised fares by 5 percent on Monday, the harbour board said.",
     "On Monday the ferry company increased prices by 5 percent, the harbour board said."),
    ("1", "Flood warnings were issued for the Kessel valley as the river kept rising.",
     "Flood warnings were put out for the Kessel valley as the river went on rising."),
    ("0", "The minister will resign next week, her office said.",
     "The minister will not resign next week, her office said."),
    ("0", "Prices rose by 35 percent in March, the statistics office said.",
     "Prices rose by 53 percent in March, the statistics office said."),
]


@pytest.fixture
def data_dir(tmp_path):
    lines = ["Quality\t#1 ID\t#2 ID\t#1 String\t#2 String"]
    lines += [f"{label}\t{10 + k}\t{20 + k}\t{a}\t{b}" for k, (label, a, b) in enumerate(ROWS)]
    lines.append('1\t99\t98\tHe said "it is over.\tShe said it was "over.')  # unbalanced quotes stay in
    (tmp_path / msrp.FILE).write_text("\ufeff" + "\n".join(lines) + "\n", encoding="utf-8")
    return tmp_path


def test_msrp_reads_every_row_and_splits_by_ids(data_dir):
    pairs = msrp.read_pairs(data_dir, "all")
    assert len(pairs) == 5 and pairs[-1] == (1, 'He said "it is over.', 'She said it was "over.')
    dev, train = msrp.read_pairs(data_dir, "dev"), msrp.read_pairs(data_dir, "train")
    assert len(dev) + len(train) == 5
    with pytest.raises(NewsprobeError):
        msrp.read_pairs(data_dir, "test")


def test_msrp_figures_on_pairs_written_for_the_test(data_dir):
    result = msrp.evaluate(data_dir, "all")
    assert result["pairs"] == 5 and result["paraphrases"] == 3
    # Both non-paraphrases change a fact in place; the paraphrases reword only.
    assert result["changes"]["other_pairs_with_change"] == 1.0
    assert result["changes"]["paraphrase_pairs_with_change"] == 0.0
    assert 0.0 <= result["alignment"]["precision"] <= 1.0
    assert "pairs with a change reported" in msrp.format_text(result)

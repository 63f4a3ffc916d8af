"""Every README example run on the bundled examples/ is what the command prints today
(regenerate with `python scripts/readme_examples.py`)."""

from __future__ import annotations

import importlib.util
import shlex
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "readme_examples.py"
spec = importlib.util.spec_from_file_location("readme_examples", SCRIPT)
readme_examples = importlib.util.module_from_spec(spec)
spec.loader.exec_module(readme_examples)
EXAMPLES = list(readme_examples.examples(readme_examples.README.read_text(encoding="utf-8")))


def test_the_readme_shows_runs_on_the_example_files():
    assert len(EXAMPLES) >= 5


@pytest.mark.parametrize(
    "argv,documented", [(e[2], e[3]) for e in EXAMPLES], ids=[shlex.join(e[2]) for e in EXAMPLES]
)
def test_readme_example_is_what_the_command_prints(argv, documented):
    assert readme_examples.run(argv) == documented, "run: python scripts/readme_examples.py"

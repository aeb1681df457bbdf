"""Every KR_* setting is written once (kr_pipeline.config.ENV): the code reads no other,
`kr --help` and the README's table list exactly these."""

import re
from pathlib import Path

from click.testing import CliRunner

from kr_pipeline.cli import main
from kr_pipeline.config import ENV, PROJECT_ROOT, env_table

NAME = re.compile(r"\bKR_[A-Z_]*[A-Z]\b")


def _names_in(*paths: Path) -> set[str]:
    found = set()
    for path in paths:
        for f in [path] if path.is_file() else path.rglob("*.py"):
            found |= set(NAME.findall(f.read_text("utf-8")))
    return found


def test_the_code_reads_only_listed_settings():
    used = _names_in(
        PROJECT_ROOT / "src", PROJECT_ROOT / "flows", PROJECT_ROOT / "run.py", PROJECT_ROOT / "tests", PROJECT_ROOT / "bench"
    )
    assert used - set(ENV) == set(), "add these to kr_pipeline.config.ENV"
    assert set(ENV) - used == set(), "settings no code reads: remove them from ENV"


def test_kr_help_and_the_readme_list_every_setting():
    out = CliRunner().invoke(main, ["--help"]).output
    assert [n for n in NAME.findall(out)] == list(ENV)
    readme = (PROJECT_ROOT / "README.md").read_text("utf-8")
    table = readme.split("<!-- settings -->\n", 1)[1].split("\n<!-- /settings -->", 1)[0]
    assert table == env_table(), "README's settings table differs from kr_pipeline.config.ENV: paste env_table()"

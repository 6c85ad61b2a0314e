"""The README credits every source of the catalog as core/credits.py does (name, address
and licence), as the About dialog and every export do: CC BY-SA asks for it wherever the
data goes, and the README is where a person reads it first."""

from pathlib import Path

from router_advisor.core.credits import DATA_CREDITS

README = Path(__file__).resolve().parent.parent / "README.md"


def test_the_readme_credits_every_source_with_its_address_and_licence() -> None:
    section = README.read_text(encoding="utf-8").partition("## Data sources and licences")[2]
    section = section.partition("\n## ")[0]
    assert section, "the README lost its 'Data sources and licences' section"
    lines = section.splitlines()
    for credit in DATA_CREDITS:
        at = next((i for i, line in enumerate(lines) if f"**{credit.name}**" in line), None)
        assert at is not None, f"the README does not credit {credit.name}"
        entry = " ".join(lines[at : at + 2])  # a bullet wraps onto its next line
        assert credit.url in entry and credit.licence in entry, credit
    assert "CC BY-SA 4.0" in section and "GPL-3.0-or-later" in section

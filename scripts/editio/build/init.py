"""`editio init DIR`: a new edition folder for a user's own corpus — sources/, tei/ (with the organisations file
ingest needs), and an edition.toml to fill in."""

from __future__ import annotations

from pathlib import Path

import click

from editio.edition import SETTINGS_FILE

SETTINGS = """# The edition's settings, read by every stage and passed to the XSLT as parameters.
[edition]
title = {title}
subtitle = ""
short_title = ""
editors = []
publisher = ""
licence = "CC BY 4.0"
licence_url = "https://creativecommons.org/licenses/by/4.0/"
# The address the web edition will be published at, ending in "/" (empty: not yet published).
base_url = ""
language = "en"

[prefixes]
per = "persons.xml"
pla = "places.xml"
org = "orgs.xml"
"""

# ingest names the edition project (org:editio) as encoder and publisher of every document; persons and places
# get their files when the first entries are accepted (an empty TEI list is not valid TEI).
ORGS = """<?xml version='1.0' encoding='UTF-8'?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="orgs" xml:lang="en">
  <teiHeader>
    <fileDesc>
      <titleStmt><title type="main">Organisations named in the edition</title></titleStmt>
      <publicationStmt><p>Authority file of the edition.</p></publicationStmt>
      <sourceDesc><p>Entries are added by the editors.</p></sourceDesc>
    </fileDesc>
  </teiHeader>
  <standOff>
    <listOrg>
      <org xml:id="editio" type="project">
        <orgName type="main" xml:lang="en">editio</orgName>
        <desc>The software that made the encoding; responsible for the notes marked org:editio.</desc>
      </org>
    </listOrg>
  </standOff>
</TEI>
"""


@click.command()
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False))
@click.option("--title", default="Untitled edition", show_default=True, help="The edition's title.")
def init(folder: Path, title: str) -> None:
    """Make a new edition folder: sources/, tei/, edition.toml."""
    if (folder / SETTINGS_FILE).exists():
        raise click.UsageError(f"{folder / SETTINGS_FILE} exists already: {folder} is an edition")
    (folder / "sources").mkdir(parents=True, exist_ok=True)
    (folder / "tei").mkdir(exist_ok=True)
    escaped = title.replace("\\", "\\\\").replace('"', '\\"')
    (folder / SETTINGS_FILE).write_text(SETTINGS.format(title=f'"{escaped}"'), encoding="utf-8")
    orgs = folder / "tei" / "orgs.xml"
    if not orgs.exists():
        orgs.write_text(ORGS, encoding="utf-8")
    click.echo(f"edition made in {folder}: put transcriptions in {folder / 'sources'}/ and run "
               f"'editio --edition {folder} build'")

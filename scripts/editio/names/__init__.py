"""The named-entity layer: authority files (tei/persons.xml, places.xml, orgs.xml) and the tagger that links
every mention of a person, place or organisation in the edition's TEI to its authority entry."""

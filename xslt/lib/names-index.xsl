<?xml version="1.0" encoding="UTF-8"?>
<!--
  Where each authority entry occurs: the key the web and print editions build their indexes on.

  key('mentions', 'per:shtykov')  → every persName/placeName/orgName pointing at that entry, in one document;
  editio:occurrences($docs, 'per:shtykov') → the same across the edition, as
    <occurrence doc="doc-…" ref="per:shtykov" part="text|header" surface="T. SHTYKOV"/> elements.
  The TEI in tei/ is the only input: no lists kept in Python.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:editio="https://editio.invalid/ns"
  exclude-result-prefixes="#all">

  <xsl:key name="mentions" match="tei:persName[@ref] | tei:placeName[@ref] | tei:orgName[@ref]"
           use="tokenize(@ref, '\s+')"/>

  <xsl:function name="editio:occurrences" as="element(occurrence)*">
    <xsl:param name="docs" as="document-node()*"/>
    <xsl:param name="ref" as="xs:string"/>
    <xsl:for-each select="$docs">
      <xsl:variable name="id" select="string(tei:TEI/@xml:id)"/>
      <xsl:for-each select="key('mentions', $ref, .)">
        <occurrence doc="{$id}" ref="{$ref}" part="{if (ancestor::tei:teiHeader) then 'header' else 'text'}"
                    surface="{normalize-space(.)}"/>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:function>

  <!-- Which names of a document's header are about the document: the header describes the document — its title
       and author (titleStmt/title, titleStmt/author), its source (sourceDesc: the archive, the published source,
       its publisher and translators, the hands), notes on it (notesStmt) and its profile (profileDesc: creation,
       correspondence, abstract) — and the edition's file: who encoded, edited, published and revised it
       (titleStmt's respStmt, editionStmt, publicationStmt, seriesStmt, encodingDesc, revisionDesc …). A name in
       the second names the file's makers ("editio", the edition's publisher), not an organisation of the
       document; names of the text always count. -->
  <xsl:variable name="editio:document-parts" as="xs:string+"
    select="('title', 'author', 'notesStmt', 'sourceDesc', 'profileDesc')"/>

  <xsl:function name="editio:about-document" as="xs:boolean">
    <xsl:param name="name" as="element()"/>
    <xsl:sequence select="not($name/ancestor::tei:teiHeader) or exists($name/ancestor::*
      [parent::tei:teiHeader or parent::tei:fileDesc or parent::tei:titleStmt][local-name() = $editio:document-parts])"/>
  </xsl:function>

  <!-- Run on its own (parameter $edition = the URI of the edition folder, ending in /): the whole index. -->
  <xsl:param name="edition" as="xs:string" required="yes"/>

  <xsl:template name="xsl:initial-template" match="/">
    <xsl:variable name="docs" select="collection($edition || '?select=*.xml')[tei:TEI/tei:text]"/>
    <xsl:variable name="entries" select="collection($edition || '?select=*.xml')//(tei:person | tei:place | tei:org)"/>
    <index>
      <xsl:for-each select="$entries">
        <xsl:variable name="prefix" select="if (self::tei:person) then 'per' else if (self::tei:place) then 'pla' else 'org'"/>
        <xsl:variable name="ref" select="$prefix || ':' || @xml:id"/>
        <entry ref="{$ref}" docs="{distinct-values(editio:occurrences($docs, $ref)/@doc)}"/>
      </xsl:for-each>
    </index>
  </xsl:template>
</xsl:stylesheet>

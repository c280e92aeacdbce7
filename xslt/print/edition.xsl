<?xml version="1.0" encoding="UTF-8"?>
<!--
  The Typst sources of one volume of the print edition, written beside the output (one run per volume,
  xsl:result-document):
    {$volume-name}.typ  the volume: front matter, its documents in date order, its indexes and list of sources,
                        and the page record the build reads back (<editio-pages>);
    <xml:id>.typ        each of its documents alone, in the same design, numbered as in the volume.
  Parameters: documents (their URIs in the volume's order), edition (the tei/ folder's URI, for the authority
  files and xslt/lib/names-index.xsl), the volume's place in the edition (volume, volumes, first-number,
  volume-name; lookups.xsl) and the edition's settings (edition-title …). Document numbers run on across the
  volumes: the build gives each volume the number of its first document.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:print="https://editio.invalid/ns/print"
  exclude-result-prefixes="#all">

  <xsl:import href="../lib/names-index.xsl"/>
  <xsl:import href="../common/addresses.xsl"/>
  <xsl:import href="../common/correspondence.xsl"/>
  <xsl:include href="typst.xsl"/>
  <xsl:include href="lookups.xsl"/>
  <xsl:include href="text.xsl"/>
  <xsl:include href="notes.xsl"/>
  <xsl:include href="heading.xsl"/>
  <xsl:include href="front.xsl"/>
  <xsl:include href="back.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:template name="xsl:initial-template">
    <xsl:result-document href="{$volume-name}.typ" method="text">
      <xsl:call-template name="print:setup"/>
      <xsl:call-template name="print:front"/>
      <xsl:text>#chapter[Documents][]&#10;&#10;</xsl:text>
      <xsl:for-each select="$print:docs/tei:TEI">
        <xsl:apply-templates select="." mode="print:document">
          <xsl:with-param name="n" select="$first-number + position() - 1"/>
        </xsl:apply-templates>
      </xsl:for-each>
      <xsl:call-template name="print:back"/>
      <xsl:value-of select="'#page-record(volume: (n: ' || $volume || ', first: ' || $first-number
                            || ', last: ' || $print:last-number || ', from: ' || print:str(print:date($print:dates[1]))
                            || ', to: ' || print:str(print:date($print:dates[last()]))
                            || ', published: ' || print:str($print:published) || '))&#10;'"/>
    </xsl:result-document>
    <xsl:for-each select="$print:docs/tei:TEI">
      <xsl:result-document href="{@xml:id}.typ" method="text">
        <xsl:call-template name="print:setup">
          <xsl:with-param name="title" select="'Document ' || $first-number + position() - 1 || ': '
                                               || normalize-space(tei:teiHeader//tei:titleStmt/tei:title[@type = 'main'][1])"/>
        </xsl:call-template>
        <xsl:apply-templates select="." mode="print:document">
          <xsl:with-param name="n" select="$first-number + position() - 1"/>
          <xsl:with-param name="level" select="1"/>
        </xsl:apply-templates>
        <xsl:text>#page-record()&#10;</xsl:text>
      </xsl:result-document>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>

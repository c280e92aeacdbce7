<?xml version="1.0" encoding="UTF-8"?>
<!--
  Notes at the foot of the page, in the two series of documentary editions, both restarting with each document:
    textual notes (letters a, b …): what the source looks like — sic readings, additions in other hands, stamps,
      gaps and their reasons, unpartnered brackets;
    explanatory notes (numbers 1, 2 …): what the editors say — editors' notes, identifications, glosses, the
      edition's date readings.
  Which element belongs to which series: mode print:series, one template per element. The note's words: mode
  print:note-body. The meaning of a gap is the editorialDecl's own wording for its convention.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:editio="https://editio.invalid/ns"
  xmlns:print="https://editio.invalid/ns/print"
  exclude-result-prefixes="#all">

  <xsl:template match="*" mode="print:series" as="xs:string">none</xsl:template>
  <xsl:template match="tei:sic[not(parent::tei:choice)] | tei:choice[tei:sic and tei:corr] | tei:add | tei:stamp
                       | tei:gap | tei:c[@type = 'unmatched-bracket']" mode="print:series" as="xs:string">textual</xsl:template>
  <xsl:template match="tei:note" mode="print:series" as="xs:string">explanatory</xsl:template>

  <xsl:function name="print:series" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:apply-templates select="$e" mode="print:series"/>
  </xsl:function>

  <!-- The note's mark: its number within its series in its document (the document is the TEI file), in the order
       the marks are printed. -->
  <xsl:function name="print:mark" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="series" select="print:series($e)"/>
    <!-- marks are printed after the element's content, so those inside it come first -->
    <xsl:variable name="n" select="count(($e/preceding::*, $e/descendant::*)[print:series(.) = $series]
                                         [root(.) is root($e)]
                                         [not(ancestor::tei:teiHeader)]) + 1"/>
    <xsl:sequence select="if ($series = 'textual') then format-integer($n, 'a') else string($n)"/>
  </xsl:function>

  <!-- Writes the note: at the foot of the page, or beside the example in the conventions table. -->
  <xsl:template name="print:note">
    <xsl:param name="in-cell" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:variable name="body" as="xs:string*">
      <xsl:apply-templates select="." mode="print:note-body"/>
    </xsl:variable>
    <xsl:variable name="mark" select="print:mark(.)"/>
    <xsl:value-of select="if ($in-cell) then '#cell-note(' || print:str($mark) || ', ' || print:content($body) || ')'
                          else (if (print:series(.) = 'textual') then '#tnote(' else '#enote(') || print:str($mark)
                               || ', ' || print:str(print:key(.)) || ', ' || print:content($body) || ')'"/>
  </xsl:template>

  <!-- The block a note stands in, as "doc-…#p4": where the page may be broken to keep mark and note together. -->
  <xsl:function name="print:key" as="xs:string">
    <xsl:param name="e" as="node()"/>
    <xsl:variable name="block" select="$e/ancestor-or-self::*[editio:is-block(.)][1]"/>
    <xsl:sequence select="string(root($e)/tei:TEI/@xml:id) || '#' || (if ($block) then editio:anchor($block) else '')"/>
  </xsl:function>

  <!-- Textual notes. -->
  <xsl:template match="tei:sic" mode="print:note-body">#emph[sic]\.</xsl:template>

  <xsl:template match="tei:choice" mode="print:note-body">
    <xsl:text>#emph[sic]\; the edition reads “</xsl:text>
    <xsl:apply-templates select="tei:corr/node()" mode="print:text"/>
    <xsl:text>”\.</xsl:text>
  </xsl:template>

  <xsl:template match="tei:add" mode="print:note-body">
    <xsl:variable name="hand" select="id(substring-after(@hand, '#'), root(.))"/>
    <xsl:value-of select="print:esc(if ($hand) then normalize-space($hand) || ' in another hand.'
                                    else 'Added in another hand' || (if (@place) then ' (' || @place || ')' else '') || '.')"/>
  </xsl:template>

  <xsl:template match="tei:stamp" mode="print:note-body">Stamp\.</xsl:template>

  <xsl:template match="tei:c" mode="print:note-body">Unpartnered bracket in the source\.</xsl:template>

  <xsl:template match="tei:gap" mode="print:note-body">
    <xsl:variable name="meaning" select="print:convention-meaning(@reason)"/>
    <xsl:value-of select="print:esc(if ($meaning) then upper-case(substring($meaning, 1, 1)) || substring($meaning, 2) || '.'
                                    else 'Gap in the source: ' || translate(@reason, '-', ' ') || '.')"/>
  </xsl:template>

  <!-- Explanatory notes: the note's own words, then who says so (the @resp entry's main name). -->
  <xsl:template match="tei:note" mode="print:note-body">
    <xsl:apply-templates mode="print:text"/>
    <xsl:variable name="by" select="print:entity(@resp, .)"/>
    <xsl:if test="$by">
      <xsl:value-of select="' — ' || print:esc(normalize-space(($by/*[@type = 'main'], $by/*[self::tei:persName
                                                 or self::tei:orgName])[1]))"/>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>

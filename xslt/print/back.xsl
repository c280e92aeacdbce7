<?xml version="1.0" encoding="UTF-8"?>
<!--
  Back matter: the indexes of persons, places and organisations — every entry of the authority files that the
  documents name (editio:occurrences of xslt/lib/names-index.xsl), its page numbers taken by Typst from the marks
  the text leaves at each printed name — and the list of sources.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:editio="https://editio.invalid/ns"
  xmlns:print="https://editio.invalid/ns/print"
  exclude-result-prefixes="#all">

  <xsl:variable name="print:indexes" as="element()*">
    <index prefix="per" match="person" title="Index of persons"/>
    <index prefix="pla" match="place" title="Index of places"/>
    <index prefix="org" match="org" title="Index of organisations"/>
  </xsl:variable>

  <xsl:template name="print:back">
    <xsl:variable name="authority" select="$print:authority"/>
    <xsl:for-each select="$print:indexes">
      <xsl:variable name="index" select="."/>
      <xsl:variable name="entries" as="xs:string*">
        <xsl:for-each select="$authority//*[local-name() = $index/@match][@xml:id]">
          <xsl:sort select="lower-case(print:index-key(.))"/>
          <xsl:variable name="ref" select="$index/@prefix || ':' || @xml:id"/>
          <xsl:if test="exists(editio:occurrences($print:docs, $ref))">
            <xsl:value-of select="'(' || print:str($ref) || ', ' || print:content(print:esc(print:index-label(.))) || ')'"/>
          </xsl:if>
        </xsl:for-each>
      </xsl:variable>
      <xsl:value-of select="'#chapter' || print:content(print:esc(@title))
                            || '[#name-index(' || string-join($entries, ', ') || (if (count($entries) = 1) then ',' else '')
                            || ')]' || $print:par"/>
    </xsl:for-each>
    <xsl:call-template name="print:sources"/>
  </xsl:template>

  <!-- The main form; a person whose short form is the last word of it is inverted: "Stalin, Iosif Vissarionovich". -->
  <xsl:function name="print:index-label" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="main" select="normalize-space(($entry/*[@type = 'main'], $entry/(tei:persName | tei:placeName | tei:orgName))[1])"/>
    <xsl:variable name="short" select="normalize-space($entry/tei:persName[@type = 'short'][1])"/>
    <xsl:variable name="words" select="tokenize($main)"/>
    <xsl:sequence select="if ($entry/self::tei:person and count($words) gt 1 and $short = $words[last()])
                          then $short || ', ' || string-join($words[position() lt last()], ' ') else $main"/>
  </xsl:function>

  <xsl:function name="print:index-key" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="normalize-unicode(print:index-label($entry), 'NFD') => replace('\p{M}', '')"/>
  </xsl:function>

  <!-- The list of sources: for each document, the publication its text comes from, its address and rights. -->
  <xsl:template name="print:sources">
    <xsl:variable name="items" as="xs:string*">
      <xsl:for-each select="$print:docs/tei:TEI">
        <xsl:variable name="file" select="tei:teiHeader/tei:fileDesc"/>
        <xsl:variable name="parts" as="xs:string*">
          <xsl:for-each select="$file/tei:sourceDesc/tei:bibl[not(@type = ('archival', 'original'))]">
            <xsl:variable name="b" as="xs:string*">
              <xsl:apply-templates select="." mode="print:text">
                <xsl:with-param name="marks" select="false()" tunnel="yes"/>
              </xsl:apply-templates>
            </xsl:variable>
            <!-- A citation ends with a full stop before the next part of the entry. -->
            <xsl:value-of select="replace(normalize-space(string-join($b)), '([^.!?])$', '$1.')"/>
          </xsl:for-each>
          <xsl:for-each select="$file/tei:publicationStmt/tei:availability/tei:licence[not(@target)]">
            <xsl:value-of select="'#emph[Rights:] ' || print:esc(normalize-space(.))"/>
          </xsl:for-each>
          <xsl:value-of select="'Transcription: ' || print:esc($file/tei:publicationStmt/tei:idno[@type = 'source-file'])
                                || '. Web edition: ' || print:esc(editio:doc-url(@xml:id)) || '.'"/>
        </xsl:variable>
        <xsl:value-of select="'#source-entry(' || position() || ', ' || print:content(string-join($parts, ' ')) || ')'"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:value-of select="'#chapter[List of sources][' || string-join($items, $print:par) || ']' || $print:par"/>
  </xsl:template>
</xsl:stylesheet>

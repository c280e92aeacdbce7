<?xml version="1.0" encoding="UTF-8"?>
<!--
  The index volume of an edition printed in several volumes (the Typst source edition-index.typ): half-title,
  title page and imprint, contents, how to read a reference, the list of volumes, and the indexes of persons, places
  and organisations of the whole edition, each page given with its volume ("II 34"). The pages are those Typst laid
  the volumes out with: the build gathers them from the volumes' page records into one small file, the $index
  parameter:
    <index>
      <volume n="2" file="edition-002.pdf" first="11" last="20" from="…" to="…" published="2026-12-01"/> …
      <ref id="per:stalin"><at volume="1" pages="12 15"/><at volume="2" pages="4"/></ref> …
    </index>
  so this volume needs no document of the edition, only the authority files (their entries' labels and order, as
  in each volume's own indexes: back.xsl).
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:print="https://editio.invalid/ns/print"
  exclude-result-prefixes="#all">

  <xsl:import href="edition.xsl"/>

  <xsl:param name="index" as="xs:string" required="yes"/>
  <xsl:variable name="print:data" select="doc($index)/index"/>
  <xsl:key name="print:ref" match="ref" use="@id"/>

  <xsl:variable name="print:volume-span" as="xs:string"
    select="'Volumes ' || print:volume(1) || '–' || print:volume(count($print:data/volume))"/>

  <xsl:template name="xsl:initial-template">
    <xsl:call-template name="print:setup">
      <xsl:with-param name="title" select="$edition-title || ', Index volume'"/>
    </xsl:call-template>
    <xsl:value-of select="'#half-title' || print:content(print:esc($edition-title)) || print:content('Index volume')
                          || $print:par"/>
    <xsl:value-of select="print:call('title-page', map {
        'title': print:content(print:esc($edition-title)),
        'subtitle': print:content(print:esc($edition-subtitle)),
        'volume': print:content('Index volume'),
        'holds': print:content(print:esc('Indexes of persons, places and organisations to ' || $print:volume-span)),
        'editors': print:content(print:esc(string-join($print:editors, ', '))),
        'publisher': print:content(print:esc($edition-publisher)),
        'year': print:str(substring($print:published, 1, 4)),
        'licence': print:content(print:esc($edition-licence)),
        'licence-url': print:str($edition-licence-url)}, ())"/>
    <xsl:value-of select="$print:par || '#contents()' || $print:par"/>
    <xsl:call-template name="print:index-introduction"/>
    <xsl:for-each select="$print:indexes">
      <xsl:variable name="index" select="."/>
      <xsl:variable name="entries" as="xs:string*">
        <xsl:for-each select="$print:authority//*[local-name() = $index/@match][@xml:id]">
          <xsl:sort select="lower-case(print:index-key(.))"/>
          <xsl:variable name="ref" select="key('print:ref', $index/@prefix || ':' || @xml:id, $print:data/root())"/>
          <xsl:if test="$ref">
            <xsl:value-of select="'(' || print:content(print:esc(print:index-label(.))) || ', '
                                  || print:content(print:esc(print:references($ref))) || ')'"/>
          </xsl:if>
        </xsl:for-each>
      </xsl:variable>
      <xsl:value-of select="'#chapter' || print:content(print:esc(@title))
                            || '[#volume-index(' || string-join($entries, ', ') || (if (count($entries) = 1) then ',' else '')
                            || ')]' || $print:par"/>
    </xsl:for-each>
    <xsl:text>#page-record()&#10;</xsl:text>
  </xsl:template>

  <!-- The date of the index volume (its year on the title page, its PDF's date): the newest of the volumes'. -->
  <xsl:variable name="print:published" as="xs:string"
    select="string(max($print:data/volume/@published[. castable as xs:date]/xs:date(.)))"/>

  <!-- "I 12, 15; II 4": the volumes in order, each with its pages. -->
  <xsl:function name="print:references" as="xs:string">
    <xsl:param name="ref" as="element(ref)"/>
    <xsl:sequence select="string-join(for $at in $ref/at return print:volume(xs:integer($at/@volume)) || '&#160;'
                                      || string-join(tokenize($at/@pages), ', '), '; ')"/>
  </xsl:function>

  <xsl:template name="print:index-introduction">
    <xsl:variable name="rows" as="xs:string*">
      <xsl:for-each select="$print:data/volume">
        <xsl:value-of select="'(' || print:content(print:volume(xs:integer(@n))) || ', '
                              || print:content(if (@first = @last) then string(@first) else @first || '–' || @last) || ', '
                              || print:content(print:esc(if (@from = @to) then string(@from) else @from || ' to ' || @to))
                              || ', ' || print:content('#raw(' || print:str(@file) || ')') || ')'"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:value-of select="'#chapter[The volumes]['
      || print:esc('The edition is printed in ' || count($print:data/volume) || ' volumes, its documents in the '
         || 'order of their dates and numbered throughout the edition; each volume has its own contents, pages and '
         || 'indexes. The indexes of this volume gather those of every volume: each entry gives the pages where '
         || 'the name is printed in a document, with the volume before them, so that II 34 is page 34 of volume II. '
         || 'The volumes and the documents they hold:') || $print:par
      || '#volume-list(' || string-join($rows, ', ') || ')]' || $print:par"/>
  </xsl:template>
</xsl:stylesheet>

<?xml version="1.0" encoding="UTF-8"?>
<!--
  Plain text of one document (UTF-8) for text mining: a header block of metadata ("Field: value" lines), a rule,
  then the reading text, one block (p, ab, head, item, opener, closer …; xslt/common/addresses.xsl) a paragraph,
  and the notes as numbered endnotes.

  The reading view, in every choice the edited reading: corr (not sic), expan (not abbr), reg (not orig); supplied
  words as plain text, without brackets (the TEI keeps what was supplied; a reader of this file gets running
  text); deleted text left out; a gap as its description in square brackets ("[signature]", "[...]"); every note,
  the editors' and the edition's, as a numbered marker "[n]" in the text and its text under "Notes".
  A text in the original language (div type="original") follows under its own heading.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:editio="https://editio.invalid/ns"
  exclude-result-prefixes="#all">

  <xsl:import href="lib.xsl"/>
  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:variable name="nl" select="'&#10;'"/>

  <xsl:template match="/tei:TEI">
    <xsl:variable name="header" select="tei:teiHeader"/>
    <xsl:variable name="actions" select="editio:actions(., ('sent', 'received', 'transmitted'))"/>
    <xsl:variable name="date" select="editio:doc-date(.)"/>
    <xsl:variable name="fields" as="xs:string*">
      <xsl:sequence select="editio:field('Title', editio:title(.))"/>
      <!-- date, sender and recipient are always said: "undated", "not named" rather than a missing line -->
      <xsl:sequence select="editio:field('Date', (if ($date/@when) then editio:day($date/@when)
                            else string-join(($date/(@notBefore, @from)[1], $date/(@notAfter, @to)[1]) ! editio:day(.), '/'),
                            'undated')[normalize-space()][1])"/>
      <xsl:sequence select="editio:field('From', (editio:parties($actions[@type = 'sent']), 'not named')[normalize-space()][1])"/>
      <xsl:sequence select="editio:field('To', (editio:parties($actions[@type = 'received']), 'not named')[normalize-space()][1])"/>
      <xsl:sequence select="editio:field('Via', editio:parties($actions[@type = 'transmitted']))"/>
      <xsl:sequence select="editio:field('Source', string-join($header/tei:fileDesc/tei:sourceDesc/tei:bibl
                              ! editio:bibl-line(.), '; '))"/>
      <xsl:sequence select="editio:field('Archive', string-join($header/tei:fileDesc/tei:sourceDesc/tei:msDesc/tei:msIdentifier
                              ! string-join((normalize-space((tei:repository, tei:institution)[1]),
                                             tei:idno/(@type || ' ' || normalize-space(.))), ', '), '; '))"/>
      <xsl:sequence select="editio:field('Translator', string-join($header/tei:fileDesc/tei:titleStmt/tei:respStmt
                              [contains(lower-case(tei:resp), 'transl')]/(tei:persName | tei:orgName) ! editio:name(.), '; '))"/>
      <xsl:sequence select="editio:field('Summary', normalize-space(string-join($header/tei:profileDesc/tei:abstract, ' ')))"/>
      <xsl:sequence select="editio:field('Identifier', @xml:id)"/>
      <xsl:sequence select="editio:field('Web', if ($edition-base-url) then editio:doc-url(@xml:id) else '')"/>
      <xsl:sequence select="editio:field('Edition', $edition-title)"/>
      <xsl:sequence select="editio:field('Licence', string-join($header/tei:fileDesc/tei:publicationStmt/tei:availability
                              /tei:licence ! string-join((normalize-space(.), @target), ' '), '; '))"/>
    </xsl:variable>
    <xsl:value-of select="string-join($fields, $nl) || $nl || $nl || '-----' || $nl || $nl"/>
    <xsl:apply-templates select="tei:text/tei:body/*" mode="blocks"/>
    <xsl:for-each select="tei:text/tei:back/*">
      <xsl:apply-templates select="." mode="blocks"/>
    </xsl:for-each>
    <xsl:variable name="notes" select="tei:text//tei:note"/>
    <xsl:if test="$notes">
      <xsl:value-of select="'-----' || $nl || $nl || 'Notes' || $nl || $nl"/>
      <xsl:for-each select="$notes">
        <xsl:value-of select="'[' || editio:note-number(.) || '] ' || editio:inline(node()) || $nl"/>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

  <xsl:function name="editio:field" as="xs:string*">
    <xsl:param name="label" as="xs:string"/>
    <xsl:param name="value" as="xs:string?"/>
    <xsl:sequence select="if (normalize-space($value)) then $label || ': ' || normalize-space($value) else ()"/>
  </xsl:function>

  <xsl:function name="editio:parties" as="xs:string">
    <xsl:param name="actions" as="element(tei:correspAction)*"/>
    <xsl:sequence select="string-join(($actions/(tei:persName | tei:orgName) ! editio:name(.),
                                       $actions/tei:placeName ! ('(' || editio:name(.) || ')')), '; ')"/>
  </xsl:function>

  <xsl:function name="editio:note-number" as="xs:integer">
    <xsl:param name="note" as="element(tei:note)"/>
    <xsl:number select="$note" level="any" from="tei:text" count="tei:note"/>
  </xsl:function>

  <!-- Blocks: a block is a paragraph of its own; a container (div, list, floatingText …) holds blocks. -->
  <xsl:template match="*" mode="blocks">
    <xsl:choose>
      <xsl:when test="editio:is-block(.)">
        <xsl:variable name="text" select="editio:inline(node())"/>
        <xsl:if test="$text">
          <xsl:value-of select="(if (self::tei:item) then '- ' else '') || $text || $nl || $nl"/>
        </xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="*" mode="blocks"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- an opener or closer: its salute, dateline, signature … each a line of their own -->
  <xsl:template match="tei:opener | tei:closer | tei:postscript[not(tei:p)]" mode="blocks" priority="2">
    <xsl:variable name="lines" as="xs:string*">
      <xsl:for-each-group select="node()" group-adjacent="exists(self::tei:salute | self::tei:dateline
                                                         | self::tei:signed | self::tei:byline | self::tei:address)">
        <xsl:sequence select="if (current-grouping-key()) then current-group() ! editio:inline(.)
                              else editio:inline(current-group())"/>
      </xsl:for-each-group>
    </xsl:variable>
    <xsl:if test="exists($lines[.])">
      <xsl:value-of select="string-join($lines[.], $nl) || $nl || $nl"/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:div[@type = 'original']" mode="blocks" priority="2">
    <xsl:value-of select="'Original text (' || (@xml:lang, 'original language')[1] || ')' || $nl || $nl"/>
    <xsl:apply-templates select="*" mode="blocks"/>
  </xsl:template>

  <!-- Inside a block: the reading text, whitespace normalised. -->
  <xsl:function name="editio:inline" as="xs:string">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:variable name="parts" as="xs:string*">
      <xsl:apply-templates select="$nodes" mode="inline"/>
    </xsl:variable>
    <xsl:sequence select="normalize-space(string-join($parts))"/>
  </xsl:function>

  <xsl:template match="text()" mode="inline">
    <xsl:value-of select="."/>
  </xsl:template>

  <xsl:template match="*" mode="inline">
    <xsl:apply-templates select="node()" mode="inline"/>
  </xsl:template>

  <!-- the edited reading of a choice -->
  <xsl:template match="tei:choice" mode="inline">
    <xsl:apply-templates select="(tei:corr, tei:expan, tei:reg, *)[1]" mode="inline"/>
  </xsl:template>

  <xsl:template match="tei:del" mode="inline"/>

  <xsl:template match="tei:lb" mode="inline">
    <xsl:text> </xsl:text>
  </xsl:template>

  <xsl:template match="tei:gap" mode="inline">
    <xsl:value-of select="'[' || (normalize-space(tei:desc)[.], @reason, '...')[1] || ']'"/>
  </xsl:template>

  <xsl:template match="tei:note" mode="inline">
    <xsl:value-of select="' [' || editio:note-number(.) || ']'"/>
  </xsl:template>

  <!-- blocks nested in a block (a list in a paragraph) run on within it -->
  <xsl:template match="tei:item | tei:p | tei:ab | tei:head" mode="inline">
    <xsl:text> </xsl:text>
    <xsl:apply-templates select="node()" mode="inline"/>
    <xsl:text> </xsl:text>
  </xsl:template>
</xsl:stylesheet>

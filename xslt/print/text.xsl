<?xml version="1.0" encoding="UTF-8"?>
<!--
  The text of a document as Typst markup (mode print:text), one template per TEI element.
  Blocks open with their passage anchor (editio:anchor, the web edition's paragraph ids) as a layout mark, so the
  build can say on which page each passage stands. Names carry a mark for the indexes. The editorial brackets are
  printed as the conventions table of the volume shows them (that table is made by these same templates).
  An element without a template here stops the build, naming it and where it is: nothing is dropped in silence.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:editio="https://editio.invalid/ns"
  xmlns:print="https://editio.invalid/ns/print"
  exclude-result-prefixes="#all">

  <!-- Text. -->
  <xsl:template match="text()" mode="print:text">
    <xsl:value-of select="print:esc(.)"/>
  </xsl:template>

  <!-- Structure: pass through. -->
  <xsl:template match="tei:text | tei:body | tei:div[@type = ('document', 'message')] | tei:floatingText/tei:body"
                mode="print:text">
    <xsl:apply-templates select="*" mode="print:text"/>
  </xsl:template>

  <xsl:template match="tei:div[@type = ('transmission', 'distribution')]" mode="print:text">
    <xsl:value-of select="'#section(' || print:str(@type) || ')'"/>
    <xsl:value-of select="print:content(for $b in * return print:block($b))"/>
    <xsl:value-of select="$print:par"/>
  </xsl:template>

  <xsl:template match="tei:div[@type = 'attachment']" mode="print:text">
    <xsl:value-of select="'#attachment' || print:content(for $b in * return print:block($b)) || $print:par"/>
  </xsl:template>

  <xsl:template match="tei:div[@type = 'original']" mode="print:text">
    <xsl:value-of select="'#original' || print:content(('#set text(' || print:lang-args(.) || ')&#10;',
                                                        for $b in * return print:block($b))) || $print:par"/>
  </xsl:template>

  <xsl:template match="tei:floatingText" mode="print:text">
    <xsl:value-of select="'#quoted' || print:content(for $b in tei:body/* return print:block($b)) || $print:par"/>
  </xsl:template>

  <xsl:function name="print:block" as="xs:string">
    <xsl:param name="block" as="element()"/>
    <xsl:variable name="out" as="xs:string*">
      <xsl:apply-templates select="$block" mode="print:text"/>
    </xsl:variable>
    <xsl:sequence select="string-join($out)"/>
  </xsl:function>

  <!-- The passage anchor of a block (p1, p2 … as on the web page). -->
  <xsl:template name="print:anchor">
    <xsl:if test="editio:is-block(.)">
      <xsl:value-of select="'#anchor(' || print:str(root(.)/tei:TEI/@xml:id) || ', ' || print:str(editio:anchor(.)) || ')'"/>
    </xsl:if>
  </xsl:template>

  <!-- Where the page may be broken before a block: the build asks for it when Typst set a note on the page before
       its mark (an orphan or widow moved the line, typst/typst#5314), and typesets again. -->
  <xsl:template name="print:break">
    <xsl:if test="editio:is-block(.)">
      <xsl:value-of select="'#break-point(' || print:str(print:key(.)) || ')&#10;'"/>
    </xsl:if>
  </xsl:template>

  <!-- Blocks. -->
  <xsl:template match="tei:p" mode="print:text">
    <xsl:call-template name="print:break"/>
    <xsl:call-template name="print:anchor"/>
    <xsl:apply-templates mode="print:text"/>
    <xsl:value-of select="$print:par"/>
  </xsl:template>

  <xsl:template match="tei:ab" mode="print:text">
    <xsl:call-template name="print:break"/>
    <xsl:variable name="inner" as="xs:string*">
      <xsl:call-template name="print:anchor"/>
      <xsl:apply-templates mode="print:text"/>
    </xsl:variable>
    <xsl:value-of select="'#block-line' || print:content($inner) || $print:par"/>
  </xsl:template>

  <xsl:template match="tei:ab[@type = 'rule']" mode="print:text">
    <xsl:call-template name="print:break"/>
    <xsl:call-template name="print:anchor"/>
    <xsl:value-of select="'#rule-line()' || $print:par"/>
  </xsl:template>

  <xsl:template match="tei:opener | tei:closer | tei:postscript" mode="print:text">
    <xsl:call-template name="print:break"/>
    <xsl:variable name="inner" as="xs:string*">
      <xsl:call-template name="print:anchor"/>
      <xsl:for-each select="node()[not(self::text()[not(normalize-space())])]">
        <xsl:if test="position() gt 1 and self::element()">#linebreak()</xsl:if>
        <xsl:apply-templates select="." mode="print:text"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:value-of select="(if (self::tei:closer) then '#closer-block' else '#opener-block')
                          || print:content($inner) || $print:par"/>
  </xsl:template>

  <xsl:template match="tei:salute | tei:dateline | tei:signed | tei:date | tei:time | tei:abbr | tei:expan | tei:desc
                       | tei:seg | tei:address" mode="print:text">
    <xsl:apply-templates mode="print:text"/>
  </xsl:template>

  <xsl:template match="tei:list" mode="print:text">
    <xsl:apply-templates select="*" mode="print:text"/>
  </xsl:template>

  <xsl:template match="tei:list/tei:head | tei:div/tei:head" mode="print:text">
    <xsl:call-template name="print:break"/>
    <xsl:variable name="inner" as="xs:string*">
      <xsl:call-template name="print:anchor"/>
      <xsl:apply-templates mode="print:text"/>
    </xsl:variable>
    <xsl:value-of select="'#list-head' || print:content($inner) || $print:par"/>
  </xsl:template>

  <xsl:template match="tei:item" mode="print:text">
    <xsl:call-template name="print:break"/>
    <xsl:variable name="inner" as="xs:string*">
      <xsl:call-template name="print:anchor"/>
      <xsl:apply-templates mode="print:text"/>
    </xsl:variable>
    <xsl:value-of select="'#list-item' || print:content($inner) || $print:par"/>
  </xsl:template>

  <xsl:template match="tei:lb" mode="print:text">#linebreak()</xsl:template>

  <!-- Names: a mark for the indexes, the name as printed (an office, roleName, has no @ref: as printed). -->
  <xsl:template match="tei:persName | tei:placeName | tei:orgName | tei:roleName" mode="print:text">
    <xsl:param name="marks" as="xs:boolean" select="true()" tunnel="yes"/>
    <xsl:variable name="inner" as="xs:string*">
      <xsl:apply-templates mode="print:text"/>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="@ref and $marks">
        <xsl:value-of select="'#mention(' || print:str(tokenize(@ref)[1]) || ', ' || print:content($inner) || ')'"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$inner" separator=""/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:addrLine" mode="print:text">
    <xsl:if test="preceding-sibling::tei:addrLine">#linebreak()</xsl:if>
    <xsl:apply-templates mode="print:text"/>
  </xsl:template>

  <!-- The source editors' gloss after a word, in their brackets. -->
  <xsl:template match="tei:gloss" mode="print:text">
    <xsl:text>\[</xsl:text>
    <xsl:apply-templates mode="print:text"/>
    <xsl:text>\]</xsl:text>
  </xsl:template>

  <!-- The editorial brackets (see the conventions table). -->
  <xsl:template match="tei:supplied | tei:ex | tei:reg" mode="print:text">
    <xsl:text>\[</xsl:text>
    <xsl:apply-templates mode="print:text"/>
    <xsl:text>\]</xsl:text>
  </xsl:template>

  <xsl:template match="tei:choice[tei:abbr and tei:expan]" mode="print:text">
    <xsl:apply-templates select="tei:abbr" mode="print:text"/>
    <xsl:text> \[</xsl:text>
    <xsl:apply-templates select="tei:expan" mode="print:text"/>
    <xsl:text>\]</xsl:text>
  </xsl:template>

  <xsl:template match="tei:foreign" mode="print:text">
    <xsl:value-of select="'#text(' || print:lang-args(.) || ')[#emph' || print:content(print:inline(.)) || ']'"/>
  </xsl:template>

  <xsl:template match="tei:gap" mode="print:text">
    <xsl:value-of select="'\[' || print:esc(if (tei:desc = '...' or @reason = 'omitted') then '…' else
                                             if (tei:desc) then string(tei:desc) else translate(@reason, '-', ' '))
                          || '\]'"/>
    <xsl:call-template name="print:note"/>
  </xsl:template>

  <!-- Readings that get a textual note: the text as the source has it, the note says what it is. -->
  <xsl:template match="tei:sic | tei:add | tei:stamp | tei:c" mode="print:text">
    <xsl:apply-templates mode="print:text"/>
    <xsl:call-template name="print:note"/>
  </xsl:template>

  <xsl:template match="tei:choice[tei:sic and tei:corr]" mode="print:text">
    <xsl:apply-templates select="tei:sic/node()" mode="print:text"/>
    <xsl:call-template name="print:note"/>
  </xsl:template>

  <!-- Notes of the source's editors and of this edition: explanatory notes at the foot of the page. -->
  <xsl:template match="tei:note" mode="print:text">
    <xsl:call-template name="print:note"/>
  </xsl:template>

  <!-- Words of the encoding description (introduction, conventions). -->
  <xsl:template match="tei:gi" mode="print:text">
    <xsl:value-of select="'#raw(' || print:str('&lt;' || . || '&gt;') || ')'"/>
  </xsl:template>
  <xsl:template match="tei:code" mode="print:text">
    <xsl:value-of select="'#raw(' || print:str(.) || ')'"/>
  </xsl:template>
  <xsl:template match="tei:title" mode="print:text">
    <xsl:value-of select="if (@level = ('a', 'm', 'j')) then '#emph' || print:content(print:inline(.))
                          else string-join(print:inline(.))"/>
  </xsl:template>
  <xsl:template match="tei:ptr" mode="print:text">
    <xsl:value-of select="' #link(' || print:str(@target) || ')'"/>
  </xsl:template>
  <!-- A citation that already gives the address in its words does not print it twice. -->
  <xsl:template match="tei:bibl/tei:ptr[contains(string-join(../text()), @target)]" mode="print:text"/>
  <!-- Parts of a citation the source gives one after another with nothing between them (an author, then the
       document's number in the publication) are separated as in a citation, by a comma. -->
  <xsl:template match="tei:bibl[text()[normalize-space()]]/*[preceding-sibling::node()[1][self::*]]
                       [not(self::tei:ptr | self::tei:textLang | self::tei:note)]" mode="print:text" priority="1">
    <xsl:text>, </xsl:text>
    <xsl:next-match/>
  </xsl:template>
  <xsl:template match="tei:author | tei:publisher | tei:biblScope | tei:bibl | tei:institution | tei:repository"
                mode="print:text">
    <xsl:apply-templates mode="print:text"/>
  </xsl:template>
  <!-- A bibl made of parts only (title, author, date …): the parts separated as in a citation. -->
  <!-- The source's statement of its language belongs to the metadata (the heading gives the languages), not to
       the citation in the list of sources. -->
  <xsl:template match="tei:textLang" mode="print:text"/>

  <xsl:template match="tei:bibl[not(text()[normalize-space()])]" mode="print:text">
    <xsl:value-of select="string-join(for $part in * return string-join(print:inline-of($part)), '. ') || '.'"/>
  </xsl:template>
  <xsl:function name="print:inline-of" as="xs:string*">
    <xsl:param name="element" as="element()"/>
    <xsl:apply-templates select="$element" mode="print:text"/>
  </xsl:function>

  <xsl:function name="print:inline" as="xs:string*">
    <xsl:param name="element" as="element()"/>
    <xsl:apply-templates select="$element/node()" mode="print:text"/>
  </xsl:function>

  <!-- Anything else: stop, naming the element and where it is (the build turns the path into file:line). -->
  <xsl:template match="*" mode="print:text" priority="-10">
    <xsl:sequence select="error(QName('https://editio.invalid/ns/print', 'print:unhandled'),
                                'editio-print-unhandled|' || base-uri(.) || '|' || path(.) || '|' || name(.))"/>
  </xsl:template>
</xsl:stylesheet>

<?xml version="1.0" encoding="UTF-8"?>
<!--
  Stage 1 of the web edition, one TEI document in, its summary out: what the home page, the indexes, the map,
  the correspondence view and the archive list need to know of it (date, parties, places, archive, the names it
  mentions and how often). The site pages are made from these summaries and the authority files only, so a
  runner can redo one document's summary and page when only that document changed.

  Named template "collect" (parameter $summaries = URI of their folder): every summary in date order, as one
  site.xml.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:editio="https://editio.invalid/ns"
  exclude-result-prefixes="#all">

  <xsl:import href="common.xsl"/>
  <xsl:import href="../lib/names-index.xsl"/>
  <xsl:import href="cards.xsl"/>

  <!-- not indented: the indentation would be text nodes in every tree made from the summaries (the collecting,
       site.xml), a third of their memory at 2,000 documents -->
  <xsl:output method="xml" indent="no" encoding="UTF-8"/>

  <xsl:param name="edition" as="xs:string" select="''"/>

  <!-- Named template "cards": every authority entry's card (cards.xsl), as cards.xml, not indented (a page copies
       the cards as they are). -->
  <xsl:output name="editio:cards" method="xml" indent="no" encoding="UTF-8"/>
  <xsl:template name="cards">
    <xsl:result-document format="editio:cards"><xsl:call-template name="editio:cards"/></xsl:result-document>
  </xsl:template>
  <xsl:param name="summaries" as="xs:string" select="''"/>

  <!-- what the list of documents can be filtered by (a div type or an element; labels.xml: feature.<test>) -->
  <xsl:variable name="editio:features" select="('transmission', 'distribution', 'attachment', 'original', 'floatingText')"/>

  <!-- (names-index.xsl has a template for the document node of its own: this one is the summary's) -->
  <xsl:template match="/">
    <xsl:apply-templates select="tei:TEI"/>
  </xsl:template>

  <xsl:template match="/tei:TEI">
    <xsl:variable name="date" select="(tei:teiHeader/tei:profileDesc/tei:creation/tei:date,
                                       editio:actions(., 'sent')/tei:date)[1]"/>
    <xsl:variable name="key" select="editio:date-key($date)"/>
    <doc id="{@xml:id}" file="{editio:doc-file(@xml:id)}" when="{$key}" year="{substring($key, 1, 4)}"
         source="{tokenize(base-uri(), '/')[last()]}" lang="{editio:lang-of(.)}">
      <title lang="{editio:lang-of((tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title[@type = 'main'], tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title)[1])}"><xsl:value-of select="normalize-space(string-join(
        (tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title[@type = 'main'], tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title)[1]
        /descendant::text()[not(ancestor::tei:note)], ''))"/></title>
      <date><xsl:value-of select="if ($date) then editio:date-reading($date) else ''"/></date>
      <xsl:for-each select="editio:actions(., ('sent', 'received', 'transmitted'))">
        <xsl:variable name="role" select="string(@type)"/>
        <xsl:for-each select="tei:persName | tei:orgName">
          <party role="{$role}" kind="{local-name()}" lang="{editio:lang-of(.)}">
            <xsl:call-template name="editio:ref-attributes"/>
            <xsl:value-of select="normalize-space(.)"/>
          </party>
        </xsl:for-each>
        <!-- the office the action names, as the panel gives it after the names ("Roshchin, SOVIET AMBASSADOR") -->
        <xsl:for-each select="tei:roleName">
          <office role="{$role}" lang="{editio:lang-of(.)}"><xsl:value-of select="normalize-space(.)"/></office>
        </xsl:for-each>
        <xsl:for-each select="tei:placeName">
          <place role="{$role}">
            <xsl:call-template name="editio:ref-attributes"/>
            <xsl:value-of select="normalize-space(.)"/>
          </place>
        </xsl:for-each>
      </xsl:for-each>
      <summary lang="{editio:lang-of((tei:teiHeader/tei:profileDesc/tei:abstract, .)[1])}">
        <xsl:value-of select="normalize-space(string-join(tei:teiHeader/tei:profileDesc/tei:abstract//text(), ''))"/>
      </summary>
      <xsl:variable name="text" select="tei:text"/>
      <xsl:for-each select="$editio:features">
        <xsl:if test="$text//tei:div[@type = current()] or $text//*[local-name() = current()]">
          <feature key="{.}"><xsl:value-of select="editio:label-text('feature.' || .)"/></feature>
        </xsl:if>
      </xsl:for-each>
      <xsl:for-each select="tei:teiHeader//tei:msIdentifier">
        <archive institution="{normalize-space(tei:institution)}" repository="{normalize-space(tei:repository)}">
          <xsl:for-each select="tei:idno">
            <idno type="{@type}"><xsl:value-of select="normalize-space(.)"/></idno>
          </xsl:for-each>
          <citation><xsl:value-of select="normalize-space(string-join(../tei:p//text(), ''))"/></citation>
        </archive>
      </xsl:for-each>
      <xsl:variable name="doc" select="/"/>
      <!-- the names the document mentions: in its text, or in what its header says of the document itself (not
           of its publication: editio:about-document, ../lib/names-index.xsl) -->
      <xsl:for-each select="distinct-values(//(tei:persName | tei:placeName | tei:orgName)[@ref][editio:about-document(.)]
                                              /tokenize(@ref, '\s+'))">
        <xsl:variable name="occ" select="key('mentions', ., $doc)[editio:about-document(.)]"/>
        <mention ref="{.}" target="{editio:ref-target(., $doc/*)}" kind="{local-name($occ[1])}"
                 text="{count($occ[not(ancestor::tei:teiHeader)])}" header="{count($occ[ancestor::tei:teiHeader])}"/>
      </xsl:for-each>
    </doc>
  </xsl:template>

  <!-- The language of a node's words: its own or its nearest ancestor's xml:lang ('' when none says). -->
  <xsl:function name="editio:lang-of" as="xs:string">
    <xsl:param name="node" as="node()?"/>
    <xsl:sequence select="string($node/(ancestor-or-self::*/@xml:lang)[last()])"/>
  </xsl:function>

  <xsl:template name="editio:ref-attributes">
    <xsl:if test="@ref">
      <xsl:attribute name="ref" select="tokenize(@ref, '\s+')[1]"/>
      <xsl:attribute name="target" select="editio:ref-target(tokenize(@ref, '\s+')[1], .)"/>
    </xsl:if>
  </xsl:template>

  <!-- The correspondence of a document: the unordered pair of its first sender and first recipient. -->
  <xsl:function name="editio:pair" as="xs:string">
    <xsl:param name="doc" as="element(doc)"/>
    <xsl:sequence select="string-join(sort(distinct-values(
      ($doc/party[@role = 'sent'][@ref][1]/@ref, $doc/party[@role = 'received'][@ref][1]/@ref))), ' ')"/>
  </xsl:function>

  <xsl:key name="editio:corresp" match="corresp" use="@id"/>

  <!-- Every summary in date order as site.xml (for the site pages), and for each document a small
       context/<id>.xml beside it: its own summary and its neighbours in date order and in its correspondence,
       all that its page needs, so that a page reads nothing that grows with the edition. -->
  <xsl:template name="collect">
    <xsl:variable name="docs" as="element(doc)*">
      <xsl:perform-sort select="collection($summaries || '?select=*.xml')/doc">
        <xsl:sort select="@when"/>
        <xsl:sort select="@id"/>
      </xsl:perform-sort>
    </xsl:variable>
    <xsl:variable name="corresp">
      <xsl:for-each-group select="$docs" group-by="editio:pair(.)[.]">
        <xsl:for-each select="current-group()">
          <xsl:variable name="i" select="position()"/>
          <corresp id="{@id}" prev="{current-group()[$i - 1]/@id}" next="{current-group()[$i + 1]/@id}"/>
        </xsl:for-each>
      </xsl:for-each-group>
    </xsl:variable>
    <xsl:variable name="by-id" select="map:merge(for $d in $docs return map{string($d/@id): $d})"
                  xmlns:map="http://www.w3.org/2005/xpath-functions/map"/>
    <xsl:for-each select="$docs">
      <xsl:variable name="i" select="position()"/>
      <xsl:variable name="c" select="key('editio:corresp', @id, $corresp)"/>
      <xsl:result-document href="context/{@id}.xml">
        <context>
          <xsl:copy-of select="."/>
          <xsl:call-template name="editio:neighbour">
            <xsl:with-param name="rel" select="'prev'"/>
            <xsl:with-param name="doc" select="$docs[$i - 1]"/>
          </xsl:call-template>
          <xsl:call-template name="editio:neighbour">
            <xsl:with-param name="rel" select="'next'"/>
            <xsl:with-param name="doc" select="$docs[$i + 1]"/>
          </xsl:call-template>
          <xsl:call-template name="editio:neighbour">
            <xsl:with-param name="rel" select="'prev-corresp'"/>
            <xsl:with-param name="doc" select="$c/@prev[.]/$by-id(string(.))"/>
          </xsl:call-template>
          <xsl:call-template name="editio:neighbour">
            <xsl:with-param name="rel" select="'next-corresp'"/>
            <xsl:with-param name="doc" select="$c/@next[.]/$by-id(string(.))"/>
          </xsl:call-template>
        </context>
      </xsl:result-document>
    </xsl:for-each>
    <site>
      <xsl:copy-of select="$docs"/>
    </site>
  </xsl:template>

  <xsl:template name="editio:neighbour">
    <xsl:param name="rel" as="xs:string"/>
    <xsl:param name="doc" as="element(doc)?"/>
    <xsl:if test="$doc">
      <nav rel="{$rel}" id="{$doc/@id}" file="{$doc/@file}">
        <xsl:copy-of select="$doc/date, $doc/title"/>
      </nav>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>

<?xml version="1.0" encoding="UTF-8"?>
<!--
  The facts of each document as one record (XML), for the exports that are data rather than text: JSON Lines
  and the correspondence network are written from these records by Python, never from the TEI directly, so
  every data export says what this stylesheet reads. Initial template: all documents of $documents;
  applied to one document, its record alone (the part build/export.py keeps).

  <records>
    <record id="doc-…" file="….xml">
      <title/> <date when|notBefore|notAfter|from|to (days)/>
      <sender|recipient|intermediary kind="person|org" ref="per:…" uri="http://…">index name</…>
      <place role="sent|received" ref uri>…</place>
      <person|organisation|place-mentioned ref uri>…</…>   (every entity the document names, once)
      <archival-id>APRF, fond 45, opis 1, delo 347, listy 46-49</archival-id>
      <summary/> <source-url/> <web-url/>
    </record>
  </records>
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:editio="https://editio.invalid/ns"
  exclude-result-prefixes="#all">

  <xsl:import href="lib.xsl"/>
  <xsl:output method="xml" indent="yes" encoding="UTF-8"/>

  <xsl:template name="xsl:initial-template">
    <records>
      <xsl:apply-templates select="$docs/tei:TEI" mode="record"/>
    </records>
  </xsl:template>

  <!-- One document's record alone: the part build/export.py keeps per document (records.py joins them). -->
  <xsl:template match="/">
    <xsl:apply-templates select="tei:TEI" mode="record"/>
  </xsl:template>

  <xsl:template match="tei:TEI" mode="record">
    <xsl:variable name="header" select="tei:teiHeader"/>
    <record id="{@xml:id}" file="{tokenize(base-uri(.), '/')[last()]}">
      <title><xsl:value-of select="editio:title(.)"/></title>
      <xsl:apply-templates select="editio:doc-date(.)" mode="record"/>
      <xsl:variable name="actions" select="editio:actions(., ('sent', 'received', 'transmitted'))"/>
      <xsl:apply-templates select="$actions[@type = 'sent']/(tei:persName | tei:orgName)" mode="party">
        <xsl:with-param name="as" select="'sender'"/>
      </xsl:apply-templates>
      <xsl:apply-templates select="$actions[@type = 'received']/(tei:persName | tei:orgName)" mode="party">
        <xsl:with-param name="as" select="'recipient'"/>
      </xsl:apply-templates>
      <xsl:apply-templates select="$actions[@type = 'transmitted']/(tei:persName | tei:orgName)" mode="party">
        <xsl:with-param name="as" select="'intermediary'"/>
      </xsl:apply-templates>
      <xsl:apply-templates select="$actions/tei:placeName" mode="party">
        <xsl:with-param name="as" select="'place'"/>
      </xsl:apply-templates>
      <!-- named in the document: its title, its correspondence description and its text (not the edition's
           own statements of responsibility) -->
      <xsl:variable name="named" select="$header/tei:fileDesc/tei:titleStmt/tei:title | $actions | tei:text"/>
      <xsl:call-template name="mentions">
        <xsl:with-param name="names" select="$named//tei:persName[@ref]"/>
        <xsl:with-param name="as" select="'person'"/>
      </xsl:call-template>
      <xsl:call-template name="mentions">
        <xsl:with-param name="names" select="$named//tei:orgName[@ref]"/>
        <xsl:with-param name="as" select="'organisation'"/>
      </xsl:call-template>
      <xsl:call-template name="mentions">
        <xsl:with-param name="names" select="$named//tei:placeName[@ref]"/>
        <xsl:with-param name="as" select="'place-mentioned'"/>
      </xsl:call-template>
      <xsl:apply-templates select="$header/tei:fileDesc/tei:sourceDesc/tei:msDesc/tei:msIdentifier" mode="record"/>
      <xsl:for-each select="$header/tei:profileDesc/tei:abstract[normalize-space()]">
        <summary><xsl:value-of select="normalize-space(.)"/></summary>
      </xsl:for-each>
      <xsl:for-each select="($header/tei:fileDesc/tei:sourceDesc/tei:bibl//tei:ptr/@target)[1]">
        <source-url><xsl:value-of select="."/></source-url>
      </xsl:for-each>
      <web-url><xsl:value-of select="editio:doc-url(@xml:id)"/></web-url>
    </record>
  </xsl:template>

  <xsl:template match="tei:date" mode="record">
    <date>
      <xsl:for-each select="@when | @notBefore | @notAfter | @from | @to">
        <xsl:attribute name="{local-name()}" select="editio:day(.)"/>
      </xsl:for-each>
    </date>
  </xsl:template>

  <xsl:template match="tei:persName | tei:orgName | tei:placeName" mode="party">
    <xsl:param name="as" as="xs:string"/>
    <xsl:element name="{$as}">
      <xsl:if test="$as = 'place'">
        <xsl:attribute name="role" select="../@type"/>
      </xsl:if>
      <xsl:call-template name="entity-attributes"/>
      <xsl:value-of select="editio:name(.)"/>
    </xsl:element>
  </xsl:template>

  <xsl:template name="entity-attributes">
    <xsl:attribute name="kind" select="if (self::tei:orgName) then 'org' else if (self::tei:placeName) then 'place'
                                       else 'person'"/>
    <xsl:if test="@ref">
      <xsl:attribute name="ref" select="tokenize(@ref)[1]"/>
      <xsl:variable name="uri" select="editio:authority-uri(editio:entity(tokenize(@ref)[1], .))"/>
      <xsl:if test="$uri">
        <xsl:attribute name="uri" select="$uri"/>
      </xsl:if>
    </xsl:if>
  </xsl:template>

  <!-- Each entity named in the document, once, in the order of its first mention. -->
  <xsl:template name="mentions">
    <xsl:param name="names" as="element()*"/>
    <xsl:param name="as" as="xs:string"/>
    <xsl:for-each-group select="$names" group-by="tokenize(@ref)[1]">
      <xsl:element name="{$as}">
        <xsl:call-template name="entity-attributes"/>
        <xsl:value-of select="editio:name(.)"/>
      </xsl:element>
    </xsl:for-each-group>
  </xsl:template>

  <xsl:template match="tei:msIdentifier" mode="record">
    <archival-id>
      <xsl:value-of select="string-join((normalize-space((tei:repository, tei:institution)[1]),
                                         tei:idno/(@type || ' ' || normalize-space(.))), ', ')"/>
    </archival-id>
  </xsl:template>
</xsl:stylesheet>

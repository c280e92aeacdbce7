<?xml version="1.0" encoding="UTF-8"?>
<!--
  CMIF (Correspondence Metadata Interchange Format, TEI Correspondence SIG, version 1.1.0): one TEI file with a
  correspDesc per document, for correspSearch and other letter indexes. The rules it keeps are written down, with
  the section of the specification each comes from, in schema/cmif.sch.

  - sender/addressee: persName (orgName for an office), the authority URI in @ref when the authority file has an
    idno (authorities.xml); a person without one is written by name alone, as the specification's example does;
    nobody named: persName "Unknown" (the specification's word for it); a record that names nobody on either side
    (a journal, minutes of a conversation) is no act of correspondence and gets no correspDesc;
  - only the actions "sent" and "received" (the relaying embassy of a telegram is not a CMIF action);
  - dates as days (YYYY, YYYY-MM, YYYY-MM-DD): the time of day of a telegram is cut; an unknown date is left out;
    a doubtful one (@cert medium, low, unknown) gets CMIF's only degree of doubt, cert="low";
  - @ref: the document's stable web address (xslt/common/addresses.xsl), only when the edition has a base URL;
  - @source: "#" + the UUID of the edition's bibl (parameter cmif-bibl-id).

  Two entry points, so that an edit remakes one document's part and not the index from every document: applied to
  one TEI document, its part (editio:part last-change="…", holding its correspDesc); the initial template, the
  whole cmif.xml from the parts (parameter `parts`, one file URI a line, in the edition's order).
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns="http://www.tei-c.org/ns/1.0"
  xmlns:editio="https://editio.invalid/ns"
  exclude-result-prefixes="#all">

  <xsl:import href="lib.xsl"/>
  <xsl:output method="xml" indent="yes" encoding="UTF-8"/>

  <xsl:param name="cmif-bibl-id" as="xs:string"/>
  <xsl:param name="cmif-file" as="xs:string" select="'cmif.xml'"/>
  <xsl:param name="parts" as="xs:string" select="''"/>

  <xsl:variable name="part-docs" as="document-node()*" select="editio:uris($parts) ! doc(.)"/>

  <xsl:template match="/">
    <editio:part last-change="{editio:last-change(.)}">
      <xsl:apply-templates select="tei:TEI" mode="cmif"/>
    </editio:part>
  </xsl:template>

  <xsl:template name="xsl:initial-template">
    <TEI>
      <teiHeader>
        <fileDesc>
          <titleStmt>
            <title><xsl:value-of select="$edition-title"/>: index of letters</title>
            <xsl:for-each select="tokenize($edition-editors, ';\s*')[normalize-space()]">
              <editor><xsl:value-of select="normalize-space(.)"/></editor>
            </xsl:for-each>
          </titleStmt>
          <publicationStmt>
            <!-- with the edition's address as the SIG's example writes it (publisher/ref), which CMIF readers take -->
            <publisher>
              <xsl:variable name="name" select="($edition-publisher[normalize-space()], $edition-title)[1]"/>
              <xsl:choose>
                <xsl:when test="$edition-base-url"><ref target="{$edition-base-url}"><xsl:value-of select="$name"/></ref></xsl:when>
                <xsl:otherwise><xsl:value-of select="$name"/></xsl:otherwise>
              </xsl:choose>
            </publisher>
            <xsl:if test="$edition-base-url">
              <idno type="url"><xsl:value-of select="$edition-base-url || $cmif-file"/></idno>
            </xsl:if>
            <date when="{(max($part-docs/editio:part/@last-change ! string()), '1970-01-01')[1]}T00:00:00Z"/>
            <availability>
              <licence target="https://creativecommons.org/licenses/by/4.0/">This file is licensed under the terms of the Creative Commons License CC-BY 4.0</licence>
            </availability>
          </publicationStmt>
          <sourceDesc>
            <bibl type="online">
              <!-- an attribute instruction: as an attribute value template, xml:id is not an NCName to an XML parser -->
              <xsl:attribute name="xml:id" select="$cmif-bibl-id"/>
              <xsl:value-of select="string-join(($edition-title, $edition-subtitle[normalize-space()],
                                                 $edition-publisher[normalize-space()]), '. ')"/>
              <xsl:if test="$edition-base-url">
                <xsl:text>, </xsl:text>
                <ref target="{$edition-base-url}"><xsl:value-of select="$edition-base-url"/></ref>
              </xsl:if>
            </bibl>
          </sourceDesc>
        </fileDesc>
        <profileDesc>
          <xsl:apply-templates select="$part-docs/editio:part/*" mode="part"/>
        </profileDesc>
      </teiHeader>
      <text>
        <body>
          <p/>
        </body>
      </text>
    </TEI>
  </xsl:template>

  <xsl:template match="tei:TEI[not(editio:correspondence(.)/tei:correspAction/(tei:persName | tei:orgName))]"
                mode="cmif" priority="1"/>

  <xsl:template match="tei:TEI" mode="cmif">
    <xsl:variable name="desc" select="editio:correspondence(.)"/>
    <correspDesc key="{@xml:id}" source="#{$cmif-bibl-id}">
      <xsl:if test="$edition-base-url">
        <xsl:attribute name="ref" select="editio:doc-url(@xml:id)"/>
      </xsl:if>
      <xsl:call-template name="action">
        <xsl:with-param name="type" select="'sent'"/>
        <xsl:with-param name="action" select="$desc/tei:correspAction[@type = 'sent']"/>
        <xsl:with-param name="date" select="editio:doc-date(.)"/>
      </xsl:call-template>
      <xsl:call-template name="action">
        <xsl:with-param name="type" select="'received'"/>
        <xsl:with-param name="action" select="$desc/tei:correspAction[@type = 'received']"/>
        <xsl:with-param name="date" select="$desc/tei:correspAction[@type = 'received']/tei:date[1]"/>
      </xsl:call-template>
    </correspDesc>
  </xsl:template>

  <xsl:template name="action">
    <xsl:param name="type" as="xs:string"/>
    <xsl:param name="action" as="element(tei:correspAction)*"/>
    <xsl:param name="date" as="element(tei:date)?"/>
    <correspAction type="{$type}">
      <xsl:variable name="parties" select="$action/(tei:persName | tei:orgName)"/>
      <xsl:apply-templates select="$parties" mode="cmif"/>
      <xsl:if test="empty($parties)">
        <persName>Unknown</persName>
      </xsl:if>
      <xsl:apply-templates select="$action/tei:placeName" mode="cmif"/>
      <xsl:apply-templates select="$date[@when or @notBefore or @notAfter or @from or @to]" mode="cmif"/>
    </correspAction>
  </xsl:template>

  <xsl:template match="tei:persName | tei:orgName | tei:placeName" mode="cmif">
    <xsl:element name="{local-name()}">
      <xsl:variable name="uri" select="if (@ref) then editio:authority-uri(editio:entity(tokenize(@ref)[1], .)) else ''"/>
      <xsl:if test="$uri">
        <xsl:attribute name="ref" select="$uri"/>
      </xsl:if>
      <xsl:value-of select="editio:name(.)"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:date" mode="cmif">
    <date>
      <xsl:for-each select="@when | @notBefore | @notAfter | @from | @to">
        <xsl:attribute name="{local-name()}" select="editio:day(.)"/>
      </xsl:for-each>
      <!-- CMIF knows one degree of doubt, cert="low" ("uncertain"): any doubt of the TEI's (medium, low, unknown) -->
      <xsl:if test="@cert = ('medium', 'low', 'unknown')">
        <xsl:attribute name="cert" select="'low'"/>
      </xsl:if>
    </date>
  </xsl:template>
</xsl:stylesheet>

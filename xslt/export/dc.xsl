<?xml version="1.0" encoding="UTF-8"?>
<!--
  Simple Dublin Core (oai_dc, the record every OAI-PMH repository takes) for one TEI document, valid against the
  official oai_dc.xsd. A letter has no "recipient" in the fifteen elements: the description says who wrote to
  whom (and through whom); sender(s) are dc:creator, the translator dc:contributor, the persons, offices and
  places the document names dc:subject and dc:coverage. Dates as days (YYYY-MM-DD), a range as an ISO 8601
  interval (start/end).
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/"
  xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xmlns:editio="https://editio.invalid/ns"
  exclude-result-prefixes="#all">

  <xsl:import href="lib.xsl"/>
  <xsl:output method="xml" indent="yes" encoding="UTF-8"/>

  <xsl:template match="/tei:TEI">
    <xsl:variable name="header" select="tei:teiHeader"/>
    <xsl:variable name="actions" select="editio:actions(., ('sent', 'received', 'transmitted'))"/>
    <xsl:variable name="lang" select="(@xml:lang, $edition-language)[1]"/>
    <oai_dc:dc xsi:schemaLocation="http://www.openarchives.org/OAI/2.0/oai_dc/ http://www.openarchives.org/OAI/2.0/oai_dc.xsd">
      <xsl:namespace name="dc" select="'http://purl.org/dc/elements/1.1/'"/>
      <dc:title xml:lang="{$lang}"><xsl:value-of select="editio:title(.)"/></dc:title>
      <xsl:for-each select="$actions[@type = 'sent']/(tei:persName | tei:orgName)">
        <dc:creator><xsl:value-of select="editio:name(.)"/></dc:creator>
      </xsl:for-each>
      <xsl:for-each select="$header/tei:fileDesc/tei:titleStmt/tei:respStmt[contains(lower-case(tei:resp), 'transl')]
                            /(tei:persName | tei:orgName | tei:name)">
        <dc:contributor><xsl:value-of select="editio:name(.)"/></dc:contributor>
      </xsl:for-each>
      <xsl:variable name="named" select="$header/tei:fileDesc/tei:titleStmt/tei:title | $actions | tei:text"/>
      <xsl:for-each-group select="$named//(tei:persName | tei:orgName)[@ref]" group-by="tokenize(@ref)[1]">
        <dc:subject><xsl:value-of select="editio:name(.)"/></dc:subject>
      </xsl:for-each-group>
      <dc:description xml:lang="en">
        <xsl:value-of select="editio:sent-by($actions)"/>
      </dc:description>
      <xsl:for-each select="$header/tei:profileDesc/tei:abstract[normalize-space()]">
        <dc:description xml:lang="{(@xml:lang, $lang)[1]}"><xsl:value-of select="normalize-space(.)"/></dc:description>
      </xsl:for-each>
      <dc:publisher><xsl:value-of select="($edition-publisher[normalize-space()], $edition-title)[1]"/></dc:publisher>
      <xsl:apply-templates select="editio:doc-date(.)" mode="dc"/>
      <dc:type>Text</dc:type>
      <dc:format>application/tei+xml</dc:format>
      <xsl:if test="$edition-base-url">
        <dc:identifier><xsl:value-of select="editio:doc-url(@xml:id)"/></dc:identifier>
      </xsl:if>
      <dc:identifier><xsl:value-of select="@xml:id"/></dc:identifier>
      <xsl:for-each select="$header/tei:fileDesc/tei:sourceDesc/tei:bibl">
        <dc:source>
          <xsl:value-of select="editio:bibl-line(.)"/>
        </dc:source>
      </xsl:for-each>
      <xsl:for-each select="$header/tei:profileDesc/tei:langUsage/tei:language/@ident">
        <dc:language><xsl:value-of select="."/></dc:language>
      </xsl:for-each>
      <dc:relation><xsl:value-of select="string-join(($edition-title, $edition-base-url[normalize-space()]), ' ')"/></dc:relation>
      <xsl:for-each-group select="$named//tei:placeName[@ref]" group-by="tokenize(@ref)[1]">
        <dc:coverage><xsl:value-of select="editio:name(.)"/></dc:coverage>
      </xsl:for-each-group>
      <xsl:for-each select="$header/tei:fileDesc/tei:publicationStmt/tei:availability/tei:licence">
        <dc:rights><xsl:value-of select="string-join((normalize-space(.), @target), ' ')"/></dc:rights>
      </xsl:for-each>
    </oai_dc:dc>
  </xsl:template>

  <xsl:template match="tei:date" mode="dc">
    <dc:date>
      <xsl:value-of select="if (@when) then editio:day(@when)
                            else string-join(((@notBefore, @from)[1], (@notAfter, @to)[1]) ! editio:day(.), '/')"/>
    </dc:date>
  </xsl:template>

  <!-- "Sent by A to B and C (through D)": who wrote to whom, the sentence a catalogue record gives. -->
  <xsl:function name="editio:sent-by" as="xs:string">
    <xsl:param name="actions" as="element(tei:correspAction)*"/>
    <xsl:variable name="names" select="function($type) {
        string-join($actions[@type = $type]/(tei:persName | tei:orgName) ! editio:name(.), ' and ') }"/>
    <xsl:sequence select="'Sent by ' || ($names('sent')[normalize-space()], 'an unnamed sender')[1]
                          || ' to ' || ($names('received')[normalize-space()], 'an unnamed recipient')[1]
                          || (if ($names('transmitted')) then ' through ' || $names('transmitted') else '') || '.'"/>
  </xsl:function>
</xsl:stylesheet>

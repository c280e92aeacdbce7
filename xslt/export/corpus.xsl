<?xml version="1.0" encoding="UTF-8"?>
<!--
  The whole edition as one teiCorpus, for a deposit: a corpus header made from the edition's settings (title,
  editors, publisher, licence, the sources of its documents) and every document and authority file of $documents
  and $authorities, unchanged, in the edition's order. Valid against tei_all.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns="http://www.tei-c.org/ns/1.0"
  xmlns:editio="https://editio.invalid/ns"
  exclude-result-prefixes="#all">

  <xsl:import href="lib.xsl"/>
  <xsl:output method="xml" indent="no" encoding="UTF-8"/>

  <!-- the authority files (persons.xml, places.xml, orgs.xml), one file URI a line -->
  <xsl:param name="authority-files" as="xs:string" select="''"/>

  <xsl:variable name="authority-docs" as="document-node()*"
                select="for $u in tokenize($authority-files, '\n')[normalize-space()] return doc(normalize-space($u))"/>

  <xsl:template name="xsl:initial-template">
    <teiCorpus xml:lang="{$edition-language}">
      <xsl:text>&#10;</xsl:text>
      <teiHeader>
        <fileDesc>
          <titleStmt>
            <title type="main"><xsl:value-of select="$edition-title"/></title>
            <xsl:if test="normalize-space($edition-subtitle)">
              <title type="sub"><xsl:value-of select="$edition-subtitle"/></title>
            </xsl:if>
            <xsl:for-each select="tokenize($edition-editors, ';\s*')[normalize-space()]">
              <editor><xsl:value-of select="normalize-space(.)"/></editor>
            </xsl:for-each>
          </titleStmt>
          <extent><measure unit="document" quantity="{count($docs)}"><xsl:value-of select="count($docs)"/> documents</measure></extent>
          <publicationStmt>
            <publisher><xsl:value-of select="($edition-publisher[normalize-space()], $edition-title)[1]"/></publisher>
            <date when="{$last-change}"><xsl:value-of select="$last-change"/></date>
            <xsl:if test="normalize-space($edition-base-url)">
              <idno type="URL"><xsl:value-of select="$edition-base-url"/></idno>
            </xsl:if>
            <availability>
              <licence target="{$edition-licence-url}">
                <p>The TEI encoding of this edition is licensed under <xsl:value-of select="$edition-licence"/>; each document states the rights of its source.</p>
              </licence>
            </availability>
          </publicationStmt>
          <sourceDesc>
            <listBibl>
              <xsl:for-each-group select="$docs/tei:TEI/tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:bibl[@type = 'online']"
                                  group-by="editio:bibl-text(.)">
                <bibl><xsl:value-of select="current-grouping-key()"/></bibl>
              </xsl:for-each-group>
            </listBibl>
          </sourceDesc>
        </fileDesc>
        <encodingDesc>
          <p>Each document keeps its own header: its editorial declaration says how the source's brackets and
            corrections are encoded, its listPrefixDef where per:, pla: and org: pointers resolve (the authority
            files, which follow the documents in this corpus and lie beside it as separate files).</p>
        </encodingDesc>
      </teiHeader>
      <xsl:for-each select="$docs, $authority-docs">
        <xsl:text>&#10;</xsl:text>
        <xsl:copy-of select="tei:TEI"/>
      </xsl:for-each>
      <xsl:text>&#10;</xsl:text>
    </teiCorpus>
  </xsl:template>
</xsl:stylesheet>

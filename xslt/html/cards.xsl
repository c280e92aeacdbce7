<?xml version="1.0" encoding="UTF-8"?>
<!--
  The card of every authority entry (common.xsl editio:card-body), made once for the build, so that a page
  copies the cards of the names it uses instead of making each of them again (a card is the same on every
  page). Template editio:cards (called by summary.xsl's "cards", so that the build compiles no stylesheet for
  it alone); reads the authority files from the parameter $authorities (common.xsl). Out:
  <cards><card target="persons.xml#stalin" name="Stalin">…the card's body…</card>…</cards>. An entry with
  no name form has no card here: the page makes it.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:editio="https://editio.invalid/ns"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  exclude-result-prefixes="#all">

  <xsl:import href="common.xsl"/>

  <xsl:template name="editio:cards">
    <cards>
      <xsl:for-each select="sort(map:keys($authorities))">
        <xsl:variable name="file" select="tokenize(., '/')[last()]"/>
        <xsl:for-each select="$authorities(.)//(tei:person | tei:place | tei:org)[@xml:id][editio:main-form(.)]">
          <xsl:variable name="target" select="$file || '#' || @xml:id"/>
          <card target="{$target}" name="{editio:main-form(.)}">
            <xsl:call-template name="editio:card-body">
              <xsl:with-param name="ref" select="''"/>
              <xsl:with-param name="entry" select="."/>
              <xsl:with-param name="href" select="editio:index-href($target)"/>
            </xsl:call-template>
          </card>
        </xsl:for-each>
      </xsl:for-each>
    </cards>
  </xsl:template>
</xsl:stylesheet>

<?xml version="1.0" encoding="UTF-8"?>
<!--
  Lookups the print templates share: the edition's documents (in the order the build gives, = date order), the
  authority entry a pointer resolves to (through the document's own listPrefixDef), the editorialDecl's conventions.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:print="https://editio.invalid/ns/print"
  exclude-result-prefixes="#all">

  <!-- Space-separated URIs of the volume's TEI documents, in date order. -->
  <xsl:param name="documents" as="xs:string" select="''"/>
  <!-- The volume's place in the edition: its number, how many volumes the edition has, the number of its first
       document (documents are numbered throughout the edition), and the name of its Typst source. -->
  <xsl:param name="volume" as="xs:integer" select="1"/>
  <xsl:param name="volumes" as="xs:integer" select="1"/>
  <xsl:param name="first-number" as="xs:integer" select="1"/>
  <xsl:param name="volume-name" as="xs:string" select="'edition'"/>

  <!-- Space-separated URIs of the authority files (persons, places, organisations): named by the build, not found by
       reading every file of tei/ (which at 10,000 documents each volume would read again). -->
  <xsl:param name="authorities" as="xs:string" select="''"/>
  <xsl:variable name="print:authority" as="document-node()*" select="for $u in tokenize($authorities) return doc($u)"/>

  <!-- A volume's number as printed (title pages, index references "II 34"). -->
  <xsl:function name="print:volume" as="xs:string">
    <xsl:param name="n" as="xs:integer"/>
    <xsl:sequence select="format-integer($n, 'I')"/>
  </xsl:function>
  <xsl:variable name="print:docs" as="document-node()*" select="for $u in tokenize($documents) return doc($u)"/>

  <!-- The editorial conventions: the editorialDecl of the first document (ingest writes the same in each). -->
  <xsl:variable name="print:decl" as="element(tei:editorialDecl)?"
                select="($print:docs//tei:encodingDesc/tei:editorialDecl)[1]"/>

  <xsl:key name="print:entry" match="tei:person | tei:place | tei:org" use="@xml:id"/>

  <!-- The entry a pointer (per:stalin) names, resolved by the listPrefixDef of the document it occurs in. -->
  <xsl:function name="print:entity" as="element()?">
    <xsl:param name="ref" as="xs:string?"/>
    <xsl:param name="context" as="node()"/>
    <xsl:variable name="pointer" select="tokenize($ref)[1]"/>
    <xsl:variable name="def" select="root($context)//tei:prefixDef[@ident = substring-before($pointer, ':')]"/>
    <xsl:if test="$def and contains($pointer, ':')">
      <xsl:variable name="target" select="replace(substring-after($pointer, ':'), $def/@matchPattern,
                                                  $def/@replacementPattern)"/>
      <xsl:variable name="file" select="resolve-uri(substring-before($target, '#'), base-uri($def))"/>
      <xsl:sequence select="if (doc-available($file)) then key('print:entry', substring-after($target, '#'), doc($file))
                            else ()"/>
    </xsl:if>
  </xsl:function>

  <!-- The meaning the editorialDecl gives a convention (item/@n), without its example. -->
  <xsl:function name="print:convention-meaning" as="xs:string?">
    <xsl:param name="n" as="xs:string?"/>
    <xsl:variable name="item" select="$print:decl//tei:list[@type = 'gloss']/tei:item[@n = $n]"/>
    <xsl:sequence select="if ($item) then replace(normalize-space($item/text()[1]), '[:\s]+$', '') else ()"/>
  </xsl:function>

  <!-- The language an element is in (its nearest xml:lang) as Typst text arguments: hyphenation follows the
       language's patterns; a text in another script than the language's own (ru-Latn, zh-Latn: a romanisation) is
       not hyphenated, since the patterns are for the language's own script. -->
  <xsl:function name="print:lang-args" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="tag" select="string(($e/ancestor-or-self::*/@xml:lang)[last()])"/>
    <xsl:variable name="primary" select="lower-case(tokenize($tag, '-')[1])"/>
    <xsl:sequence select="if (not(matches($primary, '^[a-z]{2,3}$'))) then 'lang: ' || print:str($edition-language)
                          else 'lang: ' || print:str($primary)
                               || (if (matches($tag, '^[A-Za-z]{2,3}-[A-Za-z]{4}(-|$)')) then ', hyphenate: false'
                                   else '')"/>
  </xsl:function>

  <!-- A date of the TEI as a reader writes it (29 September 1950); other forms as they are. -->
  <xsl:function name="print:date" as="xs:string">
    <xsl:param name="when" as="xs:string?"/>
    <xsl:sequence select="if ($when castable as xs:date) then format-date(xs:date($when), '[D] [MNn] [Y]')
                          else if (substring($when, 1, 10) castable as xs:date)
                            then format-date(xs:date(substring($when, 1, 10)), '[D] [MNn] [Y]')
                          else string($when)"/>
  </xsl:function>
</xsl:stylesheet>

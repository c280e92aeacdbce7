<?xml version="1.0" encoding="UTF-8"?>
<!--
  Writing Typst: every character of the TEI reaches the page as itself. ASCII punctuation is escaped (Typst gives
  * _ # [ ] $ @ < > = - + / ' " ~ . … a meaning in markup), white space is collapsed as XML means it.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:print="https://editio.invalid/ns/print"
  exclude-result-prefixes="#all">

  <!-- Text as Typst markup. -->
  <xsl:function name="print:esc" as="xs:string">
    <xsl:param name="text" as="xs:string?"/>
    <xsl:sequence select="replace(replace(string($text), '\s+', ' '), '([!-/:-@\[-`{-~])', '\\$1')"/>
  </xsl:function>

  <!-- Text as a Typst string literal. -->
  <xsl:function name="print:str" as="xs:string">
    <xsl:param name="text" as="xs:string?"/>
    <xsl:sequence select="'&quot;' || replace(replace(normalize-space($text), '\\', '\\\\'), '&quot;', '\\&quot;') || '&quot;'"/>
  </xsl:function>

  <!-- Markup as a content argument [ … ]. -->
  <xsl:function name="print:content" as="xs:string">
    <xsl:param name="markup" as="xs:string*"/>
    <xsl:sequence select="'[' || string-join($markup) || ']'"/>
  </xsl:function>

  <!-- A call of a book.typ function with named arguments (name → markup already written) and a body. -->
  <xsl:function name="print:call" as="xs:string">
    <xsl:param name="function" as="xs:string"/>
    <xsl:param name="args" as="map(xs:string, xs:string)"/>
    <xsl:param name="body" as="xs:string?"/>
    <xsl:variable name="named" select="for $k in sort(map:keys($args)) return $k || ': ' || $args($k)"
                  xmlns:map="http://www.w3.org/2005/xpath-functions/map"/>
    <xsl:sequence select="'#' || $function || (if (exists($named)) then '(' || string-join($named, ', ') || ')' else '')
                          || (if (exists($body)) then '[' || $body || ']' else if (empty($named)) then '()' else '')"/>
  </xsl:function>

  <xsl:variable name="print:par" as="xs:string" select="'&#10;&#10;'"/>
</xsl:stylesheet>

<?xml version="1.0" encoding="UTF-8"?>
<!--
  One citation system for every output: the stable address of each document and of each passage in it.

  Documents: the web page of a document is <xml:id>.html at the root of the web edition
    (output/html/doc-1950-07-13-stalin-to-zhou-enlai.html); editio:doc-url() gives the full stable address
    from the edition's base URL (edition.toml base_url), or the relative one when the edition has none yet.
  Passages: every block of the text (p, ab, item, opener, closer, head, salute …) is numbered in document order
    within its TEI document: editio:anchor() = 'p' + that number (p1, p2 …). The web page gives each block
    id="{editio:anchor(.)}", the print edition prints or records the same numbers, so a passage cited in one can
    be found in the other.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:editio="https://editio.invalid/ns"
  exclude-result-prefixes="#all">

  <xsl:param name="edition-base-url" as="xs:string" select="''"/>

  <!-- The blocks that carry a passage anchor: paragraph-like elements of the text, not nested in one another. -->
  <xsl:function name="editio:is-block" as="xs:boolean">
    <xsl:param name="node" as="element()"/>
    <xsl:sequence select="exists($node/ancestor::tei:text)
                          and $node[self::tei:p or self::tei:ab or self::tei:item or self::tei:head
                                    or self::tei:opener or self::tei:closer or self::tei:postscript]
                          and not($node/ancestor::*[self::tei:p or self::tei:ab or self::tei:item
                                                    or self::tei:head or self::tei:opener or self::tei:closer
                                                    or self::tei:postscript][ancestor::tei:text])"/>
  </xsl:function>

  <!-- The blocks of a document, by the tei:text their numbering starts from (the last one begun before them, as
       xsl:number level="any" from="tei:text" counts): indexed once per document, where numbering each block by
       xsl:number would test every element before it (quadratic in the length of the document). -->
  <xsl:key name="editio:blocks" match="tei:text//*[editio:is-block(.)]"
           use="generate-id((ancestor::tei:text | preceding::tei:text)[last()])"/>

  <xsl:function name="editio:anchor" as="xs:string">
    <xsl:param name="block" as="element()"/>
    <xsl:variable name="from" select="($block/ancestor::tei:text | $block/preceding::tei:text)[last()]"/>
    <xsl:variable name="blocks" select="key('editio:blocks', generate-id($from), root($block))"/>
    <xsl:sequence select="'p' || count($blocks[. &lt;&lt; $block]) + (if (editio:is-block($block)) then 1 else 0)"/>
  </xsl:function>

  <xsl:function name="editio:doc-file" as="xs:string">
    <xsl:param name="id" as="xs:string"/>
    <xsl:sequence select="$id || '.html'"/>
  </xsl:function>

  <xsl:function name="editio:doc-url" as="xs:string">
    <xsl:param name="id" as="xs:string"/>
    <xsl:sequence select="$edition-base-url || editio:doc-file($id)"/>
  </xsl:function>

  <xsl:function name="editio:passage-url" as="xs:string">
    <xsl:param name="block" as="element()"/>
    <xsl:sequence select="editio:doc-url(string(root($block)/tei:TEI/@xml:id)) || '#' || editio:anchor($block)"/>
  </xsl:function>
</xsl:stylesheet>

<?xml version="1.0" encoding="UTF-8"?>
<!--
  Who wrote to whom, for every output: one reading of the correspondence description.

  A document may hold several correspDesc: its own (no @type) and the letters it relays or covers
  (type="relayed" | "covering"). Within its own, correspAction type="transmitted" is either a party who relays the
  message (no @subtype, or subtype="relayed": an ambassador cabling a letter on; subtype="addressed": whom the
  relaying cable was addressed to, or an office a cable is addressed to) or a step of the cable's way
  (subtype="received" | "arrived" | "deciphered" | "forwarded" …: an office's receipt, never the addressee's).
  "Via" in headings, indexes and exports means the relaying parties only.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:editio="https://editio.invalid/ns"
  exclude-result-prefixes="#all">

  <!-- The document's own correspondence description. -->
  <xsl:function name="editio:correspondence" as="element(tei:correspDesc)?">
    <xsl:param name="node" as="node()"/>
    <xsl:variable name="all" select="root($node)/tei:TEI/tei:teiHeader/tei:profileDesc/tei:correspDesc"/>
    <xsl:sequence select="($all[not(@type)], $all)[1]"/>
  </xsl:function>

  <!-- A step of the cable's way (an office's receipt, deciphering …), not a party to the correspondence. -->
  <xsl:function name="editio:is-step" as="xs:boolean">
    <xsl:param name="action" as="element(tei:correspAction)"/>
    <xsl:sequence select="$action/@type = 'transmitted' and $action/@subtype
                          and not($action/@subtype = ('relayed', 'addressed'))"/>
  </xsl:function>

  <!-- The parties of one role ('sent', 'received', 'transmitted' = those who relay) in the document's own
       correspondence, or in the correspondence description given. -->
  <xsl:function name="editio:actions" as="element(tei:correspAction)*">
    <xsl:param name="node" as="node()"/>
    <xsl:param name="role" as="xs:string*"/>
    <xsl:variable name="desc" select="if ($node instance of element(tei:correspDesc)) then $node
                                      else editio:correspondence($node)"/>
    <xsl:sequence select="$desc/tei:correspAction[@type = $role][not(editio:is-step(.))]"/>
  </xsl:function>

  <!-- The steps of the cable's way, in the order the document gives them. -->
  <xsl:function name="editio:steps" as="element(tei:correspAction)*">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="editio:correspondence($node)/tei:correspAction[editio:is-step(.)]"/>
  </xsl:function>
</xsl:stylesheet>

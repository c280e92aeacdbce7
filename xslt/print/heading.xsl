<?xml version="1.0" encoding="UTF-8"?>
<!--
  The heading block that opens each document (mode print:heading): its number in the volume, title, date,
  sender → recipient, archival citation and its stable web address (editio:doc-url, the one citation system).
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:editio="https://editio.invalid/ns"
  xmlns:print="https://editio.invalid/ns/print"
  exclude-result-prefixes="#all">

  <xsl:template match="tei:TEI" mode="print:document">
    <xsl:param name="n" as="xs:integer" required="yes"/>
    <xsl:param name="level" as="xs:integer" select="2"/>
    <xsl:variable name="id" select="string(@xml:id)"/>
    <xsl:variable name="body" as="xs:string*">
      <xsl:apply-templates select="tei:text" mode="print:text"/>
    </xsl:variable>
    <xsl:value-of select="print:call('doc', map {
        'n': string($n),
        'level': string($level),
        'id': print:str($id),
        'title': print:content(print:inline(tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title[@type = 'main'][1])),
        'date': print:content(print:esc(print:date(tei:teiHeader/tei:profileDesc/tei:creation/tei:date/@when))),
        'parties': print:content(print:parties(.)),
        'citation': print:content(print:citation(.)),
        'url': print:str(editio:doc-url($id)),
        'running-head': print:content(print:esc(print:running-head(.)))
      }, '#set text(' || print:lang-args(tei:text) || ')&#10;' || string-join($body))"/>
    <xsl:value-of select="$print:par"/>
  </xsl:template>

  <!-- "From Kim Il Sung and Pak Hon-Yong (Pyongyang) to Stalin (Moscow) via Shtykov and the …": one "via" for all
       the relaying parties, in their order -->
  <xsl:function name="print:parties" as="xs:string">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:variable name="actions" select="editio:actions($tei, ('sent', 'received', 'transmitted'))"/>
    <xsl:variable name="via" select="$actions[@type = 'transmitted']"/>
    <!-- a record (a journal, minutes) names no correspondent: no "From The source names no sender." line -->
    <xsl:sequence select="if (not($actions[@type = ('sent', 'received')]/(tei:persName | tei:orgName
                                                                         | tei:roleName[@type = 'office'])))
                          then '' else string-join((
        for $a in $actions[@type = 'sent'] return 'From ' || print:party($a),
        for $a in $actions[@type = 'received'] return 'to ' || print:party($a),
        if (exists($via)) then 'via ' || string-join(for $a in $via return print:party($a), ' and ') else ()), ' ')"/>
  </xsl:function>

  <xsl:function name="print:party" as="xs:string">
    <xsl:param name="action" as="element(tei:correspAction)"/>
    <xsl:variable name="who" select="$action/(tei:persName | tei:orgName)"/>
    <!-- an office beside the party ("Roshchin, SOVIET AMBASSADOR"), or alone where the source names no holder -->
    <xsl:variable name="offices" select="string-join(for $r in $action/tei:roleName[@type = 'office'] return
                                           string-join(print:inline($r)), ', ')"/>
    <xsl:variable name="named" select="if ($who) then string-join(for $w in $who return
                                         string-join(print:inline($w)), ' and ') else ''"/>
    <xsl:variable name="names" select="if ($who or $offices) then string-join(($named[.], $offices[.]), ', ')
                                       else print:esc(normalize-space($action/tei:note[not(@type)][1]))"/>
    <xsl:sequence select="$names || (if ($action/tei:placeName) then ' (' ||
                            string-join(for $p in $action/tei:placeName return string-join(print:inline($p)), ', ') || ')'
                          else '')"/>
  </xsl:function>

  <!-- The archive's reference: each archival copy (msDesc), else the archival bibl, else none. -->
  <xsl:function name="print:citation" as="xs:string">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:variable name="source" select="$tei/tei:teiHeader/tei:fileDesc/tei:sourceDesc"/>
    <xsl:sequence select="string-join(for $c in ($source/tei:msDesc/tei:p, $source[not(tei:msDesc)]/tei:bibl[@type = 'archival'])
                                      return string-join(print:inline($c)), '; ')"/>
  </xsl:function>

  <!-- Running head of the document's pages: sender to recipient, date (plain words). -->
  <xsl:function name="print:running-head" as="xs:string">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:variable name="actions" select="editio:actions($tei, ('sent', 'received'))"/>
    <xsl:variable name="from" select="string-join($actions[@type = 'sent']/(tei:persName | tei:orgName)/normalize-space(), ', ')"/>
    <xsl:variable name="to" select="string-join($actions[@type = 'received']/(tei:persName | tei:orgName)/normalize-space(), ', ')"/>
    <xsl:sequence select="string-join((string-join(($from[.], $to[.]), ' to ')[.],
                          print:date($tei/tei:teiHeader/tei:profileDesc/tei:creation/tei:date/@when)), ', ')"/>
  </xsl:function>
</xsl:stylesheet>

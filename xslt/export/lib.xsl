<?xml version="1.0" encoding="UTF-8"?>
<!--
  What every export needs: the edition's documents (parameter `documents`, one file URI a line, in the edition's
  order), the entity a prefixed pointer (per:stalin) names, resolved through the document's own listPrefixDef,
  and the authority URI of that entity (authorities.xml). The citation system is xslt/common/addresses.xsl.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:editio="https://editio.invalid/ns"
  exclude-result-prefixes="#all">

  <xsl:import href="../common/addresses.xsl"/>
  <xsl:import href="../common/correspondence.xsl"/>

  <xsl:param name="documents" as="xs:string" select="''"/>
  <xsl:param name="edition-title" as="xs:string" select="''"/>
  <xsl:param name="edition-subtitle" as="xs:string" select="''"/>
  <xsl:param name="edition-editors" as="xs:string" select="''"/>
  <xsl:param name="edition-publisher" as="xs:string" select="''"/>
  <xsl:param name="edition-licence" as="xs:string" select="''"/>
  <xsl:param name="edition-licence-url" as="xs:string" select="''"/>
  <xsl:param name="edition-language" as="xs:string" select="'en'"/>

  <xsl:variable name="docs" as="document-node()*"
                select="editio:uris($documents) ! doc(.)"/>
  <xsl:variable name="authorities" as="element(authority)*" select="doc('authorities.xml')/authorities/authority"/>

  <xsl:key name="id" match="*[@xml:id]" use="@xml:id"/>

  <!-- The day the edition's data last changed: the newest publication or revision date of its documents. -->
  <xsl:variable name="last-change" as="xs:string" select="editio:last-change($docs)"/>

  <xsl:function name="editio:last-change" as="xs:string">
    <xsl:param name="docs" as="document-node()*"/>
    <xsl:sequence
      select="let $days := $docs//tei:teiHeader/(tei:fileDesc/tei:publicationStmt/tei:date/@when
                                                 | tei:revisionDesc/tei:change/@when)/editio:day(.)
                                                 [matches(., '^\d{4}-\d{2}-\d{2}$')]
              return (string(max($days ! xs:date(.))), '1970-01-01')[1]"/>
  </xsl:function>

  <!-- A part one document's run wrote (build/export.py keeps them, so an aggregate is made from parts, not from
       every document again), copied into the aggregate as if made there: without the part's own indentation
       (the aggregate's serializer indents) and without the namespaces of the part's wrapper. -->
  <xsl:template match="*" mode="part">
    <xsl:copy copy-namespaces="no">
      <xsl:apply-templates select="@*, node()" mode="part"/>
    </xsl:copy>
  </xsl:template>
  <xsl:template match="@* | text() | comment()" mode="part">
    <xsl:copy/>
  </xsl:template>
  <xsl:template match="text()[not(normalize-space())]" mode="part"/>

  <!-- Files named one URI a line (the parameters `documents`, `parts`, `members`) -->
  <xsl:function name="editio:uris" as="xs:string*">
    <xsl:param name="lines" as="xs:string"/>
    <xsl:sequence select="tokenize($lines, '\n')[normalize-space()] ! normalize-space(.)"/>
  </xsl:function>

  <!-- The element a pointer names: "per:stalin" through prefixDef, "#x" in the same file, "file.xml#x" beside it. -->
  <xsl:function name="editio:entity" as="element()?">
    <xsl:param name="pointer" as="xs:string"/>
    <xsl:param name="context" as="node()"/>
    <xsl:variable name="prefix" select="substring-before($pointer, ':')"/>
    <xsl:variable name="def" select="(root($context)//tei:prefixDef[@ident = $prefix])[1]"/>
    <xsl:variable name="target" as="xs:string"
      select="if ($def and matches(substring-after($pointer, ':'), '^' || $def/@matchPattern || '$'))
              then replace(substring-after($pointer, ':'), '^' || $def/@matchPattern || '$', $def/@replacementPattern)
              else $pointer"/>
    <xsl:variable name="file" select="substring-before($target, '#')"/>
    <xsl:variable name="id" select="if (contains($target, '#')) then substring-after($target, '#') else ''"/>
    <xsl:variable name="in" as="document-node()?"
      select="if ($file = '') then root($context) else doc(resolve-uri($file, base-uri(root($context))))"/>
    <xsl:sequence select="if ($id and $in) then key('id', $id, $in)[1] else ()"/>
  </xsl:function>

  <!-- The entity's URI in the first authority (authorities.xml order) it has an idno of; '' without one. -->
  <xsl:function name="editio:authority-uri" as="xs:string">
    <xsl:param name="entity" as="element()?"/>
    <xsl:sequence select="(editio:authority-uris($entity), '')[1]"/>
  </xsl:function>

  <!-- Every authority URI of the entity, in authorities.xml order. -->
  <xsl:function name="editio:authority-uris" as="xs:string*">
    <xsl:param name="entity" as="element()?"/>
    <xsl:for-each select="$authorities">
      <xsl:variable name="authority" select="."/>
      <xsl:for-each select="$entity/tei:idno[@type = $authority/@type][normalize-space()]">
        <xsl:sequence select="if (matches(., '^https?://')) then normalize-space(.)
                              else $authority/@prefix || normalize-space(.)"/>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:function>

  <!-- The index form of a name element: the entity's main name, else the name as the document writes it. -->
  <xsl:function name="editio:name" as="xs:string">
    <xsl:param name="name" as="element()"/>
    <xsl:variable name="entity" select="if ($name/@ref) then editio:entity(tokenize($name/@ref)[1], $name) else ()"/>
    <xsl:sequence select="normalize-space(
                            ($entity/*[self::tei:persName or self::tei:placeName or self::tei:orgName][@type = 'main'],
                             $entity/*[self::tei:persName or self::tei:placeName or self::tei:orgName],
                             $name)[1])"/>
  </xsl:function>

  <!-- A date attribute as CMIF and Dublin Core take it: the day (YYYY, YYYY-MM, YYYY-MM-DD), time of day cut. -->
  <xsl:function name="editio:day" as="xs:string">
    <xsl:param name="value" as="xs:string"/>
    <xsl:sequence select="replace(normalize-space($value), '^(-?\d{4}(-\d{2}(-\d{2})?)?).*$', '$1')"/>
  </xsl:function>

  <!-- The document's date: the sending's, else the date of creation. -->
  <xsl:function name="editio:doc-date" as="element(tei:date)?">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:sequence select="(editio:actions($tei, 'sent')/tei:date
                             [@when or @notBefore or @notAfter or @from or @to],
                           $tei/tei:teiHeader/tei:profileDesc/tei:creation/tei:date
                             [@when or @notBefore or @notAfter or @from or @to])[1]"/>
  </xsl:function>

  <xsl:function name="editio:title" as="xs:string">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:sequence select="normalize-space(($tei/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title[@type = 'main'],
                                           $tei/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title)[1])"/>
  </xsl:function>

  <!-- A bibl as one line: its parts (title, author, biblScope …) joined by ", " when it has no text of its own. -->
  <xsl:function name="editio:bibl-text" as="xs:string">
    <xsl:param name="bibl" as="element()"/>
    <xsl:sequence select="if ($bibl/text()[normalize-space()]) then normalize-space($bibl)
                          else string-join($bibl/*[not(self::tei:ptr)]/normalize-space()[.], ', ')"/>
  </xsl:function>

  <!-- A bibl and the address it points at (ptr), the address once. -->
  <xsl:function name="editio:bibl-line" as="xs:string">
    <xsl:param name="bibl" as="element()"/>
    <xsl:variable name="text" select="editio:bibl-text($bibl)"/>
    <xsl:variable name="url" select="string(($bibl//tei:ptr/@target)[1])"/>
    <xsl:sequence select="if ($url and not(contains($text, $url))) then $text || ' ' || $url else $text"/>
  </xsl:function>
</xsl:stylesheet>

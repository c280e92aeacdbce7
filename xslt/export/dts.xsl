<?xml version="1.0" encoding="UTF-8"?>
<!--
  Distributed Text Services 1.0, Level 0 (the level the specification allows "for implementations created by
  generating static files": no start/end ranges), as static files any web server can serve. The URI templates
  are path-style, as the specification's "URI Templates examples for static website" shows:

    collection  collection{/id}{/nav}.json         collection.json, collection/<id>.json, collection/<id>/parents.json
    navigation  navigation/{resource}{;down}{/ref}.json
                                                   navigation/<doc>;down=1.json (the citation tree), navigation/<doc>/p3.json,
                                                   navigation/<doc>;down=0/p3.json (its siblings), …;down=1/p3.json, …;down=-1/…
    document    document/{resource}{/ref}.xml      document/<doc>.xml (the TEI file), document/<doc>/p3.xml (a passage in dts:wrapper)

  One collection (the edition) holds every document as a Resource; a Resource's citation tree has one level, the
  passages of xslt/common/addresses.xsl (p1, p2 …), so a passage cited on the web page or in print is the same
  CitableUnit here. Templates are relative to this folder, absolute (<base_url>dts/…) once the edition has a
  base URL.

  Two entry points, so that an edit remakes one document's files and not the whole tree: applied to one TEI
  document, its files (xsl:result-documents) and, as the principal result, its entry in the collection's member
  list; the initial template, index.json and the edition's collection from those entries (parameter `members`, one
  file URI a line, in the edition's order). `total-documents` is the collection's size, which every document's
  parents.json states.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:array="http://www.w3.org/2005/xpath-functions/array"
  xmlns:dts="https://w3id.org/api/dts#"
  xmlns:editio="https://editio.invalid/ns"
  exclude-result-prefixes="#all">

  <xsl:import href="lib.xsl"/>
  <xsl:output method="json" indent="yes" encoding="UTF-8"/>

  <xsl:param name="dts-collection-id" as="xs:string" select="'edition'"/>
  <xsl:param name="total-documents" as="xs:integer" select="count($docs)"/>
  <xsl:param name="members" as="xs:string" select="''"/>

  <xsl:variable name="context" select="'https://dtsapi.org/context/v1.0.json'"/>
  <xsl:variable name="base" select="if ($edition-base-url) then $edition-base-url || 'dts/' else ''"/>
  <xsl:variable name="downs" as="xs:integer*" select="(0, 1, -1)"/>

  <xsl:template name="xsl:initial-template">
    <xsl:sequence select="map {
      '@context': $context, 'dtsVersion': '1.0', '@id': $base || 'index.json', '@type': 'EntryPoint',
      'collection': $base || 'collection{/id}{/nav}.json',
      'navigation': $base || 'navigation/{resource}{;down}{/ref}.json',
      'document': $base || 'document/{resource}{/ref}.xml' }"/>
    <xsl:variable name="root" select="map:put($collection, 'member', array { editio:uris($members) ! json-doc(.) })"/>
    <xsl:for-each select="'collection.json', 'collection/' || $dts-collection-id || '.json',
                          'collection/' || $dts-collection-id || '/children.json'">
      <xsl:result-document href="{.}" method="json" indent="yes">
        <xsl:sequence select="$root"/>
      </xsl:result-document>
    </xsl:for-each>
    <xsl:result-document href="collection/{$dts-collection-id}/parents.json" method="json" indent="yes">
      <xsl:sequence select="map:put($root, 'member', array {})"/>
    </xsl:result-document>
  </xsl:template>

  <xsl:template match="/">
    <xsl:apply-templates select="tei:TEI" mode="dts"/>
    <xsl:sequence select="map:remove(editio:resource(tei:TEI), ('@context', 'dtsVersion'))"/>
  </xsl:template>

  <!-- The edition's collection without its members: made once (it was made again for every document's
       parents.json, with every document's resource in it: quadratic in the documents) -->
  <xsl:variable name="collection" as="map(*)">
    <xsl:sequence select="map {
      '@context': $context, 'dtsVersion': '1.0', '@id': $dts-collection-id, '@type': 'Collection',
      'title': $edition-title, 'totalParents': 0, 'totalChildren': $total-documents,
      'description': $edition-subtitle,
      'collection': $base || 'collection{/id}{/nav}.json',
      'dublinCore': map {
        'title': array { map { 'lang': $edition-language, 'value': $edition-title } },
        'publisher': array { $edition-publisher },
        'license': $edition-licence-url } }"/>
  </xsl:variable>

  <xsl:function name="editio:resource" as="map(*)">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:variable name="id" select="string($tei/@xml:id)"/>
    <xsl:variable name="header" select="$tei/tei:teiHeader"/>
    <xsl:variable name="date" select="editio:doc-date($tei)"/>
    <xsl:variable name="types" select="distinct-values($tei/tei:text//*[editio:is-block(.)]/local-name())"/>
    <xsl:sequence select="map:merge((map {
      '@context': $context, 'dtsVersion': '1.0', '@id': $id, '@type': 'Resource',
      'title': editio:title($tei), 'totalParents': 1, 'totalChildren': 0,
      'collection': $base || 'collection/' || $id || '{/nav}.json',
      'navigation': $base || 'navigation/' || $id || '{;down}{/ref}.json',
      'document': $base || 'document/' || $id || '{/ref}.xml',
      'mediaTypes': array { 'application/tei+xml' },
      'citationTrees': array { map { '@type': 'CitationTree',
                                     'citeStructure': array { $types ! map { 'citeType': . } } } },
      'dublinCore': map:merge((
        map { 'title': array { map { 'lang': string(($tei/@xml:lang, $edition-language)[1]), 'value': editio:title($tei) } },
              'type': array { 'Text' },
              'creator': array { editio:actions($header, 'sent')
                                   /(tei:persName | tei:orgName) ! editio:name(.) },
              'language': array { $header/tei:profileDesc/tei:langUsage/tei:language/@ident ! string() } },
        if ($date/@when) then map { 'date': editio:day($date/@when) } else (),
        if (normalize-space($header/tei:profileDesc/tei:abstract))
        then map { 'description': array { map { 'lang': 'en', 'value': normalize-space($header/tei:profileDesc/tei:abstract) } } }
        else ()))
      },
      if ($edition-base-url) then map { 'download': editio:doc-url($id) } else ()))"/>
  </xsl:function>

  <xsl:function name="editio:unit" as="map(*)">
    <xsl:param name="block" as="element()"/>
    <xsl:sequence select="map { 'identifier': editio:anchor($block), '@type': 'CitableUnit', 'level': 1,
                                'parent': (), 'citeType': local-name($block) }"/>
  </xsl:function>

  <xsl:template match="tei:TEI" mode="dts">
    <xsl:variable name="id" select="string(@xml:id)"/>
    <xsl:variable name="resource" select="editio:resource(.)"/>
    <xsl:variable name="in-navigation" select="map:remove($resource, ('@context', 'dtsVersion'))"/>
    <xsl:variable name="blocks" select="tei:text//*[editio:is-block(.)]"/>
    <xsl:variable name="units" select="array { $blocks ! editio:unit(.) }"/>
    <xsl:for-each select="'collection/' || $id || '.json', 'collection/' || $id || '/children.json'">
      <xsl:result-document href="{.}" method="json" indent="yes">
        <xsl:sequence select="$resource"/>
      </xsl:result-document>
    </xsl:for-each>
    <xsl:result-document href="collection/{$id}/parents.json" method="json" indent="yes">
      <xsl:sequence select="map:put($resource, 'member',
                              array { map:remove($collection, ('@context', 'dtsVersion')) })"/>
    </xsl:result-document>
    <!-- the whole citation tree (down=1 and down=-1: it has one level) -->
    <xsl:for-each select="1, -1">
      <xsl:variable name="path" select="'navigation/' || $id || ';down=' || . || '.json'"/>
      <xsl:result-document href="{$path}" method="json" indent="yes">
        <xsl:sequence select="editio:navigation($path, $in-navigation, (), $units)"/>
      </xsl:result-document>
    </xsl:for-each>
    <xsl:for-each select="$blocks">
      <xsl:variable name="unit" select="editio:unit(.)"/>
      <xsl:variable name="ref" select="editio:anchor(.)"/>
      <xsl:variable name="path" select="'navigation/' || $id || '/' || $ref || '.json'"/>
      <xsl:result-document href="{$path}" method="json" indent="yes">
        <xsl:sequence select="editio:navigation($path, $in-navigation, $unit, ())"/>
      </xsl:result-document>
      <xsl:for-each select="$downs">
        <xsl:variable name="down-path" select="'navigation/' || $id || ';down=' || . || '/' || $ref || '.json'"/>
        <xsl:result-document href="{$down-path}" method="json" indent="yes">
          <!-- down=0: the unit and its siblings (every passage); down>0 or -1: its subtree, the unit alone -->
          <xsl:sequence select="editio:navigation($down-path, $in-navigation, $unit,
                                  if (. = 0) then $units else array { $unit })"/>
        </xsl:result-document>
      </xsl:for-each>
      <xsl:result-document href="document/{$id}/{$ref}.xml" method="xml" indent="no">
        <TEI xmlns="http://www.tei-c.org/ns/1.0">
          <xsl:copy-of select="root(.)/tei:TEI/tei:teiHeader"/>
          <dts:wrapper ref="{path(.)}">
            <xsl:copy-of select="."/>
          </dts:wrapper>
        </TEI>
      </xsl:result-document>
    </xsl:for-each>
    <xsl:result-document href="document/{$id}.xml" method="xml" indent="no">
      <xsl:copy-of select="root(.)"/>
    </xsl:result-document>
  </xsl:template>

  <xsl:function name="editio:navigation" as="map(*)">
    <xsl:param name="path" as="xs:string"/>
    <xsl:param name="resource" as="map(*)"/>
    <xsl:param name="ref" as="map(*)?"/>
    <xsl:param name="member" as="array(*)?"/>
    <xsl:sequence select="map:merge((
      map { '@context': $context, 'dtsVersion': '1.0', '@id': $base || $path, '@type': 'Navigation',
            'resource': $resource },
      $ref ! map { 'ref': . },
      $member ! map { 'member': . }))"/>
  </xsl:function>
</xsl:stylesheet>

<?xml version="1.0" encoding="UTF-8"?>
<!--
  The indexes of persons, places and organisations (one page per authority file: persons.xml → persons.html)
  and the map of the places, made from the authority files and the documents' summaries (site.xml): each entry
  with its forms, its real authority links and every document that mentions it, how often, in text or header.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:editio="https://editio.invalid/ns"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  exclude-result-prefixes="#all">

  <xsl:key name="editio:mentions-of" match="doc/mention" use="@target"/>

  <!-- An index page: $file is the authority file's name (persons.xml), $docs every summary. -->
  <xsl:template name="editio:index-page">
    <xsl:param name="authority" as="document-node()" required="yes"/>
    <xsl:param name="file" as="xs:string" required="yes"/>
    <xsl:param name="site" as="document-node()" required="yes"/>
    <xsl:variable name="page" select="replace($file, '\.xml$', '.html')"/>
    <xsl:variable name="entries" as="element()*">
      <xsl:perform-sort select="$authority//(tei:person | tei:place | tei:org)">
        <xsl:sort select="editio:sort-key(.)" lang="en"/>
        <xsl:sort select="lower-case(editio:main-form(.))" lang="en"/>
      </xsl:perform-sort>
    </xsl:variable>
    <!-- the authority file's title, in the file's language (its xml:lang, else English); an edition in another
         language names the index with its own words (labels.xml: index.persons …) where it has them -->
    <xsl:variable name="named" select="'index.' || replace($file, '\.xml$', '')"/>
    <xsl:variable name="file-lang" select="lower-case(tokenize(($authority/*/@xml:lang, 'en')[1], '-')[1])"/>
    <xsl:variable name="title" select="if ($file-lang ne $editio:lang and map:contains($label-entries, $named))
                                       then editio:label-text($named)
                                       else normalize-space(($authority//tei:titleStmt/tei:title)[1])"/>
    <xsl:result-document href="{$page}">
      <xsl:call-template name="editio:page">
        <xsl:with-param name="title" select="$title"/>
        <xsl:with-param name="here" select="$page"/>
        <xsl:with-param name="content-of" as="element()"><editio:content page="index"/></xsl:with-param>
        <xsl:with-param name="index-title" select="$title" tunnel="yes"/>
        <xsl:with-param name="entries" select="$entries" tunnel="yes"/>
        <xsl:with-param name="file" select="$file" tunnel="yes"/>
        <xsl:with-param name="site" select="$site" tunnel="yes"/>
      </xsl:call-template>
    </xsl:result-document>
  </xsl:template>

  <!-- index: the page's main, written as it is made (common.xsl, editio:page) -->
  <xsl:template match="editio:content[@page = 'index']" mode="editio:page-content">
    <xsl:param name="index-title" as="xs:string" tunnel="yes"/>
    <xsl:param name="entries" as="element()*" tunnel="yes"/>
    <xsl:param name="file" as="xs:string" tunnel="yes"/>
    <xsl:param name="site" as="document-node()" tunnel="yes"/>
          <h1><xsl:value-of select="$index-title"/></h1>
          <p class="intro"><xsl:sequence select="editio:label('index.intro', [count($entries)])"/></p>
          <nav class="alpha-nav" aria-label="{editio:label-text('index.letters')}">
            <xsl:for-each-group select="$entries" group-by="upper-case(substring(editio:sort-key(.), 1, 1))">
              <a href="#{@xml:id}"><xsl:value-of select="current-grouping-key()"/></a>
            </xsl:for-each-group>
          </nav>
          <ul class="entries">
            <xsl:for-each select="$entries">
              <xsl:call-template name="editio:index-entry">
                <xsl:with-param name="target" select="$file || '#' || @xml:id"/>
                <xsl:with-param name="site" select="$site"/>
              </xsl:call-template>
            </xsl:for-each>
          </ul>
  </xsl:template>

  <!-- Persons are filed under their family name: the short form, else the first word of the main form in
       languages that put the family name first (by the form's xml:lang), else its last word. Places and
       organisations under their main form. -->
  <xsl:variable name="editio:family-name-first" select="('zh', 'ko', 'ja', 'vi', 'hu')"/>

  <xsl:function name="editio:sort-key" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="main" select="editio:main-form($entry)"/>
    <xsl:variable name="main-el" select="($entry/tei:persName[@type = 'main'], $entry/tei:persName)[1]"/>
    <xsl:variable name="words" select="tokenize($main, '\s+')"/>
    <xsl:variable name="family" select="
      (normalize-space($entry/tei:persName[@type = 'short'][1])[.],
       if (substring-before($main-el/@xml:lang || '-', '-') = $editio:family-name-first) then $words[1] else $words[last()])[1]"/>
    <xsl:sequence select="lower-case(normalize-unicode(
      if ($entry/self::tei:person) then $family else $main, 'NFKD'))"/>
  </xsl:function>

  <xsl:template name="editio:index-entry">
    <xsl:param name="target" as="xs:string" required="yes"/>
    <xsl:param name="site" as="document-node()" required="yes"/>
    <xsl:variable name="mentions" select="key('editio:mentions-of', $target, $site)"/>
    <li class="entry entry-{local-name()}" id="{@xml:id}">
      <h2>
        <!-- the main form's language (its xml:lang, else the authority file's) where it is not the page's -->
        <xsl:sequence select="editio:lang-attribute(((tei:persName | tei:placeName | tei:orgName)[@type = 'main'],
                                                     tei:persName | tei:placeName | tei:orgName)[1]/(ancestor-or-self::*/@xml:lang)[last()])"/>
        <xsl:value-of select="editio:main-form(.)"/>
      </h2>
      <xsl:variable name="life" select="editio:life-dates(.)"/>
      <xsl:if test="$life"><p class="entry-dates"><xsl:value-of select="$life"/></p></xsl:if>
      <xsl:if test="@type"><p class="entry-type"><xsl:value-of select="replace(@type, '-', ' ')"/></p></xsl:if>
      <xsl:variable name="others" select="editio:other-forms(.)"/>
      <xsl:if test="exists($others)">
        <p class="entry-forms"><xsl:sequence select="editio:label('index.other-forms')"/><xsl:value-of select="string-join($others, '; ')"/></p>
      </xsl:if>
      <xsl:for-each select="tei:note[@type = 'role']">
        <p class="entry-role"><xsl:value-of select="normalize-space(.)"/></p>
      </xsl:for-each>
      <xsl:if test="tei:idno[@type = $editio:authorities/@type]">
        <p class="entry-links"><xsl:apply-templates select="tei:idno" mode="authority-link"/></p>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="$mentions">
          <ul class="entry-docs">
            <xsl:for-each select="$mentions">
              <li>
                <a href="{../@file}"><xsl:value-of select="../date || ', '"/><xsl:apply-templates select="../title" mode="editio:lang"/></a>
                <xsl:text> </xsl:text>
                <span class="entry-count">
                  <xsl:value-of select="string-join((
                    if (@text != '0') then editio:label-text('index.in-text', [string(@text)]) else (),
                    if (@header != '0') then editio:label-text('index.in-header', [string(@header)]) else ()), ', ')"/>
                </span>
              </li>
            </xsl:for-each>
          </ul>
        </xsl:when>
        <xsl:otherwise><p class="entry-none"><xsl:sequence select="editio:label('index.none')"/></p></xsl:otherwise>
      </xsl:choose>
    </li>
  </xsl:template>

  <!-- ===== the map: an equirectangular projection of the places' bounding box, drawn at build time ===== -->

  <!-- Places that are areas (a country, a river) are not points on the map. -->
  <xsl:variable name="editio:area-types" select="('continent', 'country', 'ocean', 'sea', 'region', 'river',
                                                   'mountain-range', 'province')"/>

  <xsl:template name="editio:map-page">
    <xsl:param name="places" as="document-node()" required="yes"/>
    <xsl:param name="site" as="document-node()" required="yes"/>
    <xsl:variable name="points" as="element(point)*">
      <xsl:for-each select="$places//tei:place[tei:location/tei:geo][not(@type = $editio:area-types)]">
        <xsl:variable name="ll" select="tokenize(normalize-space(tei:location/tei:geo[1]), '[\s,]+')"/>
        <xsl:if test="count($ll) = 2 and $ll[1] castable as xs:double and $ll[2] castable as xs:double">
          <point id="{@xml:id}" lat="{$ll[1]}" lon="{$ll[2]}" name="{editio:main-form(.)}"
                 docs="{count(key('editio:mentions-of', 'places.xml#' || @xml:id, $site))}"/>
        </xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:result-document href="map.html">
      <xsl:call-template name="editio:page">
        <xsl:with-param name="title" select="editio:label-text('map.title')"/>
        <xsl:with-param name="here" select="'map.html'"/>
        <xsl:with-param name="content">
          <h1><xsl:sequence select="editio:label('map.title')"/></h1>
          <p class="intro"><xsl:sequence select="editio:label('map.intro')"/></p>
          <xsl:if test="count($points) gt 0">
            <!-- the detail: the box of the middle 80 % of latitudes and longitudes, where most places lie -->
            <xsl:variable name="lats" select="sort($points/xs:double(@lat))"/>
            <xsl:variable name="lons" select="sort($points/xs:double(@lon))"/>
            <xsl:variable name="n" select="count($points)"/>
            <xsl:variable name="lo" select="max((1, xs:integer(floor($n * 0.1)) + 1))"/>
            <xsl:variable name="hi" select="min(($n, xs:integer(ceiling($n * 0.9))))"/>
            <xsl:variable name="detail" select="$points[xs:double(@lat) ge $lats[$lo] and xs:double(@lat) le $lats[$hi]
                                                         and xs:double(@lon) ge $lons[$lo] and xs:double(@lon) le $lons[$hi]]"/>
            <xsl:variable name="has-detail" select="count($detail) ge 2 and count($detail) lt $n"/>
            <h2><xsl:sequence select="editio:label('map.all')"/></h2>
            <xsl:call-template name="editio:map-svg">
              <xsl:with-param name="points" select="$points"/>
              <xsl:with-param name="label" select="editio:label-text('map.all-label')"/>
              <xsl:with-param name="detail" select="if ($has-detail) then $detail else ()"/>
            </xsl:call-template>
            <xsl:if test="$has-detail">
              <h2><xsl:sequence select="editio:label('map.detail')"/></h2>
              <p><xsl:sequence select="editio:label('map.detail-intro', [count($detail), $n])"/></p>
              <xsl:call-template name="editio:map-svg">
                <xsl:with-param name="points" select="$detail"/>
                <xsl:with-param name="label" select="editio:label-text('map.detail-label')"/>
              </xsl:call-template>
            </xsl:if>
          </xsl:if>
          <h2><xsl:sequence select="editio:label('map.table')"/></h2>
          <table class="map-table">
            <thead><tr><th scope="col"><xsl:sequence select="editio:label('map.place')"/></th><th scope="col"><xsl:sequence select="editio:label('map.lat')"/></th><th scope="col"><xsl:sequence select="editio:label('map.lon')"/></th><th scope="col"><xsl:sequence select="editio:label('map.docs')"/></th></tr></thead>
            <tbody>
              <xsl:for-each select="$points">
                <xsl:sort select="@name"/>
                <tr><td><a href="places.html#{@id}"><xsl:value-of select="@name"/></a></td>
                  <td><xsl:value-of select="@lat"/></td><td><xsl:value-of select="@lon"/></td>
                  <td><xsl:value-of select="@docs"/></td></tr>
              </xsl:for-each>
            </tbody>
          </table>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:result-document>
  </xsl:template>

  <xsl:template name="editio:map-svg">
    <xsl:param name="points" as="element(point)+"/>
    <xsl:param name="label" as="xs:string"/>
    <!-- points drawn in a detail map of their own: framed here, and not labelled twice -->
    <xsl:param name="detail" as="element(point)*" select="()"/>
    <xsl:variable name="pad" select="1.0"/>
    <xsl:variable name="min-lon" select="min($points/xs:double(@lon)) - $pad"/>
    <xsl:variable name="max-lon" select="max($points/xs:double(@lon)) + $pad"/>
    <xsl:variable name="min-lat" select="min($points/xs:double(@lat)) - $pad"/>
    <xsl:variable name="max-lat" select="max($points/xs:double(@lat)) + $pad"/>
    <xsl:variable name="w" select="1000"/>
    <xsl:variable name="scale" select="$w div ($max-lon - $min-lon)"/>
    <xsl:variable name="h" select="xs:integer(ceiling(($max-lat - $min-lat) * $scale))"/>
    <svg xmlns="http://www.w3.org/2000/svg" class="figure-svg map" viewBox="-10 -10 {$w + 120} {$h + 20}"
         role="group" aria-label="{$label}">
      <rect class="map-frame" x="0" y="0" width="{$w}" height="{$h}"/>
      <xsl:variable name="step" select="if ($max-lon - $min-lon gt 40) then 10 else if ($max-lon - $min-lon gt 10) then 5 else 1"/>
      <xsl:for-each select="xs:integer(ceiling($min-lon div $step)) to xs:integer(floor($max-lon div $step))">
        <xsl:variable name="x" select="format-number((. * $step - $min-lon) * $scale, '0.0')"/>
        <line class="map-grid" x1="{$x}" y1="0" x2="{$x}" y2="{$h}"/>
        <text class="map-grid-label" x="{$x}" y="{$h - 3}"><xsl:value-of select=". * $step"/><xsl:sequence select="editio:label('map.east')"/></text>
      </xsl:for-each>
      <xsl:for-each select="xs:integer(ceiling($min-lat div $step)) to xs:integer(floor($max-lat div $step))">
        <xsl:variable name="y" select="format-number(($max-lat - . * $step) * $scale, '0.0')"/>
        <line class="map-grid" x1="0" y1="{$y}" x2="{$w}" y2="{$y}"/>
        <text class="map-grid-label" x="3" y="{$y}"><xsl:value-of select=". * $step"/><xsl:sequence select="editio:label('map.north')"/></text>
      </xsl:for-each>
      <xsl:variable name="placed" as="element(point)*">
        <xsl:for-each select="$points">
          <point xmlns="" x="{(xs:double(@lon) - $min-lon) * $scale}" y="{($max-lat - xs:double(@lat)) * $scale}">
            <xsl:copy-of select="@id, @name, @docs"/>
          </point>
        </xsl:for-each>
      </xsl:variable>
      <xsl:if test="exists($detail)">
        <xsl:variable name="dx1" select="(min($detail/xs:double(@lon)) - $pad - $min-lon) * $scale"/>
        <xsl:variable name="dx2" select="(max($detail/xs:double(@lon)) + $pad - $min-lon) * $scale"/>
        <xsl:variable name="dy1" select="($max-lat - max($detail/xs:double(@lat)) - $pad) * $scale"/>
        <xsl:variable name="dy2" select="($max-lat - min($detail/xs:double(@lat)) + $pad) * $scale"/>
        <rect class="map-detail" x="{format-number($dx1, '0.0')}" y="{format-number($dy1, '0.0')}"
              width="{format-number($dx2 - $dx1, '0.0')}" height="{format-number($dy2 - $dy1, '0.0')}"/>
      </xsl:if>
      <xsl:for-each select="$placed">
        <xsl:variable name="x" select="xs:double(@x)"/>
        <xsl:variable name="y" select="xs:double(@y)"/>
        <!-- a label whose right side another point crowds goes to the left of its point -->
        <xsl:variable name="left" select="exists($placed[xs:double(@x) gt $x and xs:double(@x) - $x lt 7 * string-length(current()/@name) + 10
                                                         and abs(xs:double(@y) - $y) lt 12])
                                          or $x + 7 * string-length(@name) gt $w + 110"/>
        <a href="places.html#{@id}">
          <title><xsl:value-of select="@name"/></title>
          <circle class="map-point" cx="{format-number($x, '0.0')}" cy="{format-number($y, '0.0')}" r="{if (@docs != '0') then 5 else 3}"/>
          <text class="map-label{if (@id = $detail/@id) then ' visually-hidden' else ''}" x="{format-number(if ($left) then $x - 7 else $x + 7, '0.0')}" y="{format-number($y + 4, '0.0')}">
            <xsl:if test="$left"><xsl:attribute name="text-anchor" select="'end'"/></xsl:if>
            <xsl:value-of select="@name"/>
          </text>
        </a>
      </xsl:for-each>
    </svg>
  </xsl:template>
</xsl:stylesheet>

<?xml version="1.0" encoding="UTF-8"?>
<!--
  Stage 3 of the web edition: the pages made from all the documents' summaries (site.xml) and the authority
  files, never from the documents themselves: the home page (introduction, bracket conventions, every document
  with filters), the indexes and the map (indexes.xsl), the correspondence view, the archive list, the search
  page. Run as a named template: $site = URI of site.xml, $tei = URI of the tei/ folder (ending in /).
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:math="http://www.w3.org/2005/xpath-functions/math"
  xmlns:editio="https://editio.invalid/ns"
  exclude-result-prefixes="#all">

  <xsl:import href="common.xsl"/>
  <xsl:import href="indexes.xsl"/>

  <xsl:param name="site" as="xs:string" select="''"/>
  <!-- site.xml parsed by the caller (else read from $site): one tree for the calls of a build in parts -->
  <xsl:param name="site-tree" as="document-node()?" select="()"/>
  <!-- Which pages to write: 'all' (one transformation), or one part — 'home', an authority file's name
       ('persons.xml': its index), 'map', 'correspondence', 'archives', 'search' — for a large edition, whose
       build makes each part in a transformation of its own, so that the trees of one page are freed before the
       next is made (the pages are byte for byte the same either way). -->
  <xsl:param name="part" as="xs:string" select="'all'"/>
  <xsl:param name="tei" as="xs:string" required="yes"/>
  <!-- The search script (xslt/html/js/search.js) is loaded by the search page when the build has it. -->
  <xsl:param name="search-script" as="xs:boolean" select="false()"/>
  <!-- the print edition's whole volume in the site (pdf/edition.pdf), '' when there is none -->
  <xsl:param name="volume-href" as="xs:string" select="''"/>

  <xsl:variable name="site-doc" select="($site-tree, doc($site))[1]"/>
  <!-- a summary by its document's id (the correspondence table: a look-up per letter, where a search of every
       summary made the page quadratic, 2.7 s of CPU at 2,000 documents) -->
  <xsl:key name="editio:doc" match="site/doc" use="@id"/>
  <xsl:variable name="docs" select="$site-doc/site/doc"/>
  <xsl:variable name="first-tei" select="doc($tei || $docs[1]/@source)"/>
  <xsl:variable name="authority-files" select="distinct-values($first-tei//tei:prefixDef/substring-before(@replacementPattern, '#'))"/>

  <xsl:function name="editio:name-of" as="xs:string">
    <xsl:param name="target" as="xs:string"/>
    <xsl:sequence select="(editio:main-form(editio:entry($target, $first-tei)), substring-after($target, '#'))[1]"/>
  </xsl:function>

  <xsl:template name="xsl:initial-template">
    <xsl:if test="$part = ('all', 'home')"><xsl:call-template name="home"/></xsl:if>
    <xsl:for-each select="$authority-files[$part = ('all', .)][doc-available($tei || .)]">
      <xsl:call-template name="editio:index-page">
        <xsl:with-param name="authority" select="doc($tei || .)"/>
        <xsl:with-param name="file" select="."/>
        <xsl:with-param name="site" select="$site-doc"/>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:variable name="places-file" select="$first-tei//tei:prefixDef[@ident = 'pla']/substring-before(@replacementPattern, '#')"/>
    <xsl:if test="$part = ('all', 'map') and $places-file and doc-available($tei || $places-file)">
      <xsl:call-template name="editio:map-page">
        <xsl:with-param name="places" select="doc($tei || $places-file)"/>
        <xsl:with-param name="site" select="$site-doc"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:if test="$part = ('all', 'correspondence')"><xsl:call-template name="correspondence"/></xsl:if>
    <xsl:if test="$part = ('all', 'archives')"><xsl:call-template name="archives"/></xsl:if>
    <xsl:if test="$part = ('all', 'search')"><xsl:call-template name="search"/></xsl:if>
  </xsl:template>

  <!-- ===== home ===== -->
  <!-- Who acted in a role: the names, then the offices the action names ("Roshchin, SOVIET AMBASSADOR"), as the
       document's panel gives them. -->
  <xsl:function name="editio:parties" as="xs:string">
    <xsl:param name="doc" as="element(doc)"/>
    <xsl:param name="role" as="xs:string"/>
    <xsl:sequence select="string-join($doc/(party | office)[@role = $role]/normalize-space(), ', ')"/>
  </xsl:function>

  <!-- The same as words of the TEI in the page: with their language where it is not the page's. -->
  <xsl:function name="editio:parties-shown" as="node()*">
    <xsl:param name="doc" as="element(doc)"/>
    <xsl:param name="role" as="xs:string"/>
    <xsl:variable name="who" select="$doc/(party | office)[@role = $role]"/>
    <xsl:variable name="lang" select="editio:lang-attribute(($who/@lang)[1])"/>
    <xsl:choose>
      <xsl:when test="$lang"><span><xsl:sequence select="$lang"/><xsl:value-of select="editio:parties($doc, $role)"/></span></xsl:when>
      <xsl:otherwise><xsl:value-of select="editio:parties($doc, $role)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <xsl:template name="home">
    <xsl:call-template name="editio:page">
      <xsl:with-param name="title" select="editio:label-text('home.title')"/>
      <xsl:with-param name="here" select="'index.html'"/>
      <xsl:with-param name="content-of" as="element()"><editio:content page="home"/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- home: the page's main, written as it is made (common.xsl, editio:page) -->
  <xsl:template match="editio:content[@page = 'home']" mode="editio:page-content">
        <h1><xsl:value-of select="$edition-title"/></h1>
        <xsl:if test="$edition-subtitle[.]"><p class="subtitle"><xsl:value-of select="$edition-subtitle"/></p></xsl:if>
        <section class="intro" aria-labelledby="intro-heading">
          <h2 id="intro-heading"><xsl:sequence select="editio:label('home.about')"/></h2>
          <p><xsl:sequence select="editio:label('home.intro', [count($docs), string($docs[1]/date), string($docs[last()]/date)])"/></p>
          <xsl:if test="$volume-href[.]">
            <p class="volume"><xsl:sequence select="editio:label('home.volume', [$volume-href])"/></p>
          </xsl:if>
        </section>
        <section aria-labelledby="docs-heading">
          <h2 id="docs-heading"><xsl:sequence select="editio:label('home.documents')"/></h2>
          <xsl:call-template name="filters"/>
          <ol class="doc-list" id="doc-list">
            <xsl:for-each select="$docs">
              <li data-year="{@year}"
                  data-person="{distinct-values(mention[@kind = 'persName']/@ref)}"
                  data-place="{distinct-values(mention[@kind = 'placeName']/@ref)}"
                  data-kind="{feature/@key}">
                <span class="doc-date"><time datetime="{@when}"><xsl:value-of select="date"/></time></span>
                <a class="doc-title" href="{@file}"><xsl:sequence select="editio:lang-attribute(title/@lang)"/><xsl:value-of select="title"/></a>
                <!-- a record (a journal, minutes) names no correspondent: no arrow between nobody and nobody -->
                <xsl:if test="(party | office)[@role = ('sent', 'received')]">
                  <span class="doc-parties">
                    <xsl:sequence select="editio:parties-shown(., 'sent')"/>
                    <xsl:text> → </xsl:text>
                    <xsl:sequence select="editio:parties-shown(., 'received')"/>
                    <xsl:if test="(party | office)[@role = 'transmitted']">
                      <xsl:sequence select="editio:label('home.via', [editio:parties-shown(., 'transmitted')])"/>
                    </xsl:if>
                  </span>
                </xsl:if>
                <xsl:if test="summary[.]"><p class="doc-summary"><xsl:sequence select="editio:lang-attribute(summary/@lang)"/><xsl:value-of select="summary"/></p></xsl:if>
              </li>
            </xsl:for-each>
          </ol>
        </section>
        <section class="intro principles" aria-labelledby="principles-heading">
          <h2 id="principles-heading"><xsl:sequence select="editio:label('home.principles')"/></h2>
          <xsl:for-each select="$first-tei//tei:editorialDecl/(tei:p[not(tei:list)], tei:correction/tei:p, tei:normalization/tei:p)">
            <p><xsl:apply-templates mode="decl"/></p>
          </xsl:for-each>
          <xsl:variable name="gloss" select="$first-tei//tei:editorialDecl//tei:list[@type = 'gloss']"/>
          <xsl:if test="$gloss">
            <h3 id="brackets"><xsl:sequence select="editio:label('home.brackets')"/></h3>
            <table class="brackets">
              <caption class="visually-hidden"><xsl:sequence select="editio:label('home.brackets-caption')"/></caption>
              <thead><tr><th scope="col"><xsl:sequence select="editio:label('home.in-source')"/></th><th scope="col"><xsl:sequence select="editio:label('home.meaning')"/></th></tr></thead>
              <tbody>
                <xsl:for-each select="$gloss/tei:label">
                  <tr id="bracket-{following-sibling::tei:item[1]/@n}">
                    <td><code><xsl:value-of select="."/></code></td>
                    <td><xsl:apply-templates select="following-sibling::tei:item[1]/node()" mode="decl"/></td>
                  </tr>
                </xsl:for-each>
              </tbody>
            </table>
          </xsl:if>
        </section>
  </xsl:template>

  <xsl:mode name="decl" on-no-match="text-only-copy"/>
  <xsl:template match="tei:code" mode="decl"><code><xsl:value-of select="."/></code></xsl:template>
  <xsl:template match="tei:gi" mode="decl"><code>&lt;<xsl:value-of select="."/>&gt;</code></xsl:template>

  <!-- The filters: select elements over the data-* attributes of the list (js/edition.js); without
       JavaScript they stay hidden and the whole list shows. -->
  <xsl:template name="filters">
    <form class="filters" id="doc-filters" hidden="" data-pagefind-ignore="">
      <xsl:call-template name="filter">
        <xsl:with-param name="key" select="'year'"/>
        <xsl:with-param name="label" select="editio:label-text('filter.year')"/>
        <xsl:with-param name="options" as="element(option)*">
          <xsl:for-each-group select="$docs" group-by="@year">
            <option value="{current-grouping-key()}"><xsl:value-of select="current-grouping-key() || ' (' || count(current-group()) || ')'"/></option>
          </xsl:for-each-group>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="filter">
        <xsl:with-param name="key" select="'person'"/>
        <xsl:with-param name="label" select="editio:label-text('filter.person')"/>
        <xsl:with-param name="options" select="editio:name-options('persName')"/>
      </xsl:call-template>
      <xsl:call-template name="filter">
        <xsl:with-param name="key" select="'place'"/>
        <xsl:with-param name="label" select="editio:label-text('filter.place')"/>
        <xsl:with-param name="options" select="editio:name-options('placeName')"/>
      </xsl:call-template>
      <xsl:call-template name="filter">
        <xsl:with-param name="key" select="'kind'"/>
        <xsl:with-param name="label" select="editio:label-text('filter.kind')"/>
        <xsl:with-param name="options" as="element(option)*">
          <xsl:for-each-group select="$docs/feature" group-by="@key">
            <option value="{current-grouping-key()}"><xsl:value-of select="current-group()[1]"/></option>
          </xsl:for-each-group>
        </xsl:with-param>
      </xsl:call-template>
      <button type="reset"><xsl:sequence select="editio:label('filter.reset')"/></button>
      <p class="filter-count" id="filter-count" aria-live="polite"></p>
    </form>
  </xsl:template>

  <xsl:function name="editio:name-options" as="element(option)*">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:for-each-group select="$docs/mention[@kind = $kind]" group-by="@ref">
      <xsl:sort select="lower-case(editio:name-of(@target))"/>
      <option value="{current-grouping-key()}">
        <xsl:value-of select="editio:name-of(@target) || ' (' || count(current-group()) || ')'"/>
      </option>
    </xsl:for-each-group>
  </xsl:function>

  <xsl:template name="filter">
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="label" as="xs:string"/>
    <xsl:param name="options" as="element(option)*"/>
    <label for="filter-{$key}"><xsl:value-of select="$label"/>
      <select id="filter-{$key}" name="{$key}" data-key="{$key}">
        <option value=""><xsl:sequence select="editio:label('filter.all')"/></option>
        <xsl:sequence select="$options"/>
      </select>
    </label>
  </xsl:template>

  <!-- ===== correspondence: who wrote to whom (network) and when (timeline), SVG at build time ===== -->
  <xsl:template name="correspondence">
    <xsl:variable name="letters" as="element(letter)*">
      <xsl:for-each select="$docs">
        <xsl:variable name="d" select="."/>
        <xsl:for-each select="party[@role = 'sent'][@target]">
          <xsl:variable name="from" select="."/>
          <xsl:for-each select="$d/party[@role = 'received'][@target]">
            <letter from="{$from/@target}" to="{@target}" doc="{$d/@id}"/>
          </xsl:for-each>
        </xsl:for-each>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="people" select="distinct-values(($letters/@from, $letters/@to))"/>
    <xsl:result-document href="correspondence.html">
      <xsl:call-template name="editio:page">
        <xsl:with-param name="title" select="editio:label-text('corr.title')"/>
        <xsl:with-param name="here" select="'correspondence.html'"/>
        <xsl:with-param name="content-of" as="element()"><editio:content page="correspondence"/></xsl:with-param>
        <xsl:with-param name="letters" select="$letters" tunnel="yes"/>
        <xsl:with-param name="people" select="$people" tunnel="yes"/>
      </xsl:call-template>
    </xsl:result-document>
  </xsl:template>

  <!-- correspondence: the page's main, written as it is made (common.xsl, editio:page) -->
  <xsl:template match="editio:content[@page = 'correspondence']" mode="editio:page-content">
    <xsl:param name="letters" as="element(letter)*" tunnel="yes"/>
    <xsl:param name="people" as="xs:anyAtomicType*" tunnel="yes"/>
          <h1><xsl:sequence select="editio:label('corr.title')"/></h1>
          <p class="intro"><xsl:sequence select="editio:label('corr.intro')"/></p>
          <h2><xsl:sequence select="editio:label('corr.network')"/></h2>
          <xsl:variable name="n" select="count($people)"/>
          <xsl:variable name="r" select="220"/>
          <xsl:variable name="cx" select="420"/>
          <xsl:variable name="cy" select="270"/>
          <xsl:variable name="pos" as="element(node)*">
            <xsl:for-each select="$people">
              <xsl:variable name="a" select="2 * math:pi() * (position() - 1) div $n - math:pi() div 2"/>
              <node target="{.}" x="{format-number($cx + $r * math:cos($a), '0.0')}" y="{format-number($cy + $r * math:sin($a), '0.0')}"/>
            </xsl:for-each>
          </xsl:variable>
          <svg xmlns="http://www.w3.org/2000/svg" class="figure-svg network" viewBox="0 0 840 550" role="group"
               aria-label="{editio:label-text('corr.network-label')}">
            <defs>
              <marker id="net-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="5" markerHeight="5"
                      orient="auto-start-reverse"><path class="net-arrow" d="M0,0 L10,5 L0,10 z"/></marker>
            </defs>
            <!-- each line from sender to recipient ends at the recipient's circle, set a little to its own side
                 so that letters both ways show as two lines -->
            <xsl:for-each-group select="$letters" group-by="@from || ' ' || @to">
              <xsl:variable name="a" select="$pos[@target = current-group()[1]/@from]"/>
              <xsl:variable name="b" select="$pos[@target = current-group()[1]/@to]"/>
              <xsl:variable name="dx" select="xs:double($b/@x) - xs:double($a/@x)"/>
              <xsl:variable name="dy" select="xs:double($b/@y) - xs:double($a/@y)"/>
              <xsl:variable name="len" select="max((1, math:sqrt($dx * $dx + $dy * $dy)))"/>
              <xsl:variable name="ux" select="$dx div $len"/>
              <xsl:variable name="uy" select="$dy div $len"/>
              <line class="net-edge" marker-end="url(#net-arrow)"
                    x1="{format-number(xs:double($a/@x) + 11 * $ux - 3 * $uy, '0.0')}"
                    y1="{format-number(xs:double($a/@y) + 11 * $uy + 3 * $ux, '0.0')}"
                    x2="{format-number(xs:double($b/@x) - 12 * $ux - 3 * $uy, '0.0')}"
                    y2="{format-number(xs:double($b/@y) - 12 * $uy + 3 * $ux, '0.0')}"
                    stroke-width="{1 + count(current-group())}">
                <title><xsl:value-of select="editio:label-text('corr.edge', [editio:name-of(current-group()[1]/@from),
                  editio:name-of(current-group()[1]/@to), count(current-group())])"/></title>
              </line>
            </xsl:for-each-group>
            <xsl:for-each select="$pos">
              <a href="{editio:index-href(@target)}">
                <circle class="net-node" cx="{@x}" cy="{@y}" r="9"/>
                <text class="net-label" x="{@x}" y="{if (xs:double(@y) gt $cy) then xs:double(@y) + 25 else xs:double(@y) - 14}" text-anchor="middle"><xsl:value-of select="editio:name-of(@target)"/></text>
              </a>
            </xsl:for-each>
          </svg>
          <table>
            <caption class="visually-hidden"><xsl:sequence select="editio:label('corr.table-caption')"/></caption>
            <thead><tr><th scope="col"><xsl:sequence select="editio:label('corr.from')"/></th><th scope="col"><xsl:sequence select="editio:label('corr.to')"/></th><th scope="col"><xsl:sequence select="editio:label('corr.docs')"/></th></tr></thead>
            <tbody>
              <xsl:for-each-group select="$letters" group-by="@from || ' ' || @to">
                <tr>
                  <td><a href="{editio:index-href(@from)}"><xsl:value-of select="editio:name-of(@from)"/></a></td>
                  <td><a href="{editio:index-href(@to)}"><xsl:value-of select="editio:name-of(@to)"/></a></td>
                  <td>
                    <xsl:for-each select="current-group()">
                      <xsl:variable name="d" select="key('editio:doc', @doc, $site-doc)"/>
                      <a href="{$d/@file}"><xsl:value-of select="$d/date"/></a>
                      <xsl:if test="position() ne last()">; </xsl:if>
                    </xsl:for-each>
                  </td>
                </tr>
              </xsl:for-each-group>
            </tbody>
          </table>
          <h2><xsl:sequence select="editio:label('corr.timeline')"/></h2>
          <xsl:call-template name="timeline"/>
  </xsl:template>

  <xsl:template name="timeline">
    <!-- letters only: a record that names no correspondent is not part of who wrote to whom -->
    <xsl:variable name="dated" select="$docs[substring(@when, 1, 10) castable as xs:date]
                                            [(party | office)[@role = ('sent', 'received')]]"/>
    <xsl:variable name="days" select="for $d in $dated return xs:date(substring($d/@when, 1, 10))"/>
    <xsl:if test="exists($days)">
      <xsl:variable name="start" select="min($days)"/>
      <xsl:variable name="span" select="max((1, days-from-duration(max($days) - $start)))"/>
      <xsl:variable name="left" select="440"/>
      <xsl:variable name="width" select="370"/>
      <xsl:variable name="row" select="26"/>
      <xsl:variable name="h" select="count($dated) * $row + 40"/>
      <svg xmlns="http://www.w3.org/2000/svg" class="figure-svg timeline" viewBox="0 0 840 {$h}" role="group"
           aria-label="{editio:label-text('corr.timeline-label')}">
        <line class="tl-axis" x1="{$left}" y1="{$h - 28}" x2="{$left + $width}" y2="{$h - 28}"/>
        <!-- a tick at the first of a month, every $step months so that the labels keep apart -->
        <xsl:variable name="m0" select="year-from-date($start) * 12 + month-from-date($start)"/>
        <xsl:variable name="m1" select="year-from-date(max($days)) * 12 + month-from-date(max($days))"/>
        <xsl:variable name="step" select="max((1, xs:integer(ceiling(($m1 - $m0 + 1) * 70 div $width))))"/>
        <xsl:for-each select="($m0 + 1) to $m1">
          <xsl:if test="(. - $m0 - 1) mod $step = 0">
            <xsl:variable name="m" select="xs:date(format-number((. - 1) idiv 12, '0000') || '-' || format-number((. - 1) mod 12 + 1, '00') || '-01')"/>
            <xsl:variable name="x" select="$left + $width * days-from-duration($m - $start) div $span"/>
            <line class="tl-axis" x1="{format-number($x, '0.0')}" y1="{$h - 32}" x2="{format-number($x, '0.0')}" y2="{$h - 24}"/>
            <text class="tl-tick" x="{format-number($x, '0.0')}" y="{$h - 10}" text-anchor="middle"><xsl:value-of select="editio:month-short($m)"/></text>
          </xsl:if>
        </xsl:for-each>
        <xsl:for-each select="$dated">
          <xsl:variable name="i" select="position()"/>
          <xsl:variable name="x" select="$left + $width * days-from-duration(xs:date(substring(@when, 1, 10)) - $start) div $span"/>
          <xsl:variable name="y" select="($i - 1) * $row + 16"/>
          <a href="{@file}">
            <title><xsl:value-of select="date || ': ' || title"/></title>
            <text class="tl-label" x="{$left - 12}" y="{$y + 4}" text-anchor="end">
              <xsl:value-of select="date || ': ' || editio:parties(., 'sent') || ' → ' || editio:parties(., 'received')"/>
            </text>
            <circle class="tl-dot" cx="{format-number($x, '0.0')}" cy="{$y}" r="6"/>
          </a>
        </xsl:for-each>
      </svg>
    </xsl:if>
  </xsl:template>

  <!-- ===== archives: documents by repository and file ===== -->
  <xsl:template name="archives">
    <xsl:result-document href="archives.html">
      <xsl:call-template name="editio:page">
        <xsl:with-param name="title" select="editio:label-text('archives.title')"/>
        <xsl:with-param name="here" select="'archives.html'"/>
        <xsl:with-param name="content-of" as="element()"><editio:content page="archives"/></xsl:with-param>
      </xsl:call-template>
    </xsl:result-document>
  </xsl:template>

  <!-- archives: the page's main, written as it is made (common.xsl, editio:page) -->
  <xsl:template match="editio:content[@page = 'archives']" mode="editio:page-content">
          <h1><xsl:sequence select="editio:label('archives.title')"/></h1>
          <p class="intro"><xsl:sequence select="editio:label('archives.intro')"/></p>
          <xsl:variable name="types" select="distinct-values($docs/archive/idno/@type)"/>
          <xsl:for-each-group select="$docs/archive" group-by="(@institution[.], @repository)[1]">
            <xsl:sort select="current-grouping-key()"/>
            <h2><xsl:value-of select="current-grouping-key()"/>
              <xsl:if test="@repository[.] and @repository ne current-grouping-key()"> (<xsl:value-of select="@repository"/>)</xsl:if></h2>
            <table>
              <thead>
                <tr>
                  <xsl:for-each select="$types"><th scope="col"><xsl:value-of select="."/></th></xsl:for-each>
                  <th scope="col"><xsl:sequence select="editio:label('archives.document')"/></th>
                </tr>
              </thead>
              <tbody>
                <xsl:for-each select="current-group()">
                  <xsl:sort select="string-join(for $t in $types return format-number(number(replace(idno[@type = $t], '\D.*', '')), '000000', 'editio'), ' ')"/>
                  <xsl:variable name="a" select="."/>
                  <tr>
                    <xsl:for-each select="$types"><td><xsl:value-of select="$a/idno[@type = current()]"/></td></xsl:for-each>
                    <td><a href="{../@file}"><xsl:value-of select="../date || ', '"/><xsl:apply-templates select="../title" mode="editio:lang"/></a></td>
                  </tr>
                </xsl:for-each>
              </tbody>
            </table>
          </xsl:for-each-group>
  </xsl:template>

  <xsl:decimal-format name="editio" NaN="000000"/>

  <!-- ===== search: the markup; the index (pagefind) and js/search.js come with the search stage ===== -->
  <xsl:template name="search">
    <xsl:result-document href="search.html">
      <xsl:call-template name="editio:page">
        <xsl:with-param name="title" select="editio:label-text('search.title')"/>
        <xsl:with-param name="here" select="'search.html'"/>
        <xsl:with-param name="csp" select="replace($editio:csp, &quot;script-src 'self'&quot;, &quot;script-src 'self' 'wasm-unsafe-eval'&quot;)"/>
        <xsl:with-param name="scripts" select="('js/edition.js', if ($search-script) then 'js/search.js' else ())"/>
        <xsl:with-param name="script-words" select="$editio:edition-script-words, $editio:search-script-words"/>
        <xsl:with-param name="content">
          <h1><xsl:sequence select="editio:label('search.title')"/></h1>
          <div id="search" class="search">
            <form class="search-form" id="search-form" role="search" action="search.html" method="get">
              <label for="search-input"><xsl:sequence select="editio:label('search.label')"/></label>
              <input type="search" id="search-input" name="q" autocomplete="off"/>
              <button type="submit"><xsl:sequence select="editio:label('search.button')"/></button>
            </form>
            <div id="search-filters" class="search-filters"></div>
            <p class="search-note" id="search-status" aria-live="polite"><xsl:sequence select="editio:label('search.needs')"/></p>
            <div id="search-results" class="search-results"></div>
          </div>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:result-document>
  </xsl:template>
</xsl:stylesheet>

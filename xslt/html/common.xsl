<?xml version="1.0" encoding="UTF-8"?>
<!--
  What every page of the web edition shares: the edition's settings, the page frame (header with the site's
  navigation, main, footer; CSP, stylesheet and script as files), the link of a name to its index entry and the
  card of an authority entry (captured at build time from the authority files, no live look-up).
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:editio="https://editio.invalid/ns"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:array="http://www.w3.org/2005/xpath-functions/array"
  exclude-result-prefixes="#all">

  <xsl:import href="../common/addresses.xsl"/>
  <xsl:import href="../common/correspondence.xsl"/>
  <xsl:import href="../common/dates.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no" include-content-type="no"/>

  <xsl:param name="edition-title" as="xs:string" select="'Untitled edition'"/>
  <xsl:param name="edition-subtitle" as="xs:string" select="''"/>
  <xsl:param name="edition-short-title" as="xs:string" select="''"/>
  <xsl:param name="edition-editors" as="xs:string" select="''"/>
  <xsl:param name="edition-publisher" as="xs:string" select="''"/>
  <xsl:param name="edition-licence" as="xs:string" select="''"/>
  <xsl:param name="edition-licence-url" as="xs:string" select="''"/>
  <xsl:param name="edition-language" as="xs:string" select="'en'"/>
  <!-- Set only by `editio serve`: the address of its reload script (xslt/html/serve/live-reload.js); a published
       build leaves it empty, so its pages load no such script. -->
  <xsl:param name="live-reload" as="xs:string" select="''"/>

  <!-- ===== the interface's words: labels.xml, in the edition's language (else English) ===== -->
  <!-- key → entry; made once by the caller for a build of many transformations (as $authorities: an index made
       here would be made again in each), else from the file beside this one. -->
  <xsl:param name="label-entries" as="map(xs:string, element(label))"
    select="map:merge(doc('labels.xml')/labels/label ! map { string(@key): . })"/>
  <xsl:variable name="editio:lang" as="xs:string"
    select="string(lower-case(tokenize($edition-language, '[-_]')[1]))"/>

  <!-- A lang attribute for words in $lang (a TEI xml:lang) on a page in the edition's language, where the two
       differ (a screen reader then reads each in its own); none for words of no stated or undetermined ('und')
       language. -->
  <xsl:function name="editio:lang-attribute" as="attribute(lang)?">
    <xsl:param name="lang" as="xs:string?"/>
    <xsl:variable name="primary" select="lower-case(tokenize(string($lang), '-')[1])"/>
    <xsl:if test="$primary and $primary ne 'und' and $primary ne $editio:lang">
      <xsl:attribute name="lang" select="$lang"/>
    </xsl:if>
  </xsl:function>

  <!-- A document's title (its summary's title element) as words of the TEI, with their language. -->
  <xsl:template match="title" mode="editio:lang">
    <span class="doc-title-words"><xsl:sequence select="editio:lang-attribute(@lang)"/><xsl:value-of select="."/></span>
  </xsl:template>

  <!-- The entry of a key in the edition's language, else in English; a key the table lacks stops the page. -->
  <xsl:function name="editio:words" as="element()">
    <xsl:param name="key" as="xs:string"/>
    <xsl:variable name="entry" select="$label-entries($key)"/>
    <xsl:sequence select="($entry/*[local-name() = $editio:lang], $entry/en,
      error(QName('https://editio.invalid/ns', 'editio:no-label'),
            'labels.xml has no English words for the key ' || $key))[1]"/>
  </xsl:function>

  <!-- The words of a key, its <v n="i"/> replaced by $values(i) (an array: a value may be nodes, a link). Plain
       words (most entries) are one text node; an entry with HTML elements is copied by mode editio:label. -->
  <xsl:function name="editio:label" as="node()*">
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="values" as="array(*)"/>
    <xsl:variable name="words" select="editio:words($key)"/>
    <xsl:choose>
      <xsl:when test="$words/*[not(self::v)] or array:size($values) and
                      (some $v in $values?* satisfies $v instance of node())">
        <xsl:apply-templates select="$words/node()" mode="editio:label">
          <xsl:with-param name="values" select="$values" tunnel="yes"/>
        </xsl:apply-templates>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="replace(string-join($words/node() ! (if (self::v) then string($values(xs:integer(@n)))
                                                                     else string(.))), '\s+', ' ')"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <xsl:function name="editio:label" as="node()*">
    <xsl:param name="key" as="xs:string"/>
    <xsl:sequence select="editio:label($key, [])"/>
  </xsl:function>

  <!-- The same as plain words (for an attribute, a title, a string). -->
  <xsl:function name="editio:label-text" as="xs:string">
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="values" as="array(*)"/>
    <xsl:sequence select="editio:fill(editio:words($key), $values)"/>
  </xsl:function>

  <!-- An entry's words (editio:words) as plain words with its values: for words looked up once and used on every
       block of a page. -->
  <xsl:function name="editio:fill" as="xs:string">
    <xsl:param name="words" as="element()"/>
    <xsl:param name="values" as="array(*)"/>
    <xsl:sequence select="normalize-space(string-join($words/node() !
                            (if (self::v) then string-join($values(xs:integer(@n)) ! string()) else string(.))))"/>
  </xsl:function>

  <xsl:function name="editio:label-text" as="xs:string">
    <xsl:param name="key" as="xs:string"/>
    <xsl:sequence select="editio:label-text($key, [])"/>
  </xsl:function>

  <!-- ===== dates in the edition's language (labels.xml: date.*), not format-date's: SaxonC-HE names months in
       English only. The pattern of a day (date.day: day, month, year), of a month (date.month: month, year), of a
       day with its time (date.time: the day, HH:MM), the months' names (date.month.1 …) and their short forms for
       the timeline (date.month-short.1 …). This overrides the English default of ../common/dates.xsl. ===== -->
  <xsl:function name="editio:date-words" as="xs:string">
    <xsl:param name="date" as="xs:date"/>
    <xsl:param name="precision" as="xs:string"/>
    <xsl:param name="time" as="xs:string?"/>
    <xsl:variable name="month" select="editio:label-text('date.month.' || month-from-date($date))"/>
    <xsl:variable name="year" select="string(year-from-date($date))"/>
    <xsl:variable name="words" select="if ($precision = 'month') then editio:label-text('date.month', [$month, $year])
                                       else editio:label-text('date.day', [day-from-date($date), $month, $year])"/>
    <xsl:sequence select="if ($time) then editio:label-text('date.time', [$words, $time]) else $words"/>
  </xsl:function>

  <!-- A month's short name and its year, for a scale (the correspondence timeline). -->
  <xsl:function name="editio:month-short" as="xs:string">
    <xsl:param name="date" as="xs:date"/>
    <xsl:sequence select="editio:label-text('date.month', [editio:label-text('date.month-short.' || month-from-date($date)),
                                                           year-from-date($date)])"/>
  </xsl:function>

  <xsl:mode name="editio:label" on-no-match="shallow-copy"/>
  <xsl:template match="v" mode="editio:label">
    <xsl:param name="values" as="array(*)" tunnel="yes"/>
    <xsl:for-each select="$values(xs:integer(@n))">
      <xsl:choose>
        <xsl:when test=". instance of node()"><xsl:sequence select="."/></xsl:when>
        <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>
  <!-- an attribute "{1}": the first value -->
  <xsl:template match="@*[matches(., '^\{\d+\}$')]" mode="editio:label">
    <xsl:param name="values" as="array(*)" tunnel="yes"/>
    <xsl:attribute name="{name()}" select="$values(xs:integer(replace(., '\D', '')))"/>
  </xsl:template>
  <!-- the words' white space as in a paragraph: the file's line breaks are not the page's -->
  <xsl:template match="text()" mode="editio:label">
    <xsl:value-of select="replace(., '\s+', ' ')"/>
  </xsl:template>

  <!-- The words the page's scripts write (js/edition.js, js/search.js read them from body/@data-labels): only
       those of its scripts ($keys, without the 'js.' of labels.xml), a page made a thousand times carries two. -->
  <xsl:function name="editio:script-labels" as="xs:string">
    <xsl:param name="keys" as="xs:string*"/>
    <xsl:sequence select="serialize(map:merge(for $k in $keys return map { $k: editio:label-text('js.' || $k) }),
                          map { 'method': 'json' })"/>
  </xsl:function>

  <!-- what js/edition.js writes, and js/search.js -->
  <xsl:variable name="editio:edition-script-words" select="('filter-count', 'copied')"/>
  <xsl:variable name="editio:search-script-words"
    select="sort(map:keys($label-entries)[starts-with(., 'js.')]) ! substring-after(., 'js.')"/>

  <!-- No inline script or style anywhere: everything the page loads comes from the site's own folder. -->
  <xsl:variable name="editio:csp" as="xs:string"
    select="&quot;default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; &quot;
            || &quot;object-src 'none'; base-uri 'none'; form-action 'self'&quot;"/>

  <!-- The site's pages, in the order of its navigation. -->
  <xsl:variable name="editio:site-nav" as="element(page)+">
    <page href="index.html" label="nav.index"/>
    <page href="persons.html" label="nav.persons"/>
    <page href="places.html" label="nav.places"/>
    <page href="orgs.html" label="nav.orgs"/>
    <page href="map.html" label="nav.map"/>
    <page href="correspondence.html" label="nav.correspondence"/>
    <page href="archives.html" label="nav.archives"/>
    <page href="search.html" label="nav.search"/>
  </xsl:variable>

  <!-- The frame of every page. $here: the file of the page (marks the current navigation entry). -->
  <xsl:template name="editio:page">
    <xsl:param name="title" as="xs:string" required="yes"/>
    <xsl:param name="here" as="xs:string" required="yes"/>
    <!-- what the page shows in main: $content, made by the caller; or, where $content-of is given, what the
         caller's template in mode editio:page-content makes of it, written into the page as it is made (no
         tree of the whole content to build and copy: a page listing every document is made with the memory
         of none) -->
    <xsl:param name="content" as="node()*" select="()"/>
    <xsl:param name="content-of" as="item()?" select="()"/>
    <xsl:param name="csp" as="xs:string" select="$editio:csp"/>
    <xsl:param name="scripts" as="xs:string*" select="'js/edition.js'"/>
    <xsl:param name="script-words" as="xs:string*" select="$editio:edition-script-words"/>
    <html lang="{$edition-language}">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta http-equiv="Content-Security-Policy" content="{$csp}"/>
        <title><xsl:value-of select="$title || ' — ' || ($edition-short-title[.], $edition-title)[1]"/></title>
        <!-- no icon: without this line browsers ask the host for /favicon.ico, outside the folder -->
        <link rel="icon" href="data:,"/>
        <link rel="stylesheet" href="css/edition.css"/>
        <link rel="stylesheet" href="css/print.css" media="print"/>
        <xsl:for-each select="$scripts, $live-reload[.]">
          <script src="{.}" defer=""></script>
        </xsl:for-each>
      </head>
      <body data-labels="{editio:script-labels($script-words)}">
        <a class="skip-link" href="#main"><xsl:sequence select="editio:label('skip')"/></a>
        <header class="site-header" data-pagefind-ignore="">
          <p class="site-title"><a href="index.html"><xsl:value-of select="$edition-title"/></a></p>
          <nav class="site-nav" aria-label="{editio:label-text('nav.edition')}">
            <ul>
              <xsl:for-each select="$editio:site-nav">
                <li>
                  <a href="{@href}">
                    <xsl:if test="@href = $here"><xsl:attribute name="aria-current" select="'page'"/></xsl:if>
                    <xsl:sequence select="editio:label(@label)"/>
                  </a>
                </li>
              </xsl:for-each>
            </ul>
          </nav>
        </header>
        <main id="main">
          <xsl:choose>
            <xsl:when test="exists($content-of)"><xsl:apply-templates select="$content-of" mode="editio:page-content"/></xsl:when>
            <xsl:otherwise><xsl:sequence select="$content"/></xsl:otherwise>
          </xsl:choose>
        </main>
        <footer class="site-footer" data-pagefind-ignore="">
          <p>
            <xsl:value-of select="$edition-title"/>
            <xsl:if test="$edition-editors[.]"><xsl:sequence select="editio:label('footer.edited-by', [$edition-editors])"/></xsl:if>
            <xsl:if test="$edition-publisher[.]"><xsl:sequence select="editio:label('footer.published-by', [$edition-publisher])"/></xsl:if>
            <xsl:text>. </xsl:text>
            <xsl:if test="$edition-licence[.]">
              <xsl:sequence select="editio:label('footer.licence')"/>
              <a href="{$edition-licence-url}" rel="license"><xsl:value-of select="$edition-licence"/></a>.
            </xsl:if>
          </p>
          <p>
            <xsl:choose>
              <xsl:when test="$edition-base-url[.]"><xsl:sequence select="editio:label('footer.address', [$edition-base-url])"/></xsl:when>
              <xsl:otherwise><xsl:sequence select="editio:label('footer.unpublished')"/></xsl:otherwise>
            </xsl:choose>
          </p>
        </footer>
      </body>
    </html>
  </xsl:template>

  <!-- ===== Names and their authority entries ===== -->

  <xsl:key name="editio:prefix" match="tei:prefixDef" use="@ident"/>

  <!-- 'per:stalin' → 'persons.xml#stalin', by the listPrefixDef of the document the reference stands in. -->
  <xsl:function name="editio:ref-target" as="xs:string">
    <xsl:param name="ref" as="xs:string"/>
    <xsl:param name="context" as="node()"/>
    <xsl:variable name="prefix" select="substring-before($ref, ':')"/>
    <xsl:variable name="def" select="key('editio:prefix', $prefix, root($context))[1]"/>
    <xsl:sequence select="if ($def) then replace(substring-after($ref, ':'), $def/@matchPattern, $def/@replacementPattern)
                          else $ref"/>
  </xsl:function>

  <!-- The index page of an authority file: persons.xml#stalin → persons.html#stalin. -->
  <xsl:function name="editio:index-href" as="xs:string">
    <xsl:param name="target" as="xs:string"/>
    <xsl:sequence select="replace($target, '\.xml(#|$)', '.html$1')"/>
  </xsl:function>

  <xsl:function name="editio:card-id" as="xs:string">
    <xsl:param name="ref" as="xs:string"/>
    <xsl:sequence select="'card-' || replace($ref, '[^A-Za-z0-9_\-]', '-')"/>
  </xsl:function>

  <xsl:key name="editio:entry" match="tei:person | tei:place | tei:org" use="@xml:id"/>

  <!-- The authority files parsed once by the caller (absolute URI → document), for a build that runs this
       stylesheet once per document: doc() would parse them again in every transformation. Optional: a file
       not in the map is read with doc(). -->
  <xsl:param name="authorities" as="map(xs:string, document-node())" select="map{}"/>

  <!-- The authority entry a target (persons.xml#stalin) points at, looked up beside the document $context. -->
  <xsl:function name="editio:entry" as="element()?">
    <xsl:param name="target" as="xs:string"/>
    <xsl:param name="context" as="node()"/>
    <xsl:variable name="file" select="resolve-uri(substring-before($target, '#'), base-uri(root($context)))"/>
    <xsl:variable name="authority" select="if (map:contains($authorities, $file)) then $authorities($file)
                                           else if (doc-available($file)) then doc($file) else ()"/>
    <xsl:sequence select="$authority ! key('editio:entry', substring-after($target, '#'), .)[1]"/>
  </xsl:function>

  <xsl:function name="editio:main-form" as="xs:string?">
    <xsl:param name="entry" as="element()?"/>
    <xsl:sequence select="normalize-space(($entry/(tei:persName | tei:placeName | tei:orgName)[@type = 'main'],
                                            $entry/(tei:persName | tei:placeName | tei:orgName))[1])[.]"/>
  </xsl:function>

  <!-- The entry's external authority links: only the identifiers the authority file has. -->
  <xsl:variable name="editio:authorities" as="element(authority)+">
    <authority type="wikidata" label="Wikidata" url="https://www.wikidata.org/wiki/"/>
    <authority type="geonames" label="GeoNames" url="https://www.geonames.org/"/>
    <authority type="viaf" label="VIAF" url="https://viaf.org/viaf/"/>
    <authority type="gnd" label="GND" url="https://d-nb.info/gnd/"/>
  </xsl:variable>

  <xsl:template match="tei:idno" mode="authority-link">
    <xsl:variable name="authority" select="$editio:authorities[@type = current()/@type]"/>
    <xsl:if test="$authority">
      <a class="authority-link" href="{$authority/@url || normalize-space(.)}">
        <xsl:value-of select="$authority/@label || ' ' || normalize-space(.)"/>
      </a>
    </xsl:if>
  </xsl:template>

  <xsl:function name="editio:life-dates" as="xs:string?">
    <xsl:param name="entry" as="element()?"/>
    <xsl:variable name="b" select="$entry/tei:birth[@when | @notBefore | @notAfter][1]"/>
    <xsl:variable name="d" select="$entry/tei:death[@when | @notBefore | @notAfter][1]"/>
    <xsl:sequence select="if ($b or $d)
      then string-join((if ($b) then editio:date-reading($b) else '?', if ($d) then editio:date-reading($d) else ''), ' – ')
      else ()"/>
  </xsl:function>

  <!-- Forms other than the main one, each spelling once (case aside). -->
  <xsl:function name="editio:other-forms" as="xs:string*">
    <xsl:param name="entry" as="element()?"/>
    <xsl:variable name="main" select="editio:main-form($entry)"/>
    <xsl:for-each-group select="$entry/(tei:persName | tei:placeName | tei:orgName)[normalize-space(.) ne $main]"
                        group-by="lower-case(normalize-space(.))">
      <xsl:sequence select="normalize-space(current-group()[1])"/>
    </xsl:for-each-group>
  </xsl:function>

  <!-- A card: the entry in brief, shown beside a name on hover and keyboard focus (js/edition.js). $made: the
       entry's card body as cards.xsl made it once for the build (copied), else it is made here. -->
  <xsl:template name="editio:card">
    <xsl:param name="ref" as="xs:string" required="yes"/>
    <xsl:param name="entry" as="element()?" required="yes"/>
    <xsl:param name="href" as="xs:string" required="yes"/>
    <xsl:param name="made" as="element()?" select="()"/>
    <div class="card" id="{editio:card-id($ref)}" role="tooltip" data-ref="{$ref}">
      <xsl:choose>
        <xsl:when test="$made"><xsl:copy-of select="$made/node()"/></xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="editio:card-body">
            <xsl:with-param name="ref" select="$ref"/>
            <xsl:with-param name="entry" select="$entry"/>
            <xsl:with-param name="href" select="$href"/>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
    </div>
  </xsl:template>

  <xsl:template name="editio:card-body">
    <xsl:param name="ref" as="xs:string" required="yes"/>
    <xsl:param name="entry" as="element()?" required="yes"/>
    <xsl:param name="href" as="xs:string" required="yes"/>
    <p class="card-name"><xsl:value-of select="(editio:main-form($entry), $ref)[1]"/></p>
    <xsl:variable name="life" select="editio:life-dates($entry)"/>
    <xsl:if test="$life"><p class="card-dates"><xsl:value-of select="$life"/></p></xsl:if>
    <xsl:variable name="others" select="editio:other-forms($entry)"/>
    <xsl:if test="exists($others)">
      <p class="card-forms"><xsl:sequence select="editio:label('card.also')"/><xsl:value-of select="string-join($others, '; ')"/></p>
    </xsl:if>
    <xsl:if test="$entry/tei:note[@type = 'role']">
      <p class="card-role"><xsl:value-of select="normalize-space($entry/tei:note[@type = 'role'][1])"/></p>
    </xsl:if>
    <xsl:if test="not($entry)"><p class="card-role"><xsl:sequence select="editio:label('card.unknown')"/></p></xsl:if>
    <p class="card-links">
      <a href="{$href}"><xsl:sequence select="editio:label('card.entry')"/></a>
      <xsl:apply-templates select="$entry/tei:idno" mode="authority-link"/>
    </p>
  </xsl:template>
</xsl:stylesheet>

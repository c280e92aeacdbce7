<?xml version="1.0" encoding="UTF-8"?>
<!--
  Stage 2 of the web edition, one TEI document in, its page out (<xml:id>.html): the metadata panel (mode
  "meta"), the text in its structure (mode "text", here for the blocks, apparatus.xsl for the phrase level),
  the notes, "cite this document", previous/next, downloads, and the cards of the names used on the page.

  Side inputs, all optional except $context:
    $context    URI of the document's context/<id>.xml (its summary, its neighbours in date order and in its
                correspondence; summary.xsl "collect"): nothing that grows with the edition
    $citations  URI of citations.xml (<citations><doc id=""><chicago/><bibtex/></doc></citations>, made by Python
                with citeproc-py from the TEI's metadata; one file per document)
    $pages      URI of the print edition's pages.xml, '' when there is none
    $pdf-href   the document's PDF in the site (pdf/<id>.pdf), '' when there is none
    $tei-href   the document's TEI in the site (tei/<file>.xml)
    $cards      the cards of every authority entry, made once for the build by cards.xsl (a parsed document)
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:editio="https://editio.invalid/ns"
  exclude-result-prefixes="#all">

  <xsl:import href="common.xsl"/>
  <xsl:import href="apparatus.xsl"/>

  <xsl:param name="context" as="xs:string" required="yes"/>
  <xsl:param name="citations" as="xs:string" select="''"/>
  <xsl:param name="pages" as="xs:string" select="''"/>
  <xsl:param name="pdf-href" as="xs:string" select="''"/>
  <xsl:param name="tei-href" as="xs:string" select="''"/>
  <xsl:param name="cards" as="document-node()?" select="()"/>

  <xsl:mode name="phrase" on-no-match="text-only-copy"/>
  <xsl:mode name="meta" on-no-match="shallow-skip"/>

  <xsl:variable name="id" select="string(/tei:TEI/@xml:id)"/>
  <!-- The language of what the TEI says (titles, summaries, names, the text): where the edition's own words are in
       another (edition.toml's language), the TEI's words say theirs (lang), so a screen reader reads each in its. -->
  <xsl:variable name="editio:content-lang" select="string(/tei:TEI/@xml:lang)"/>
  <xsl:variable name="editio:foreign-content" as="xs:boolean"
    select="$editio:content-lang != '' and lower-case(tokenize($editio:content-lang, '-')[1]) ne $editio:lang"/>
  <xsl:mode name="editio:content-lang" on-no-match="shallow-copy"/>
  <!-- (the print edition's place is the edition's own words: labels.xml's meta.print-page) -->
  <!-- (nor is a date: the edition writes it, in its language — meta-date, meta-sent-date …) -->
  <xsl:template match="dd[$editio:foreign-content][not(@lang)][not(@class = 'meta-print')][not(ends-with(@class, '-date'))]"
                mode="editio:content-lang">
    <xsl:copy>
      <xsl:attribute name="lang" select="$editio:content-lang"/>
      <xsl:apply-templates select="@*, node()" mode="#current"/>
    </xsl:copy>
  </xsl:template>
  <xsl:variable name="context-doc" select="doc($context)/context"/>
  <xsl:variable name="me" select="$context-doc/doc[@id = $id]"/>
  <xsl:variable name="citation" select="if ($citations[.]) then doc($citations)/citations/doc[@id = $id] else ()"/>
  <xsl:variable name="print" select="if ($pages[.] and doc-available($pages)) then doc($pages)/pages/doc[@id = $id] else ()"/>

  <xsl:template match="/">
    <xsl:call-template name="editio:page">
      <xsl:with-param name="title" select="string($me/title)"/>
      <xsl:with-param name="here" select="editio:doc-file($id)"/>
      <xsl:with-param name="content-of" select="."/>
    </xsl:call-template>
  </xsl:template>

  <!-- the page's main: written as it is made (common.xsl, editio:page) -->
  <xsl:template match="/" mode="editio:page-content">
    <xsl:variable name="header" select="tei:TEI/tei:teiHeader"/>
        <article class="document" data-pagefind-body="" id="document">
          <!-- the language of the TEI's words, for the search results' lang (js/search.js) -->
          <xsl:if test="$editio:content-lang[.]">
            <xsl:attribute name="data-pagefind-meta" select="'lang:' || $editio:content-lang"/>
          </xsl:if>
          <h1 data-pagefind-meta="title">
            <xsl:if test="$editio:foreign-content"><xsl:attribute name="lang" select="$editio:content-lang"/></xsl:if>
            <xsl:apply-templates select="($header/tei:fileDesc/tei:titleStmt/tei:title[@type = 'main'],
                                          $header/tei:fileDesc/tei:titleStmt/tei:title)[1]" mode="phrase"/>
          </h1>
          <xsl:call-template name="doc-nav"/>
          <xsl:apply-templates select="$header" mode="meta"/>
          <xsl:call-template name="view-controls"/>
          <div id="text" class="edition-text">
            <xsl:variable name="lang" select="(tei:TEI/tei:text/@xml:lang, tei:TEI/@xml:lang)[1]"/>
            <xsl:if test="$lang"><xsl:attribute name="lang" select="$lang"/></xsl:if>
            <h2 class="visually-hidden"><xsl:sequence select="editio:label('doc.text')"/></h2>
            <xsl:apply-templates select="tei:TEI/tei:text" mode="text"/>
          </div>
          <xsl:if test="tei:TEI/tei:text//tei:note">
            <section class="notes" aria-labelledby="notes-heading">
              <h2 id="notes-heading"><xsl:sequence select="editio:label('doc.notes')"/></h2>
              <ol class="note-list">
                <xsl:apply-templates select="tei:TEI/tei:text//tei:note" mode="note-list"/>
              </ol>
            </section>
          </xsl:if>
          <xsl:call-template name="cite-document"/>
          <xsl:call-template name="cards"/>
        </article>
  </xsl:template>

  <!-- ===== previous / next (from the context), downloads ===== -->
  <xsl:variable name="editio:nav-rels" select="('prev', 'next', 'prev-corresp', 'next-corresp')"/>

  <xsl:template name="doc-nav">
    <nav class="doc-nav" aria-label="{editio:label-text('doc.nav')}" data-pagefind-ignore="">
      <xsl:if test="$context-doc/nav">
        <ul>
          <xsl:for-each select="$editio:nav-rels">
            <xsl:apply-templates select="$context-doc/nav[@rel = current()]" mode="nav">
              <xsl:with-param name="label" select="editio:label-text('doc.' || .)"/>
            </xsl:apply-templates>
          </xsl:for-each>
        </ul>
      </xsl:if>
      <ul class="downloads">
        <xsl:if test="$tei-href[.]">
          <li><a class="download download-tei" href="{$tei-href}" download=""><xsl:sequence select="editio:label('doc.download-tei')"/></a></li>
        </xsl:if>
        <xsl:if test="$pdf-href[.]">
          <li><a class="download download-pdf" href="{$pdf-href}" download=""><xsl:sequence select="editio:label('doc.download-pdf')"/></a></li>
        </xsl:if>
        <li><a href="#cite"><xsl:sequence select="editio:label('doc.cite')"/></a></li>
      </ul>
    </nav>
  </xsl:template>

  <xsl:template match="nav" mode="nav">
    <xsl:param name="label" as="xs:string"/>
    <li class="nav-{@rel}">
      <a href="{@file}" data-rel="{@rel}">
        <xsl:if test="@rel = ('prev', 'next')"><xsl:attribute name="rel" select="@rel"/></xsl:if>
        <span class="nav-label"><xsl:value-of select="$label"/>: </span>
        <xsl:value-of select="date || ', '"/><xsl:apply-templates select="title" mode="editio:lang"/>
      </a>
    </li>
  </xsl:template>

  <!-- ===== view switch and archival layer: both views and the whole layer are in the page; form controls choose
       what CSS shows (css/edition.css, html:has(… :checked)), so both switches work without JavaScript. The
       script only remembers the choice across pages. ===== -->
  <xsl:template name="view-controls">
    <div class="view-controls" data-pagefind-ignore="">
      <fieldset class="view-switch" id="view-switch">
        <legend class="view-switch-label"><xsl:sequence select="editio:label('view.view')"/></legend>
        <input type="radio" name="view" value="diplomatic" id="view-diplomatic" class="view-input" checked=""/>
        <label for="view-diplomatic" class="view-link"><xsl:sequence select="editio:label('view.diplomatic')"/></label>
        <input type="radio" name="view" value="reading" id="view-reading" class="view-input"/>
        <label for="view-reading" class="view-link"><xsl:sequence select="editio:label('view.reading')"/></label>
      </fieldset>
      <p class="layer-switch">
        <input type="checkbox" id="layer-switch" class="layer-input" checked=""/>
        <label for="layer-switch" class="layer-button"><xsl:sequence select="editio:label('view.archival')"/></label>
      </p>
      <details class="view-help">
        <summary><xsl:sequence select="editio:label('view.about')"/></summary>
        <p><xsl:sequence select="editio:label('view.help')"/></p>
      </details>
    </div>
  </xsl:template>

  <!-- ===== the metadata panel ===== -->
  <xsl:template match="tei:teiHeader" mode="meta">
    <section class="metadata" aria-labelledby="metadata-heading">
      <h2 id="metadata-heading"><xsl:sequence select="editio:label('meta.heading')"/></h2>
      <dl class="meta-list">
        <!-- the rows, then each value marked with the TEI's language where the page is in another -->
        <xsl:variable name="rows" as="node()*">
          <xsl:if test="$me/date[.]">
            <dt><xsl:sequence select="editio:label('meta.date')"/></dt>
            <dd class="meta-date" data-pagefind-meta="date:{$me/@when}" data-pagefind-sort="date:{$me/@when}">
              <time datetime="{$me/@when}" data-pagefind-meta="date-words"><xsl:value-of select="$me/date"/></time>
              <span class="visually-hidden" data-pagefind-filter="year"><xsl:value-of select="$me/@year"/></span>
            </dd>
          </xsl:if>
          <xsl:apply-templates select="editio:actions(., ('sent', 'transmitted', 'received'))" mode="meta"/>
          <xsl:if test="editio:steps(.)">
            <dt><xsl:sequence select="editio:label('meta.way')"/></dt>
            <dd class="meta-steps">
              <ol><xsl:apply-templates select="editio:steps(.)" mode="meta-step"/></ol>
            </dd>
          </xsl:if>
          <xsl:apply-templates select="tei:profileDesc/tei:correspDesc except editio:correspondence(.)" mode="meta"/>
          <xsl:apply-templates select="tei:profileDesc/tei:langUsage" mode="meta"/>
          <xsl:apply-templates select="tei:fileDesc/tei:sourceDesc" mode="meta"/>
          <xsl:apply-templates select="tei:profileDesc/tei:abstract" mode="meta"/>
          <xsl:if test="$print">
            <dt><xsl:sequence select="editio:label('meta.print')"/></dt>
            <!-- the words; with a volume of several first (pages.xml's @volumes), linked to its file at the page -->
            <xsl:variable name="where" select="(if ($print/@volumes > 1) then 'meta.print-volume-' else 'meta.print-')
              || (if ($print/@first = $print/@last) then 'page' else 'pages')"/>
            <xsl:variable name="words" select="editio:label($where, [string($print/@n), string($print/@first),
              string($print/@last), if ($print/@volume) then format-integer(xs:integer($print/@volume), 'I') else ''])"/>
            <dd class="meta-print"><xsl:choose>
              <xsl:when test="$print/@file"><a class="print-volume" href="pdf/{$print/@file}#page={$print/@first}"><xsl:sequence select="$words"/></a></xsl:when>
              <xsl:otherwise><xsl:sequence select="$words"/></xsl:otherwise>
            </xsl:choose></dd>
          </xsl:if>
          <xsl:call-template name="named-in"/>
        </xsl:variable>
        <xsl:apply-templates select="$rows" mode="editio:content-lang"/>
      </dl>
    </section>
  </xsl:template>

  <!-- the kinds of correspAction the panel has words for (labels.xml: meta.<type>.who, .when, .where) -->
  <xsl:variable name="editio:action-types" select="('sent', 'received', 'transmitted', 'forwarded', 'redirected')"/>

  <xsl:template match="tei:correspAction" mode="meta">
    <xsl:variable name="label" select="'meta.' || (@type[. = $editio:action-types], 'sent')[1]"/>
    <xsl:if test="tei:persName | tei:orgName | tei:name | tei:roleName">
      <dt><xsl:sequence select="editio:label($label || '.who')"/></dt>
      <dd class="meta-{@type}"><xsl:call-template name="meta-who"/></dd>
    </xsl:if>
    <xsl:if test="tei:placeName">
      <dt><xsl:sequence select="editio:label($label || '.where')"/></dt>
      <dd class="meta-{@type}-place">
        <xsl:for-each select="tei:placeName">
          <xsl:if test="position() gt 1"><xsl:text>; </xsl:text></xsl:if>
          <xsl:apply-templates select="." mode="phrase"/>
        </xsl:for-each>
      </dd>
    </xsl:if>
    <xsl:if test="tei:date[@when | @notBefore | @notAfter | text()]">
      <dt><xsl:sequence select="editio:label($label || '.when')"/></dt>
      <dd class="meta-{@type}-date"><xsl:value-of select="editio:date-reading(tei:date[1])"/></dd>
    </xsl:if>
    <xsl:apply-templates select="tei:note" mode="meta"/>
  </xsl:template>

  <!-- A record (a journal, minutes of a conversation) names no correspondent on either side: the panel's Date row
       says when it was made; no "Sent" row and no notes about nobody. -->
  <xsl:template match="tei:correspAction[not(../tei:correspAction/(tei:persName | tei:orgName | tei:name
                                                                   | tei:roleName | tei:placeName))]"
                mode="meta" priority="1"/>

  <!-- Who acted in a correspAction: the names, then the office the action names (roleName, as the source prints
       it: "Roshchin, SOVIET AMBASSADOR"); an office alone where the source names no holder. An office inside a
       name (persName/roleName) is part of the name's words. -->
  <xsl:template name="meta-who">
    <xsl:param name="separator" as="xs:string" select="'; '"/>
    <xsl:variable name="names" select="tei:persName | tei:orgName | tei:name"/>
    <xsl:for-each select="$names">
      <xsl:if test="position() gt 1"><xsl:value-of select="$separator"/></xsl:if>
      <xsl:apply-templates select="." mode="phrase"/>
    </xsl:for-each>
    <xsl:for-each select="tei:roleName">
      <xsl:if test="position() gt 1 or exists($names)"><xsl:text>, </xsl:text></xsl:if>
      <xsl:apply-templates select="." mode="phrase"/>
    </xsl:for-each>
  </xsl:template>

  <!-- A date as the edition reads it, amid the TEI's words: in the edition's language, and marked so where the
       TEI's words are in another. -->
  <xsl:template match="tei:date" mode="editio:date-shown">
    <span class="date">
      <xsl:if test="$editio:foreign-content"><xsl:attribute name="lang" select="$edition-language"/></xsl:if>
      <xsl:value-of select="editio:date-reading(.)"/>
    </span>
  </xsl:template>

  <!-- A step of the cable's way: as the document prints it, with its date as the edition reads it. -->
  <xsl:template match="tei:correspAction" mode="meta-step">
    <li>
      <xsl:choose>
        <xsl:when test="tei:note[not(@type)]">
          <xsl:apply-templates select="tei:note[not(@type)][1]/node()" mode="phrase"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="@subtype"/>
          <xsl:for-each select="tei:persName | tei:orgName | tei:roleName | tei:placeName">
            <xsl:text> </xsl:text><xsl:apply-templates select="." mode="phrase"/>
          </xsl:for-each>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:if test="tei:date[@when]">
        <xsl:text> (</xsl:text><xsl:apply-templates select="tei:date[1]" mode="editio:date-shown"/><xsl:text>)</xsl:text>
      </xsl:if>
      <xsl:for-each select="tei:note[@type]">
        <span class="step-note"><xsl:text> — </xsl:text><xsl:apply-templates mode="phrase"/></span>
      </xsl:for-each>
    </li>
  </xsl:template>

  <!-- A letter the document relays or covers: its own parties and date. -->
  <xsl:template match="tei:correspDesc" mode="meta">
    <dt><xsl:sequence select="editio:label(if (@type = 'covering') then 'meta.covering' else 'meta.relayed')"/></dt>
    <dd class="meta-corresp-{@type}">
      <xsl:for-each select="editio:actions(., ('sent', 'received', 'transmitted'))">
        <xsl:sequence select="editio:label('meta.letter.' || @type)"/>
        <xsl:call-template name="meta-who"><xsl:with-param name="separator" select="', '"/></xsl:call-template>
        <xsl:if test="tei:date[@when]">
          <xsl:text> (</xsl:text><xsl:apply-templates select="tei:date[1]" mode="editio:date-shown"/><xsl:text>)</xsl:text>
        </xsl:if>
      </xsl:for-each>
    </dd>
  </xsl:template>

  <!-- In a citation the source's language statement is left out: the panel gives it on a line of its own. -->
  <xsl:template match="tei:bibl/tei:textLang" mode="phrase"/>

  <xsl:template match="tei:correspAction/tei:note" mode="meta">
    <dt><xsl:sequence select="editio:label('meta.note')"/></dt>
    <dd><xsl:apply-templates mode="phrase"/></dd>
  </xsl:template>

  <xsl:template match="tei:langUsage" mode="meta">
    <dt><xsl:sequence select="editio:label('meta.language')"/></dt>
    <dd class="meta-language">
      <xsl:value-of select="string-join(tei:language/normalize-space(), '; ')"/>
    </dd>
  </xsl:template>

  <xsl:template match="tei:sourceDesc" mode="meta">
    <xsl:for-each select="tei:msDesc/tei:msIdentifier">
      <dt><xsl:sequence select="editio:label('meta.archive')"/></dt>
      <dd class="meta-archive">
        <span class="archive-id">
          <xsl:value-of select="string-join(distinct-values((normalize-space(tei:institution),
            normalize-space(tei:repository))[.]), ' — ')"/>
          <xsl:for-each select="tei:idno">
            <xsl:value-of select="', ' || @type || ' ' || normalize-space(.)"/>
          </xsl:for-each>
        </span>
        <xsl:for-each select="../tei:p">
          <span class="archive-citation"><xsl:apply-templates mode="phrase"/></span>
        </xsl:for-each>
      </dd>
    </xsl:for-each>
    <xsl:for-each select="tei:bibl[@type = 'archival']">
      <dt><xsl:sequence select="editio:label('meta.archival-citation')"/></dt>
      <dd class="meta-archival-bibl"><xsl:apply-templates mode="phrase"/></dd>
    </xsl:for-each>
    <xsl:for-each select="tei:bibl[not(@type = ('archival', 'original'))]">
      <dt><xsl:sequence select="editio:label('meta.published-in')"/></dt>
      <dd class="meta-bibl"><xsl:apply-templates mode="phrase"/></dd>
    </xsl:for-each>
    <!-- the source's own statement of the languages: of the text it gives, and of the original -->
    <xsl:for-each select="tei:bibl/tei:textLang">
      <dt><xsl:sequence select="editio:label(if (../@type = 'original') then 'meta.original-language' else 'meta.source-language')"/></dt>
      <dd class="meta-textlang">
        <xsl:value-of select="normalize-space()"/>
        <!-- a language the source does not state: the edition's inference, said as such -->
        <xsl:for-each select="../tei:note[@resp]">
          <span class="meta-inferred"><xsl:value-of select="normalize-space()"/></span>
        </xsl:for-each>
      </dd>
    </xsl:for-each>
    <xsl:variable name="urls" select="distinct-values((.//tei:ptr/@target, ../tei:publicationStmt/tei:idno[@type = 'URL']))"/>
    <xsl:if test="exists($urls)">
      <dt><xsl:sequence select="editio:label('meta.source')"/></dt>
      <dd class="meta-source">
        <xsl:for-each select="$urls">
          <a class="source-url" href="{.}"><xsl:value-of select="."/></a>
        </xsl:for-each>
      </dd>
    </xsl:if>
  </xsl:template>

  <!-- In a citation, the URL is its own link (meta-source); its pointer is not printed twice. -->
  <xsl:template match="tei:ptr" mode="phrase"/>
  <xsl:template match="tei:note" mode="phrase"/>

  <!-- The parts of a structured bibl (title, date, publisher …) are separated as a citation is written; parts the
       citation does not print (the pointer, a note, the language statement: each has its own row) get no comma
       and give none. -->
  <xsl:template match="tei:bibl/*[not(self::tei:ptr | self::tei:note | self::tei:textLang)]
                       [following-sibling::node()[1][self::*][not(self::tei:ptr | self::tei:note | self::tei:textLang)]]"
                mode="phrase">
    <xsl:next-match/>
    <xsl:text>, </xsl:text>
  </xsl:template>

  <xsl:template match="tei:abstract" mode="meta">
    <dt><xsl:sequence select="editio:label('meta.summary')"/></dt>
    <dd class="meta-summary"><xsl:apply-templates mode="phrase"/></dd>
  </xsl:template>

  <!-- The card bodies made once for the build (cards.xsl; absent: every card is made on the page). -->
  <xsl:key name="editio:made-card" match="card" use="@target"/>

  <xsl:function name="editio:made-card" as="element(card)?">
    <xsl:param name="target" as="xs:string"/>
    <xsl:sequence select="$cards ! key('editio:made-card', $target, .)"/>
  </xsl:function>

  <!-- A mention's name as the reader sees it: the entry's main form, else its reference. -->
  <xsl:function name="editio:mention-name" as="xs:string">
    <xsl:param name="mention" as="element(mention)"/>
    <xsl:param name="root" as="document-node()"/>
    <xsl:sequence select="(editio:made-card($mention/@target)/@name,
                           editio:main-form(editio:entry($mention/@target, $root)), $mention/@ref)[1]"/>
  </xsl:function>

  <!-- Every entry the document names, for the reader and as the search's filters. -->
  <xsl:template name="named-in">
    <xsl:variable name="root" select="/"/>
    <xsl:for-each-group select="$me/mention" group-by="@kind">
      <xsl:sort select="index-of(('persName', 'placeName', 'orgName'), current-grouping-key())"/>
      <xsl:variable name="filter" select="map{'persName': 'person', 'placeName': 'place', 'orgName': 'organisation'}(current-grouping-key())"/>
      <dt><xsl:sequence select="editio:label(map{'persName': 'meta.persons', 'placeName': 'meta.places', 'orgName': 'meta.orgs'}(current-grouping-key()))"/></dt>
      <dd class="meta-named meta-named-{$filter}">
        <ul class="inline-list">
          <xsl:for-each select="current-group()">
            <xsl:sort select="lower-case(editio:mention-name(., $root))"/>
            <xsl:variable name="name" select="editio:mention-name(., $root)"/>
            <li>
              <a class="name" href="{editio:index-href(@target)}" data-ref="{@ref}"
                 aria-describedby="{editio:card-id(@ref)}" data-pagefind-filter="{$filter}:{$name}">
                <xsl:value-of select="$name"/>
              </a>
            </li>
          </xsl:for-each>
        </ul>
      </dd>
    </xsl:for-each-group>
  </xsl:template>

  <!-- ===== cite this document ===== -->
  <xsl:template name="cite-document">
    <section class="cite" id="cite" aria-labelledby="cite-heading" data-pagefind-ignore="">
      <h2 id="cite-heading"><xsl:sequence select="editio:label('doc.cite')"/></h2>
      <xsl:if test="not($edition-base-url[.])">
        <xsl:variable name="code" as="element()"><code><xsl:value-of select="$id"/></code></xsl:variable>
        <p class="cite-unpublished"><xsl:sequence select="editio:label('cite.unpublished', [$code])"/></p>
      </xsl:if>
      <xsl:if test="$citation/chicago">
        <h3>Chicago</h3>
        <p class="citation citation-chicago"><xsl:value-of select="$citation/chicago"/></p>
      </xsl:if>
      <xsl:if test="$citation/bibtex">
        <h3>BibTeX</h3>
        <pre class="citation citation-bibtex"><code><xsl:value-of select="$citation/bibtex"/></code></pre>
      </xsl:if>
      <xsl:variable name="link" as="element()"><a href="{editio:doc-url($id)}"><xsl:value-of select="editio:doc-url($id)"/></a></xsl:variable>
      <p class="cite-url"><xsl:sequence select="editio:label('cite.address', [$link])"/></p>
    </section>
  </xsl:template>

  <!-- ===== cards of the entries named on this page ===== -->
  <xsl:template name="cards">
    <xsl:variable name="root" select="/"/>
    <!-- a card for each name the page links: the document's mentions, and the names of the source's description
         that are not the document's own (its publisher: the panel's "Published in") -->
    <xsl:variable name="refs" select="distinct-values(($me/mention/@ref,
      tei:TEI/tei:teiHeader/tei:fileDesc/tei:sourceDesc//(tei:persName | tei:placeName | tei:orgName)/tokenize(@ref, '\s+')))"/>
    <div class="cards" hidden="" data-pagefind-ignore="">
      <xsl:for-each select="$refs">
        <xsl:variable name="target" select="editio:ref-target(., $root/*)"/>
        <xsl:variable name="made" select="editio:made-card($target)"/>
        <xsl:call-template name="editio:card">
          <xsl:with-param name="ref" select="."/>
          <xsl:with-param name="entry" select="if ($made) then () else editio:entry($target, $root)"/>
          <xsl:with-param name="href" select="editio:index-href($target)"/>
          <xsl:with-param name="made" select="$made"/>
        </xsl:call-template>
      </xsl:for-each>
    </div>
  </xsl:template>

  <!-- ===== the text: blocks ===== -->
  <xsl:template match="tei:text | tei:body | tei:front | tei:back" mode="text">
    <xsl:apply-templates mode="#current"/>
  </xsl:template>

  <!-- the kinds of div labelled on the page (labels.xml: div.<type>) -->
  <xsl:variable name="editio:labelled-divs" select="('transmission', 'distribution', 'attachment', 'original', 'postscript')"/>

  <xsl:variable name="editio:archival-divs" select="('transmission', 'distribution')"/>

  <xsl:template match="tei:div" mode="text">
    <xsl:variable name="label" select="if (@type = $editio:labelled-divs) then editio:label('div.' || @type) else ()"/>
    <div class="div div-{(@type, 'section')[1]}{if (@type = $editio:archival-divs) then ' archival' else ''}{
                if (tei:div[@type = 'original']) then ' has-original' else ''}">
      <xsl:if test="@xml:lang"><xsl:attribute name="lang" select="@xml:lang"/></xsl:if>
      <xsl:if test="$label">
        <p class="div-label" data-pagefind-ignore=""><xsl:sequence select="$label"/></p>
      </xsl:if>
      <xsl:apply-templates mode="#current"/>
    </div>
  </xsl:template>

  <xsl:template match="tei:floatingText" mode="text">
    <blockquote class="floating-text floating-{(@type, 'text')[1]}">
      <xsl:if test="@xml:lang"><xsl:attribute name="lang" select="@xml:lang"/></xsl:if>
      <xsl:apply-templates mode="#current"/>
    </blockquote>
  </xsl:template>

  <!-- Every block: its passage anchor and a "cite this passage" link (the stable URL in its title). -->
  <!-- Every block's passage anchor (editio:anchor, ../common/addresses.xsl: the blocks numbered from the tei:text
       they follow, its key editio:blocks), numbered once for the page: the function counts the blocks before the
       block each time it is asked, and a block asks three times (its id, its print page, its "cite" link). The
       blocks are the keys (editio:is-block). -->
  <xsl:variable name="editio:block-anchors" as="map(xs:string, xs:string)"
    select="map:merge(for $text in //tei:text return
                        (let $blocks := key('editio:blocks', generate-id($text)) return
                           for $i in 1 to count($blocks) return map { generate-id($blocks[$i]): 'p' || $i }))"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"/>

  <!-- A block's anchor; () for an element that is not a block. -->
  <xsl:function name="editio:block-anchor" as="xs:string?">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="$editio:block-anchors(generate-id($element))"/>
  </xsl:function>

  <xsl:template name="editio:block-attributes">
    <xsl:variable name="anchor" select="editio:block-anchor(.)"/>
    <xsl:if test="exists($anchor)"><xsl:attribute name="id" select="$anchor"/></xsl:if>
    <xsl:if test="@n"><xsl:attribute name="data-n" select="@n"/></xsl:if>
    <xsl:if test="@xml:lang"><xsl:attribute name="lang" select="@xml:lang"/></xsl:if>
    <xsl:if test="$print">
      <xsl:variable name="here" select="if (exists($anchor)) then $anchor else editio:anchor(.)"/>
      <xsl:variable name="page" select="$print/anchor[@id = $here]/@page"/>
      <xsl:if test="$page"><xsl:attribute name="data-print-page" select="$page"/></xsl:if>
    </xsl:if>
  </xsl:template>

  <!-- looked up once for the page, used on every block -->
  <xsl:variable name="editio:cite-passage" select="editio:words('cite.passage')"/>
  <xsl:variable name="editio:cite-passage-link" select="editio:words('cite.passage-link')"/>

  <xsl:template name="editio:cite-passage">
    <xsl:variable name="anchor" select="editio:block-anchor(.)"/>
    <xsl:if test="exists($anchor)">
      <xsl:text> </xsl:text>
      <!-- editio:passage-url(.), its anchor numbered once -->
      <xsl:variable name="url" select="editio:doc-url($id) || '#' || $anchor"/>
      <a class="cite-passage" href="#{$anchor}" title="{editio:fill($editio:cite-passage, [$url])}"
         data-cite="{$url}" aria-label="{editio:fill($editio:cite-passage-link, [substring($anchor, 2)])}">¶</a>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:p" mode="text">
    <p class="p">
      <xsl:call-template name="editio:block-attributes"/>
      <xsl:apply-templates mode="#current"/>
      <xsl:call-template name="editio:cite-passage"/>
    </p>
  </xsl:template>

  <!-- An ab that holds only a stamp or another hand's addition belongs to the archival layer as a whole. -->
  <xsl:template match="tei:ab" mode="text">
    <xsl:variable name="archival" select="not(text()[normalize-space()]) and * and
                                          (every $c in * satisfies $c[self::tei:stamp or self::tei:add[@hand]])"/>
    <p class="ab ab-{(@type, 'block')[1]}{if ($archival) then ' archival' else ''}">
      <xsl:call-template name="editio:block-attributes"/>
      <xsl:apply-templates mode="#current"/>
      <xsl:call-template name="editio:cite-passage"/>
    </p>
  </xsl:template>

  <!-- (a block of blocks: its passage link comes first and stands at the right, css/edition.css) -->
  <xsl:template match="tei:opener | tei:closer | tei:postscript" mode="text">
    <div class="{local-name()}">
      <xsl:call-template name="editio:block-attributes"/>
      <xsl:call-template name="editio:cite-passage"/>
      <xsl:apply-templates mode="#current"/>
    </div>
  </xsl:template>

  <xsl:template match="tei:salute | tei:dateline | tei:signed | tei:byline | tei:docAuthor" mode="text">
    <p class="{local-name()}"><xsl:apply-templates mode="#current"/></p>
  </xsl:template>

  <xsl:template match="tei:head" mode="text">
    <h3 class="head">
      <xsl:call-template name="editio:block-attributes"/>
      <xsl:apply-templates mode="#current"/>
      <xsl:call-template name="editio:cite-passage"/>
    </h3>
  </xsl:template>

  <xsl:template match="tei:list/tei:head" mode="text">
    <p class="list-head">
      <xsl:call-template name="editio:block-attributes"/>
      <xsl:apply-templates mode="#current"/>
      <xsl:call-template name="editio:cite-passage"/>
    </p>
  </xsl:template>

  <xsl:template match="tei:list" mode="text">
    <div class="list list-{(@type, 'simple')[1]}{if (@rend) then ' rend-' || @rend else ''}">
      <xsl:apply-templates select="tei:head" mode="#current"/>
      <ul>
        <xsl:apply-templates select="* except tei:head" mode="#current"/>
      </ul>
    </div>
  </xsl:template>

  <xsl:template match="tei:item" mode="text">
    <li class="item">
      <xsl:call-template name="editio:block-attributes"/>
      <xsl:apply-templates mode="#current"/>
      <xsl:call-template name="editio:cite-passage"/>
    </li>
  </xsl:template>

  <xsl:template match="tei:list/tei:label" mode="text">
    <li class="label"><xsl:apply-templates mode="#current"/></li>
  </xsl:template>
</xsl:stylesheet>

<?xml version="1.0" encoding="UTF-8"?>
<!--
  Front matter of the volume: half-title, title page and imprint (edition.toml settings, passed as edition-*
  parameters), contents, the editorial introduction and the conventions table — the editorialDecl's own words and
  rows, each example printed by the very templates that print the text, so the table shows what the page does.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:editio="https://editio.invalid/ns"
  xmlns:print="https://editio.invalid/ns/print"
  exclude-result-prefixes="#all">

  <xsl:param name="edition-title" as="xs:string" select="''"/>
  <xsl:param name="edition-subtitle" as="xs:string" select="''"/>
  <xsl:param name="edition-short-title" as="xs:string" select="''"/>
  <xsl:param name="edition-editors" as="xs:string" select="''"/>
  <xsl:param name="edition-publisher" as="xs:string" select="''"/>
  <xsl:param name="edition-licence" as="xs:string" select="''"/>
  <xsl:param name="edition-licence-url" as="xs:string" select="''"/>
  <xsl:param name="edition-language" as="xs:string" select="'en'"/>

  <!-- The year of publication: the newest publication date of the documents' TEI. -->
  <xsl:variable name="print:published" as="xs:string"
    select="string(max($print:docs//tei:publicationStmt/tei:date/@when/xs:date(substring(., 1, 10))))"/>

  <xsl:variable name="print:editors" select="tokenize($edition-editors, ';\s*')[.]"/>

  <!-- A volume of several: "Volume II of V", and its documents and dates ("Documents 11–20, 3 September 1950 to
       12 January 1951"); an edition in one volume says neither. -->
  <xsl:variable name="print:dates" select="$print:docs//tei:profileDesc/tei:creation/tei:date/@when"/>
  <xsl:variable name="print:last-number" as="xs:integer" select="$first-number + count($print:docs) - 1"/>
  <xsl:variable name="print:volume-of" as="xs:string"
    select="if ($volumes gt 1) then 'Volume ' || print:volume($volume) || ' of ' || print:volume($volumes) else ''"/>
  <xsl:variable name="print:holds" as="xs:string"
    select="if ($volumes gt 1) then (if (count($print:docs) = 1) then 'Document ' || $first-number
                                     else 'Documents ' || $first-number || '–' || $print:last-number)
                                    || ', ' || print:date($print:dates[1])
                                    || (if (count($print:docs) gt 1) then ' to ' || print:date($print:dates[last()]) else '')
            else ''"/>

  <!-- The book.typ set-up every PDF starts with. -->
  <xsl:template name="print:setup">
    <xsl:param name="title" as="xs:string"
               select="string-join(($edition-title, $print:volume-of[.] ! replace(., ' of .*', '')), ', ')"/>
    <xsl:text>#import "book.typ": *&#10;</xsl:text>
    <xsl:variable name="d" select="tokenize($print:published, '-')"/>
    <xsl:value-of select="'#show: book.with(title: ' || print:str($title)
      || ', subtitle: ' || print:str($edition-subtitle)
      || ', authors: (' || string-join(for $e in $print:editors return print:str($e) || ',') || ')'
      || ', short: ' || print:content(print:esc(($edition-short-title[.], $edition-title)[1]))
      || ', lang: ' || print:str($edition-language)
      || (if (count($d) = 3) then ', date: datetime(year: ' || number($d[1]) || ', month: ' || number($d[2])
          || ', day: ' || number($d[3]) || ')' else '')
      || ')&#10;&#10;'"/>
  </xsl:template>

  <xsl:template name="print:front">
    <xsl:value-of select="'#half-title' || print:content(print:esc($edition-title))
                          || print:content(print:esc($print:volume-of)) || $print:par"/>
    <xsl:value-of select="print:call('title-page', map {
        'volume': print:content(print:esc($print:volume-of)),
        'holds': print:content(print:esc($print:holds)),
        'title': print:content(print:esc($edition-title)),
        'subtitle': print:content(print:esc($edition-subtitle)),
        'editors': print:content(print:esc(string-join($print:editors, ', '))),
        'publisher': print:content(print:esc($edition-publisher)),
        'year': print:str(substring($print:published, 1, 4)),
        'licence': print:content(print:esc($edition-licence)),
        'licence-url': print:str($edition-licence-url)}, ())"/>
    <xsl:value-of select="$print:par || '#contents()' || $print:par"/>
    <xsl:call-template name="print:introduction"/>
  </xsl:template>

  <xsl:template name="print:introduction">
    <xsl:variable name="dates" select="$print:dates"/>
    <xsl:variable name="paras" as="xs:string*">
      <xsl:text>#subhead[The documents]</xsl:text>
      <xsl:value-of select="print:esc((if ($volumes gt 1)
        then 'The edition is printed in ' || $volumes || ' volumes and an index volume, its documents in the order '
          || 'of their dates and numbered throughout. This is volume ' || print:volume($volume) || ': it prints '
          || (if (count($print:docs) = 1) then 'document ' || $first-number
              else 'documents ' || $first-number || ' to ' || $print:last-number)
          || ', dated from ' || print:date($dates[1]) || ' to ' || print:date($dates[last()]) || '. '
        else 'This volume prints ' || count($print:docs) || ' documents, dated from '
          || print:date($dates[1]) || ' to ' || print:date($dates[last()]) || ', in the order of their dates. ')
        || 'Each opens with its number in the edition, its title, its date, who sent it to whom, its archival '
        || 'reference and the address of its page in the web edition. The text of each document is the published '
        || 'translation named in the list of sources, encoded in TEI; the web and the print edition are both made '
        || 'from that encoding.')"/>
      <xsl:text>#subhead[Editorial principles]</xsl:text>
      <xsl:for-each select="$print:decl/(tei:p[not(tei:list)], tei:correction/tei:p, tei:normalization/tei:p)">
        <xsl:value-of select="string-join(print:inline(.))"/>
      </xsl:for-each>
      <xsl:value-of select="print:esc('Notes stand at the foot of the page in two series, both beginning afresh '
        || 'with each document. Textual notes, marked with letters, say what the source looks like: a reading '
        || 'printed so in the original (sic), an addition in another hand, a stamp, a gap and its reason. '
        || 'Explanatory notes, marked with numbers, give what the editors say: the notes of the translation''s '
        || 'editors, identifications of names, restated dates, and this edition''s readings of misprinted or '
        || 'incomplete dates, each signed by who made it. The square brackets of the source are printed as the '
        || 'table below shows; its examples are printed by the same rules as the documents.')"/>
      <xsl:text>#subhead[Citing this edition]</xsl:text>
      <xsl:value-of select="print:esc((if ($volumes gt 1)
        then 'Cite a document by its number, or by the volume and page (II 34: volume II, page 34), or by its web '
          || 'address. The indexes at the end of this volume give the pages of this volume; the index volume gives '
          || 'those of every volume, each with its volume. '
        else 'Cite a document by its number and the page of this volume, or by its web address. ')
        || 'The paragraphs of each document are numbered in the web edition (p1, p2 …) in the same '
        || 'order as they are printed here, so that a passage cited in one can be found in the other.')"/>
    </xsl:variable>
    <xsl:value-of select="'#chapter[Introduction][' || string-join($paras, $print:par) || $print:par"/>
    <xsl:text>#subhead[Editorial conventions]&#10;&#10;</xsl:text>
    <xsl:call-template name="print:conventions"/>
    <xsl:value-of select="']' || $print:par"/>
  </xsl:template>

  <!-- One row per convention of the editorialDecl: the source's brackets, what this edition prints, the meaning. -->
  <xsl:template name="print:conventions">
    <xsl:variable name="rows" as="xs:string*">
      <xsl:for-each select="$print:decl//tei:list[@type = 'gloss']/tei:item">
        <xsl:variable name="example" select="print:example(tei:code[1])"/>
        <xsl:value-of select="'(' || print:content(print:esc(preceding-sibling::tei:label[1])) || ', '
                              || print:content($example) || ', '
                              || print:content(print:esc(print:convention-meaning(@n))) || ')'"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:value-of select="'#conventions(' || string-join($rows, ', ') || ')' || $print:par"/>
  </xsl:template>

  <!-- The example encoding of a convention, printed as the text would be (notes shown in the cell). -->
  <xsl:function name="print:example" as="xs:string">
    <xsl:param name="code" as="element(tei:code)?"/>
    <xsl:try>
      <xsl:variable name="parsed" select="parse-xml-fragment('&lt;ab xmlns=&quot;http://www.tei-c.org/ns/1.0&quot;&gt;'
                                          || string($code) || '&lt;/ab&gt;')"/>
      <xsl:variable name="out" as="xs:string*">
        <xsl:apply-templates select="$parsed/*/node()" mode="print:text">
          <xsl:with-param name="in-cell" select="true()" tunnel="yes"/>
          <xsl:with-param name="marks" select="false()" tunnel="yes"/>
        </xsl:apply-templates>
      </xsl:variable>
      <xsl:sequence select="string-join($out)"/>
      <xsl:catch>
        <xsl:sequence select="'#raw(' || print:str($code) || ')'"/>
      </xsl:catch>
    </xsl:try>
  </xsl:function>
</xsl:stylesheet>

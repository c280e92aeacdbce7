<?xml version="1.0" encoding="UTF-8"?>
<!--
  The apparatus made visible, in mode "text": one template per TEI element of the phrase level.

  Both views are in the page: what only the diplomatic view shows (the source's own bracket marks, [SIC],
  the printed form of a corrected word) is class "dipl", what only the reading view shows (the edition's
  reading, expansions) is class "read"; css/edition.css shows one or the other by the view chosen
  (the page's radio button #view-reading, which works without JavaScript). Editorial brackets of the edition
  (supplied, gap) stay in both.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:editio="https://editio.invalid/ns"
  exclude-result-prefixes="#all">

  <!-- An element no template handles stops the build: no word of the source may vanish silently. -->
  <xsl:mode name="text" on-no-match="fail"/>

  <xsl:template match="text()" mode="text">
    <xsl:value-of select="."/>
  </xsl:template>

  <xsl:template match="comment() | processing-instruction()" mode="text"/>

  <xsl:template name="editio:mark">
    <xsl:param name="text" as="xs:string"/>
    <xsl:param name="class" as="xs:string" select="'dipl'"/>
    <span class="{$class} mark"><xsl:value-of select="$text"/></span>
  </xsl:template>

  <!-- ===== names ===== -->
  <xsl:template match="tei:persName[@ref] | tei:placeName[@ref] | tei:orgName[@ref]" mode="text phrase">
    <xsl:variable name="ref" select="tokenize(@ref, '\s+')[1]"/>
    <xsl:variable name="target" select="editio:ref-target($ref, .)"/>
    <a class="name name-{local-name()}" href="{editio:index-href($target)}" data-ref="{$ref}"
       aria-describedby="{editio:card-id($ref)}">
      <xsl:apply-templates mode="#current"/>
    </a>
  </xsl:template>

  <!-- A name inside a name (or inside a link) is not a second link: HTML does not nest links. -->
  <xsl:template match="(tei:persName | tei:placeName | tei:orgName)[@ref]
                       [ancestor::tei:persName[@ref] or ancestor::tei:placeName[@ref] or ancestor::tei:orgName[@ref]
                        or ancestor::tei:ref or ancestor::tei:note[ancestor::tei:persName or ancestor::tei:placeName or ancestor::tei:orgName]]"
                mode="text phrase" priority="2">
    <span class="name name-{local-name()}" data-ref="{tokenize(@ref, '\s+')[1]}">
      <xsl:apply-templates mode="#current"/>
    </span>
  </xsl:template>

  <xsl:template match="tei:persName | tei:placeName | tei:orgName | tei:name | tei:rs" mode="text">
    <span class="name name-{local-name()} name-unidentified"><xsl:apply-templates mode="#current"/></span>
  </xsl:template>

  <!-- An office named by its title ("SOVIET AMBASSADOR"): as printed; who held it, where the source says, is in the
       metadata panel. -->
  <xsl:template match="tei:roleName" mode="text phrase">
    <span class="role"><xsl:apply-templates mode="#current"/></span>
  </xsl:template>

  <!-- ===== dates ===== -->
  <xsl:template match="tei:date" mode="text">
    <xsl:variable name="iso" select="(@when, @notBefore)[1]"/>
    <xsl:choose>
      <xsl:when test="@when and matches(@when, '^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2})?)?)?)?$')">
        <time class="date{if (@cert) then ' date-cert-' || @cert else ''}" datetime="{@when}"
              title="{editio:date-reading(.)}">
          <xsl:apply-templates mode="#current"/>
        </time>
      </xsl:when>
      <xsl:otherwise>
        <span class="date" title="{editio:date-reading(.)}"><xsl:apply-templates mode="#current"/></span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ===== choice: sic/corr, orig/reg, abbr/expan ===== -->
  <xsl:template match="tei:choice" mode="text">
    <span class="choice"><xsl:apply-templates select="*" mode="#current"/></span>
  </xsl:template>

  <xsl:template match="tei:choice/tei:sic | tei:choice/tei:orig" mode="text">
    <span class="dipl {local-name()}">
      <xsl:attribute name="title" select="editio:label-text('app.sic-reads', [normalize-space(../(tei:corr | tei:reg)[1])])"/>
      <xsl:apply-templates mode="#current"/>
    </span>
  </xsl:template>

  <xsl:template match="tei:choice/tei:corr | tei:choice/tei:reg" mode="text">
    <span class="read {local-name()}" title="{editio:label-text('app.source-prints', [normalize-space(../(tei:sic | tei:orig)[1])])}">
      <xsl:apply-templates mode="#current"/>
    </span>
  </xsl:template>

  <!-- An abbreviation the source's editors expanded in brackets: IAD [fighter aviation division] as printed;
       the reading view reads the expansion, the abbreviation in its title. -->
  <xsl:template match="tei:choice/tei:abbr" mode="text">
    <abbr class="dipl abbr" title="{normalize-space(../tei:expan[1])}"><xsl:apply-templates mode="#current"/></abbr>
  </xsl:template>

  <xsl:template match="tei:choice/tei:expan" mode="text">
    <span class="dipl expan">
      <xsl:text> </xsl:text>
      <span class="bracket">[</span><xsl:apply-templates mode="#current"/><span class="bracket">]</span>
    </span>
    <span class="read expan" title="{editio:label-text('app.abbreviated', [normalize-space(../tei:abbr[1])])}">
      <xsl:apply-templates mode="#current"/>
    </span>
  </xsl:template>

  <!-- sic without a correction: the source's word, with its [SIC] marker in the diplomatic view. -->
  <xsl:template match="tei:sic" mode="text">
    <span class="sic" title="{editio:label-text('app.sic')}"><xsl:apply-templates mode="#current"/></span>
    <xsl:call-template name="editio:mark"><xsl:with-param name="text" select="'[SIC]'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:corr" mode="text">
    <span class="corr" title="{editio:label-text('app.corr')}"><xsl:apply-templates mode="#current"/></span>
  </xsl:template>

  <!-- A name in the editor's spelling: the source's brackets in the diplomatic view. -->
  <xsl:template match="tei:reg" mode="text">
    <span class="reg" title="{editio:label-text('app.reg')}">
      <xsl:call-template name="editio:mark"><xsl:with-param name="text" select="'['"/></xsl:call-template>
      <xsl:apply-templates mode="#current"/>
      <xsl:call-template name="editio:mark"><xsl:with-param name="text" select="']'"/></xsl:call-template>
    </span>
  </xsl:template>

  <xsl:template match="tei:orig" mode="text">
    <span class="orig"><xsl:apply-templates mode="#current"/></span>
  </xsl:template>

  <xsl:template match="tei:abbr" mode="text">
    <abbr class="abbr"><xsl:apply-templates mode="#current"/></abbr>
  </xsl:template>

  <xsl:template match="tei:expan" mode="text">
    <span class="expan"><xsl:apply-templates mode="#current"/></span>
  </xsl:template>

  <!-- Letters the editor added inside a word: C[entral]; in the reading view the word reads whole. -->
  <xsl:template match="tei:ex" mode="text">
    <span class="ex">
      <xsl:call-template name="editio:mark"><xsl:with-param name="text" select="'['"/></xsl:call-template>
      <xsl:apply-templates mode="#current"/>
      <xsl:call-template name="editio:mark"><xsl:with-param name="text" select="']'"/></xsl:call-template>
    </span>
  </xsl:template>

  <!-- ===== the editors' additions and omissions ===== -->
  <xsl:template match="tei:supplied" mode="text">
    <span class="supplied" title="{editio:label-text('app.supplied')}">
      <span class="bracket">[</span><xsl:apply-templates mode="#current"/><span class="bracket">]</span>
    </span>
  </xsl:template>

  <xsl:template match="tei:gap" mode="text">
    <span class="gap" data-reason="{@reason}" title="{string-join((editio:label-text('app.gap'), @reason), ': ')}">
      <span class="bracket">[</span>
      <xsl:choose>
        <xsl:when test="tei:desc"><xsl:apply-templates select="tei:desc" mode="#current"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="(@reason, '…')[1]"/></xsl:otherwise>
      </xsl:choose>
      <span class="bracket">]</span>
    </span>
  </xsl:template>

  <xsl:template match="tei:desc" mode="text">
    <xsl:apply-templates mode="#current"/>
  </xsl:template>

  <!-- ===== the archival layer: other hands and stamps ===== -->
  <xsl:template match="tei:add" mode="text">
    <xsl:variable name="hand" select="key('editio:hand', substring-after(@hand, '#'))"/>
    <xsl:variable name="label" select="(normalize-space($hand)[.],
      if (@place) then editio:label-text('app.added-at', [string(@place)]) else editio:label-text('app.added'))[1]"/>
    <span class="add{if (@hand) then ' archival other-hand' else ''}" data-place="{@place}">
      <span class="add-label"><xsl:value-of select="$label"/>:</span>
      <xsl:text> </xsl:text>
      <xsl:apply-templates mode="#current"/>
    </span>
  </xsl:template>

  <xsl:key name="editio:hand" match="tei:handNote" use="@xml:id"/>

  <xsl:template match="tei:stamp" mode="text">
    <span class="stamp archival">
      <span class="stamp-label"><xsl:sequence select="editio:label('app.stamp')"/></span>
      <xsl:text> </xsl:text>
      <xsl:apply-templates mode="#current"/>
    </span>
  </xsl:template>

  <xsl:template match="tei:lb" mode="text">
    <br class="lb"/>
  </xsl:template>

  <!-- An unpartnered bracket printed by the source: the source's character, in the diplomatic view. -->
  <xsl:template match="tei:c" mode="text">
    <span class="c dipl c-{(@type, 'char')[1]}" title="{editio:label-text(if (@type = 'unmatched-bracket') then 'app.unmatched-bracket' else 'app.character')}">
      <xsl:apply-templates mode="#current"/>
    </span>
  </xsl:template>

  <xsl:template match="tei:foreign" mode="text">
    <span class="foreign">
      <xsl:if test="@xml:lang"><xsl:attribute name="lang" select="@xml:lang"/></xsl:if>
      <xsl:apply-templates mode="#current"/>
    </span>
  </xsl:template>

  <!-- ===== notes: a numbered marker in the text, the note in the list of notes with a way back ===== -->
  <xsl:function name="editio:note-number" as="xs:integer">
    <xsl:param name="note" as="element(tei:note)"/>
    <xsl:number select="$note" level="any" from="tei:text" count="tei:note"/>
  </xsl:function>

  <!-- Notes of the edition itself (@resp = the publisher of the encoding) are not printed in the source. -->
  <xsl:function name="editio:is-source-note" as="xs:boolean">
    <xsl:param name="note" as="element(tei:note)"/>
    <xsl:variable name="edition" select="root($note)//tei:publicationStmt/tei:publisher//@ref"/>
    <xsl:sequence select="not(tokenize($note/@resp, '\s+') = $edition)"/>
  </xsl:function>

  <xsl:template match="tei:text//tei:note" mode="text">
    <xsl:variable name="n" select="editio:note-number(.)"/>
    <xsl:if test="@place = 'inline' and editio:is-source-note(.)">
      <span class="dipl note-inline note-{(@type, 'note')[1]}">
        <xsl:text> </xsl:text>
        <span class="bracket">[</span><xsl:apply-templates mode="#current"/><span class="bracket">]</span>
      </span>
    </xsl:if>
    <sup class="note-marker"><a class="note-ref" id="noteref-{$n}" href="#note-{$n}"
      aria-label="{editio:label-text('note.ref', [$n])}" data-note-type="{(@type, 'note')[1]}"><xsl:value-of select="$n"/></a></sup>
  </xsl:template>

  <!-- the kinds of note with words of their own (labels.xml: note.<type>); any other is a "Note" -->
  <xsl:variable name="editio:note-types" select="('editorial', 'identification', 'gloss', 'date')"/>

  <xsl:template match="tei:note" mode="note-list">
    <xsl:variable name="n" select="editio:note-number(.)"/>
    <li id="note-{$n}" class="note note-{(@type, 'note')[1]}">
      <span class="note-type"><xsl:sequence select="editio:label('note.' || (@type[. = $editio:note-types], 'note')[1])"/></span>
      <xsl:if test="@resp">
        <span class="note-resp"> (<xsl:value-of select="string-join(for $r in tokenize(@resp, '\s+') return
          (editio:main-form(editio:entry(editio:ref-target($r, .), .)), $r)[1], ', ')"/>)</span>
      </xsl:if>
      <xsl:text>: </xsl:text>
      <xsl:apply-templates mode="text"/>
      <xsl:text> </xsl:text>
      <a class="note-back" href="#noteref-{$n}" aria-label="{editio:label-text('note.back', [$n])}">↩</a>
    </li>
  </xsl:template>

  <!-- ===== a few more phrase elements of TEI texts ===== -->
  <xsl:template match="tei:hi | tei:emph" mode="text">
    <em class="{local-name()} rend-{(@rend, 'italic')[1]}"><xsl:apply-templates mode="#current"/></em>
  </xsl:template>

  <xsl:template match="tei:q | tei:quote" mode="text">
    <q class="{local-name()}"><xsl:apply-templates mode="#current"/></q>
  </xsl:template>

  <xsl:template match="tei:title" mode="text">
    <cite class="title"><xsl:apply-templates mode="#current"/></cite>
  </xsl:template>

  <!-- A gloss the source's editors give after a word (Instantsia [Highest Authority]): their brackets in the
       diplomatic view. -->
  <xsl:template match="tei:gloss" mode="text">
    <span class="gloss" title="{editio:label-text('app.gloss')}">
      <xsl:call-template name="editio:mark"><xsl:with-param name="text" select="'['"/></xsl:call-template>
      <xsl:apply-templates mode="#current"/>
      <xsl:call-template name="editio:mark"><xsl:with-param name="text" select="']'"/></xsl:call-template>
    </span>
  </xsl:template>

  <!-- A clock time printed without its day. -->
  <xsl:template match="tei:time[@when]" mode="text">
    <time class="time" datetime="{substring(@when, 1, 5)}"><xsl:apply-templates mode="#current"/></time>
  </xsl:template>

  <!-- A span of time ("10:15 p.m. - 11:20 p.m."): HTML's time element holds one moment, so the span is words with
       its reading as a title. -->
  <xsl:template match="tei:time" mode="text">
    <span class="time">
      <xsl:if test="@notBefore or @notAfter">
        <xsl:attribute name="title" select="string-join((substring(@notBefore, 1, 5), substring(@notAfter, 1, 5)), '–')"/>
      </xsl:if>
      <xsl:apply-templates mode="#current"/>
    </span>
  </xsl:template>

  <xsl:template match="tei:address" mode="text">
    <p class="address"><xsl:apply-templates select="tei:addrLine" mode="#current"/></p>
  </xsl:template>

  <xsl:template match="tei:addrLine" mode="text">
    <xsl:if test="preceding-sibling::tei:addrLine"><br/></xsl:if>
    <span class="addrLine"><xsl:apply-templates mode="#current"/></span>
  </xsl:template>

  <xsl:template match="tei:seg | tei:num | tei:measure | tei:term" mode="text">
    <span class="{local-name()}"><xsl:apply-templates mode="#current"/></span>
  </xsl:template>

  <xsl:template match="tei:ref[@target] | tei:ptr[@target]" mode="text">
    <a class="{local-name()}" href="{@target}">
      <xsl:apply-templates mode="#current"/>
      <xsl:if test="self::tei:ptr"><xsl:value-of select="@target"/></xsl:if>
    </a>
  </xsl:template>
</xsl:stylesheet>

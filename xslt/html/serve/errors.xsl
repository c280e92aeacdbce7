<?xml version="1.0" encoding="UTF-8"?>
<!--
  `editio serve`, while the edition does not build: the page the browser gets instead of stale content. Made from
  tei-check's JUnit report (output/reports/tei-check.junit.xml, $report): for each file with errors, each error with its line,
  column, message and rule. $stopped: the build's own message when a stage other than the check stopped it. The
  page loads the reload script ($live-reload, common.xsl), so it gives way to the edition once the file is mended.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:editio="https://editio.invalid/ns"
  xmlns:serve="https://editio.invalid/ns/serve"
  exclude-result-prefixes="#all">

  <xsl:import href="../common.xsl"/>

  <xsl:param name="stopped" as="xs:string" select="''"/>
  <!-- the report's URI; empty when a stage after the check stopped the build -->
  <xsl:param name="report" as="xs:string" select="''"/>

  <!-- "tei/x.xml:111:26: error: message [rule]", as tei-check writes every problem -->
  <xsl:variable name="editio:problem" as="xs:string"
    select="'^(.+?):(\d+):(\d+): (error|warning): (.*?)(?: \[([^\]]+)\])?$'"/>

  <xsl:template name="xsl:initial-template">
    <xsl:variable name="files" select="(if ($report[.]) then doc($report) else ())//testcase[failure]"/>
    <xsl:variable name="count" select="sum($files/failure/count(tokenize(., '\n')[normalize-space()]))"/>
    <xsl:call-template name="editio:page">
      <xsl:with-param name="title" select="'The edition does not build'"/>
      <xsl:with-param name="here" select="''"/>
      <xsl:with-param name="scripts" select="()"/>
      <xsl:with-param name="content">
        <h1>The edition does not build</h1>
        <div class="build-errors" role="alert">
          <xsl:choose>
            <xsl:when test="$files">
              <p class="intro">
                <xsl:value-of select="$count, if ($count = 1) then 'error' else 'errors', 'in', count($files),
                                      if (count($files) = 1) then 'file' else 'files'"/>
                <xsl:text>: the pages are shown again when the edition is valid. This page reloads by itself when </xsl:text>
                <xsl:text>the file is saved mended.</xsl:text>
              </p>
              <xsl:apply-templates select="$files" mode="serve:file"/>
            </xsl:when>
            <xsl:otherwise>
              <p class="intro">
                <xsl:text>The build stopped: </xsl:text>
                <xsl:value-of select="$stopped"/>
                <xsl:text>. This page reloads by itself when the cause is mended.</xsl:text>
              </p>
            </xsl:otherwise>
          </xsl:choose>
        </div>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="testcase" mode="serve:file">
    <section class="build-error-file">
      <h2><code><xsl:value-of select="@file"/></code></h2>
      <ol class="build-error-list">
        <xsl:for-each select="tokenize(failure, '\n')[normalize-space()]">
          <li>
            <xsl:analyze-string select="." regex="{$editio:problem}">
              <xsl:matching-substring>
                <span class="build-error-where">
                  <xsl:value-of select="'line', regex-group(2) || ', column', regex-group(3) || ':'"/>
                </span>
                <xsl:text> </xsl:text>
                <span class="build-error-message"><xsl:value-of select="regex-group(5)"/></span>
                <xsl:if test="regex-group(6)">
                  <xsl:text> </xsl:text><code class="build-error-rule"><xsl:value-of select="regex-group(6)"/></code>
                </xsl:if>
              </xsl:matching-substring>
              <xsl:non-matching-substring><xsl:value-of select="."/></xsl:non-matching-substring>
            </xsl:analyze-string>
          </li>
        </xsl:for-each>
      </ol>
    </section>
  </xsl:template>

</xsl:stylesheet>

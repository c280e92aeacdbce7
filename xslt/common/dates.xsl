<?xml version="1.0" encoding="UTF-8"?>
<!--
  Dates as the reader sees them, shared by the web and print editions: an ISO 8601 value of @when, @notBefore or
  @notAfter (1951, 1951-10, 1951-10-24, 1951-10-24T19:40:00) in words ("24 October 1951, 19:40").
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:editio="https://editio.invalid/ns"
  exclude-result-prefixes="#all">

  <xsl:function name="editio:format-date" as="xs:string">
    <xsl:param name="iso" as="xs:string?"/>
    <xsl:variable name="v" select="normalize-space($iso)"/>
    <xsl:sequence select="
      if ($v castable as xs:dateTime)
        then editio:date-words(xs:date(substring($v, 1, 10)), 'day', format-dateTime(xs:dateTime($v), '[H01]:[m01]'))
      else if ($v castable as xs:date) then editio:date-words(xs:date($v), 'day', ())
      else if ($v castable as xs:gYearMonth) then editio:date-words(xs:date($v || '-01'), 'month', ())
      else $v"/>
  </xsl:function>

  <!-- A day ($precision 'day') or a month ('month') in words, with a time of day (HH:MM) or none: here in English
       by format-date; a stylesheet that imports this one and knows the reader's language overrides it (the web
       edition's words for months and the pattern of a date are in xslt/html/labels.xml: date.*). -->
  <xsl:function name="editio:date-words" as="xs:string">
    <xsl:param name="date" as="xs:date"/>
    <xsl:param name="precision" as="xs:string"/>
    <xsl:param name="time" as="xs:string?"/>
    <xsl:sequence select="string-join((format-date($date, if ($precision = 'month') then '[MNn] [Y]' else '[D] [MNn] [Y]'),
                                       $time), ', ')"/>
  </xsl:function>

  <!-- The reading of a TEI date element: its @when, or its range, in words (one day's range as
       "18 November 1950, 04:03–19:35"); the printed text when it has neither. -->
  <xsl:function name="editio:date-reading" as="xs:string">
    <xsl:param name="date" as="element()"/>
    <xsl:sequence select="
      if ($date/@when) then editio:format-date($date/@when)
      else if ($date/@notBefore castable as xs:dateTime and $date/@notAfter castable as xs:dateTime
               and substring($date/@notBefore, 1, 10) = substring($date/@notAfter, 1, 10))
        then editio:format-date($date/@notBefore) || '–' || format-dateTime(xs:dateTime($date/@notAfter), '[H01]:[m01]')
      else if ($date/@notBefore or $date/@notAfter)
        then string-join((editio:format-date($date/@notBefore), editio:format-date($date/@notAfter)), ' – ')
      else normalize-space($date)"/>
  </xsl:function>

  <!-- The sort key and the year of a document's date (the first of @when, @notBefore, @notAfter). -->
  <xsl:function name="editio:date-key" as="xs:string">
    <xsl:param name="date" as="element()?"/>
    <xsl:sequence select="string(($date/@when, $date/@notBefore, $date/@notAfter)[1])"/>
  </xsl:function>
</xsl:stylesheet>

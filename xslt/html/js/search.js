/* Full-text search of the edition with Pagefind's JS API (the index the build writes to pagefind/).
   Enhances search.html: a query box, filters by year / person / place, results with document, date and a
   snippet. Opened from file://, where browsers do not let a page load the index, it says so plainly and stops;
   every other page of the edition works from the folder. Uses the elements of search.html by id when they exist
   (search-form, search-input, search-filters, search-status, search-results), else makes them in #search. */
(function () {
  "use strict";

  /* the words the page gives the script in its language (data-labels, from xslt/html/labels.xml) */
  var labels = {};
  try { labels = JSON.parse(document.body.getAttribute("data-labels") || "{}"); } catch (e) { labels = {}; }
  function word(key, fallback, values) {
    return String(labels[key] || fallback).replace(/\{(\w+)\}/g, function (all, name) {
      return values && name in values ? values[name] : all;
    });
  }

  var FILTERS = [["year", word("year", "Year")], ["person", word("person", "Person")], ["place", word("place", "Place")]];
  var root = document.getElementById("search") || document.querySelector("main") || document.body;

  function make(tag, attrs, text) {
    var el = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) { el.setAttribute(name, attrs[name]); });
    if (text !== undefined) { el.textContent = text; }
    return el;
  }

  function part(id, tag, attrs, parent) {
    var el = document.getElementById(id);
    if (!el) {
      attrs = attrs || {};
      attrs.id = id;
      el = make(tag, attrs);
      (parent || root).appendChild(el);
    }
    return el;
  }

  var form = part("search-form", "form", {role: "search", action: "search.html"});
  var input = document.getElementById("search-input");
  if (!input) {
    form.appendChild(make("label", {"for": "search-input"}, word("search-label", "Search the edition")));
    input = part("search-input", "input", {type: "search", name: "q", autocomplete: "off"}, form);
  }
  var filtersBox = part("search-filters", "div");
  filtersBox.classList.add("filters");
  var status = part("search-status", "p", {"aria-live": "polite"});
  var list = part("search-results", "ol");
  if (list.tagName !== "OL" && list.tagName !== "UL") {  /* results are list items: give them a list */
    list = list.appendChild(make("ol", {"class": "search-result-list"}));
  }

  function say(text) { status.textContent = text; }

  if (location.protocol === "file:") {
    input.disabled = true;
    if (status.textContent.trim()) { return; }  /* the page already says what search needs, with its links */
    say(word("search-file", "Search needs the edition served over http(s): browsers do not let a page opened from " +
        "a file load the search index. Every other page works from the folder (the list of documents on the home " +
        "page, the indexes of persons, places and organisations); to search, put the folder on any web server, or " +
        "run \"python3 -m http.server\" in it and open http://localhost:8000/search.html."));
    return;
  }

  var params = new URLSearchParams(location.search);
  var selects = {};
  var pagefind = null;
  var latest = 0;

  /* Pagefind's excerpt marks the hits with <mark>; keep only its text and those marks (never other markup). */
  function snippet(excerpt) {
    var out = make("p", {"class": "search-snippet"});
    var doc = new DOMParser().parseFromString("<body>" + excerpt + "</body>", "text/html");
    doc.body.childNodes.forEach(function (node) {
      if (node.nodeType === Node.ELEMENT_NODE && node.tagName === "MARK") {
        out.appendChild(make("mark", {}, node.textContent));
      } else {
        out.appendChild(document.createTextNode(node.textContent));
      }
    });
    return out;
  }

  function primaryTag(lang) { return (lang || "").toLowerCase().split("-")[0]; }

  function foreign(lang) {
    var tag = primaryTag(lang);
    return tag !== "" && tag !== "und" && tag !== primaryTag(document.documentElement.lang);
  }

  function resultItem(data) {
    var item = make("li", {"class": "search-result"});
    var heading = make("h2", {"class": "search-result-title"});
    heading.appendChild(make("a", {href: data.url}, (data.meta && data.meta.title) || data.url));
    item.appendChild(heading);
    var meta = data.meta || {};
    if (meta.date) {
      var date = make("p", {"class": "search-result-date"});
      /* the date in the edition's words and language, as the page writes it (its meta "date-words") */
      date.appendChild(make("time", {datetime: meta.date}, meta["date-words"] || meta.date));
      item.appendChild(date);
    }
    if (meta.summary) { item.appendChild(make("p", {"class": "search-result-summary"}, meta.summary)); }
    var text = snippet(data.excerpt || "");
    item.appendChild(text);
    /* the page's words are in the document's language (its meta "lang", the TEI's xml:lang): where that is not
       the search page's, its title and snippet say theirs; the date is the edition's words */
    if (foreign(meta.lang)) {
      heading.firstChild.setAttribute("lang", meta.lang);
      text.setAttribute("lang", meta.lang);
    }
    return item;
  }

  function chosenFilters() {
    var chosen = {};
    Object.keys(selects).forEach(function (name) {
      if (selects[name].value) { chosen[name] = selects[name].value; }
    });
    return chosen;
  }

  function syncAddress(query, chosen) {
    var next = new URLSearchParams();
    if (query) { next.set("q", query); }
    Object.keys(chosen).forEach(function (name) { next.set(name, chosen[name]); });
    var text = next.toString();
    history.replaceState(null, "", location.pathname + (text ? "?" + text : ""));
  }

  function run() {
    var query = input.value.trim();
    var chosen = chosenFilters();
    syncAddress(query, chosen);
    var ticket = ++latest;
    if (!query && !Object.keys(chosen).length) {
      list.replaceChildren();
      say(word("type", "Type a word or choose a filter."));
      return;
    }
    say(word("searching", "Searching…"));
    pagefind.search(query || null, {filters: chosen}).then(function (search) {
      return Promise.all(search.results.map(function (r) { return r.data(); }));
    }).then(function (results) {
      if (ticket !== latest) { return; }
      list.replaceChildren.apply(list, results.map(resultItem));
      var what = query ? "“" + query + "”" : word("the-filters", "the filters");
      say(results.length === 1 ? word("found-one", "1 document for {what}.", {what: what}) :
          word("found", "{n} documents for {what}.", {n: results.length, what: what}));
    }).catch(function (error) {
      if (ticket === latest) { say(word("failed", "Search failed: {error}", {error: error.message})); }
    });
  }

  function buildFilters(available) {
    FILTERS.forEach(function (pair) {
      var name = pair[0];
      var values = available[name];
      if (!values || !Object.keys(values).length) { return; }
      var id = "search-filter-" + name;
      var wrap = make("label", {"class": "search-filter", "for": id}, pair[1]);
      var select = make("select", {id: id, name: name});
      select.appendChild(make("option", {value: ""}, word("any", "any")));
      Object.keys(values).sort().forEach(function (value) {
        var option = make("option", {value: value}, value + " (" + values[value] + ")");
        select.appendChild(option);
      });
      select.value = params.get(name) || "";
      select.addEventListener("change", run);
      selects[name] = select;
      wrap.appendChild(select);
      filtersBox.appendChild(wrap);
    });
  }

  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(run, 250);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    run();
  });
  input.value = params.get("q") || input.value;

  say(word("loading", "Loading the search index…"));
  import(new URL("pagefind/pagefind.js", document.baseURI).href).then(function (module) {
    pagefind = module;
    return pagefind.filters();
  }).then(function (available) {
    buildFilters(available || {});
    run();
  }).catch(function () {
    input.disabled = true;
    say(word("no-index", "The search index could not be loaded (pagefind/ is missing from this copy of the " +
        "edition). The home page and the indexes list every document."));
  });
})();

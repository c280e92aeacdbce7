/* The web edition's enhancements. Every page works without this file: it only remembers the chosen view
   and archival layer across pages, shows the name cards on hover and focus, and filters the list of documents. */
(function () {
  "use strict";
  var root = document.documentElement;
  /* the words the page gives the script in its language (data-labels, from xslt/html/labels.xml) */
  var labels = {};
  try { labels = JSON.parse(document.body.getAttribute("data-labels") || "{}"); } catch (e) { labels = {}; }
  function say(key, fallback, values) {
    return String(labels[key] || fallback).replace(/\{(\w+)\}/g, function (all, name) {
      return values && name in values ? values[name] : all;
    });
  }
  var store = {
    get: function (k) { try { return window.localStorage.getItem(k); } catch (e) { return null; } },
    set: function (k, v) { try { window.localStorage.setItem(k, v); } catch (e) { /* file:// or private mode */ } }
  };

  /* ---- diplomatic / reading view and archival layer: form controls that work without this script (CSS reads
     their state); the script remembers the choice across pages and sets classes for browsers without :has() ---- */
  function showView(view) {
    root.classList.toggle("view-reading", view === "reading");
  }
  var views = document.querySelectorAll("input.view-input[name='view']");
  if (views.length) {
    var initial = location.hash === "#view-reading" ? "reading" : store.get("editio-view");
    views.forEach(function (input) {
      if (initial && input.value === initial) { input.checked = true; }
      input.addEventListener("change", function () {
        if (input.checked) { showView(input.value); store.set("editio-view", input.value); }
      });
    });
    var chosen = document.querySelector("input.view-input[name='view']:checked");
    showView(chosen ? chosen.value : "diplomatic");
  }

  var layer = document.getElementById("layer-switch");
  if (layer) {
    if (store.get("editio-archival") === "hidden") { layer.checked = false; }
    root.classList.toggle("hide-archival", !layer.checked);
    layer.addEventListener("change", function () {
      root.classList.toggle("hide-archival", !layer.checked);
      store.set("editio-archival", layer.checked ? "shown" : "hidden");
    });
  }

  /* ---- name cards: the card of the entry, rendered at build time into the page ---- */
  var popup = null;
  function hideCard() { if (popup) { popup.remove(); popup = null; } }
  function showCard(a) {
    var card = document.getElementById(a.getAttribute("aria-describedby"));
    if (!card) { return; }
    hideCard();
    popup = card.cloneNode(true);
    popup.removeAttribute("id");
    popup.classList.add("card-popup");
    popup.setAttribute("data-for", a.dataset.ref || "");
    document.body.appendChild(popup);
    var r = a.getBoundingClientRect();
    var left = Math.max(8, Math.min(window.scrollX + r.left, window.scrollX + document.documentElement.clientWidth - popup.offsetWidth - 8));
    popup.style.left = left + "px";
    popup.style.top = (window.scrollY + r.bottom + 6) + "px";
    popup.addEventListener("mouseleave", hideCard);
  }
  document.querySelectorAll("a.name[aria-describedby]").forEach(function (a) {
    a.addEventListener("mouseenter", function () { showCard(a); });
    a.addEventListener("focus", function () { showCard(a); });
    a.addEventListener("mouseleave", function (ev) {
      if (popup && ev.relatedTarget && popup.contains(ev.relatedTarget)) { return; }
      hideCard();
    });
    a.addEventListener("blur", hideCard);
  });
  document.addEventListener("keydown", function (ev) { if (ev.key === "Escape") { hideCard(); } });

  /* ---- "cite this passage": the link goes to the passage; the script also copies its stable address ---- */
  var said = null;
  document.querySelectorAll("a.cite-passage[data-cite]").forEach(function (a) {
    a.addEventListener("click", function () {
      if (!navigator.clipboard || !window.isSecureContext) { return; }
      navigator.clipboard.writeText(a.dataset.cite).then(function () {
        if (!said) {
          said = document.createElement("p");
          said.className = "cite-copied";
          said.setAttribute("role", "status");
          document.body.appendChild(said);
        }
        said.textContent = say("copied", "Address of the passage copied: {address}", {address: a.dataset.cite});
        window.setTimeout(function () { said.textContent = ""; }, 4000);
      }, function () { /* no permission: the link alone does it */ });
    });
  });

  /* ---- filters of the list of documents (data-* attributes of each entry) ---- */
  var list = document.getElementById("doc-list");
  var form = document.getElementById("doc-filters");
  if (list && form) {
    form.hidden = false;
    var count = document.getElementById("filter-count");
    var apply = function () {
      var wanted = {};
      form.querySelectorAll("select").forEach(function (s) { if (s.value) { wanted[s.dataset.key] = s.value; } });
      var shown = 0;
      list.querySelectorAll(":scope > li").forEach(function (li) {
        var ok = Object.keys(wanted).every(function (k) {
          return (" " + (li.getAttribute("data-" + k) || "") + " ").indexOf(" " + wanted[k] + " ") !== -1;
        });
        li.hidden = !ok;
        if (ok) { shown += 1; }
      });
      if (count) {
        count.textContent = say("filter-count", "{shown} of {total} documents", {shown: shown, total: list.children.length});
      }
    };
    form.addEventListener("change", apply);
    form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
    form.addEventListener("submit", function (ev) { ev.preventDefault(); apply(); });
    apply();
  }
})();

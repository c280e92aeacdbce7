// `editio serve` only (loaded when the stylesheet parameter live-reload is set; a published build never loads it):
// listens to the server's build events and reloads the page when a build has finished, so the editor sees a
// change as soon as it is built — the edition, or the errors that stop it. Same origin only (the page's CSP).
(function () {
  "use strict";
  var source = new EventSource("/_editio/events");
  var seen = null;
  source.addEventListener("build", function (event) {
    if (seen !== null && event.data !== seen) {
      window.location.reload();
    }
    seen = event.data;
  });
})();

// A classic script, run before the module: if the module or its WebAssembly cannot load (an
// old browser, or the page opened as a file instead of served over HTTP), say so instead of
// showing a page that does nothing.
(function () {
  function fail(event) {
    // Resource errors of anything but a script (an image, say) do not stop the page.
    var target = event && event.target;
    if (target && target !== window && target.tagName !== "SCRIPT") return;
    if (document.body && document.body.classList.contains("ready")) return;
    var status = document.getElementById("decode-status");
    if (!status) return;
    status.className = "status bad";
    status.textContent =
      "This page could not start. It needs a browser with WebAssembly, and it must be served " +
      "over HTTP (for example python3 -m http.server), not opened as a file.";
  }
  window.addEventListener("error", fail, true);
  window.addEventListener("unhandledrejection", fail);
})();

/* Steppe Atlas: the two jQuery calls that Folium's templates make, so no jQuery is loaded.
 *   $(document).ready(fn)   -> runs fn once the document is ready
 *   $(`<div>...</div>`)[0]  -> the element parsed from an HTML string (popups)
 * Anything else throws, so a new Folium feature that needs more of jQuery fails loudly in the tests. */
(function () {
  function shim(arg) {
    if (typeof arg === "string") {
      var template = document.createElement("template");
      template.innerHTML = arg.trim();
      return [template.content.firstElementChild];
    }
    if (arg === document) {
      return { ready: function (fn) {
        if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", fn); } else { fn(); }
      } };
    }
    throw new Error("folium-shim: unsupported jQuery call");
  }
  window.$ = window.jQuery = shim;
})();

/* Steppe Atlas: keys for story slides — what a keyboard and a presentation clicker send.
 *
 *   Right arrow, Page Down, Space  -> the slide's Next button
 *   Left arrow, Page Up            -> Back
 *   Home                           -> Title slide
 *   Escape                         -> Leave presenter mode (only while presenting)
 *
 * A key clicks the slide's own button (`.st-key-NAME button`), so it does exactly what a click does: the page
 * script sees the button pressed and changes the slide (it acts on the button's value, not on a callback, so a key
 * right after the server restarted still works). Keys do nothing while focus is in a text field, a select, a
 * slider or another widget that uses them, when a modifier is held, or when no slide is shown (elsewhere Page
 * Down and Space scroll as usual). Space on a focused button or link presses that button, as always.
 *
 * Why not a package: Streamlit's own `shortcut=` takes one key per button (a clicker needs Page Down and the
 * arrows), and streamlit-shortcuts 1.2.2 also fires inside text fields and swallows the keys on pages without a
 * slide. steppe/ui/story.py sends this file inline (st.html) on every slide; it installs one listener per tab.
 * It must never contain a less-than sign: Streamlit's HTML sanitizer drops a script whose text has one. */
(function () {
  "use strict";
  if (window.__steppeSlideKeys) { return; }
  window.__steppeSlideKeys = true;
  var ACTIONS = {
    "ArrowRight": "story-next", "PageDown": "story-next", " ": "story-next", "Spacebar": "story-next",
    "ArrowLeft": "story-prev", "PageUp": "story-prev", "Home": "story-home", "Escape": "story-leave-present"
  };
  var TYPING = /^(INPUT|TEXTAREA|SELECT)$/;
  var OWN_KEYS = /^(slider|spinbutton|combobox|listbox|option|textbox|menu|menuitem|menubar|radio|radiogroup|tab|tablist|grid|gridcell|tree|treeitem|switch)$/;

  function usesKeys(target) {
    if (!target || target === document.body || !target.closest) { return false; }
    if (target.isContentEditable || TYPING.test(target.tagName)) { return true; }
    var widget = target.closest("[role]");
    return Boolean(widget && OWN_KEYS.test(widget.getAttribute("role")));
  }

  document.addEventListener("keydown", function (event) {
    var key = ACTIONS[event.key];
    if (!key || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) { return; }
    if (usesKeys(event.target)) { return; }
    if (key === "story-next" && event.key !== "ArrowRight" && event.key !== "PageDown" &&
        event.target.closest && event.target.closest("button, a, summary, [role=button]")) { return; }
    var button = document.querySelector(".st-key-" + key + " button");
    if (!button) { return; }
    event.preventDefault();
    if (!button.disabled) { button.click(); }
  });
})();

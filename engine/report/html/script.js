// credcheck scorecard: open a finding's explanation from its mark or
// badge in the text, and copy the suppression snippets. The page reads
// and works without it: badges are links and explanations are <details>.
(function () {
  "use strict";
  function open(id, focus) {
    var item = document.getElementById(id);
    if (!item) { return; }
    var details = item.querySelector("details");
    if (details) { details.open = true; }
    document.querySelectorAll(".finding.active, mark.active").forEach(function (el) { el.classList.remove("active"); });
    item.classList.add("active");
    document.querySelectorAll('mark[data-f="' + id + '"]').forEach(function (el) { el.classList.add("active"); });
    item.scrollIntoView({ block: "nearest" });
    // The entry itself takes the focus, not its summary: the key that
    // followed the badge would reach the summary too and close it again.
    if (focus) { item.focus(); }
  }
  document.addEventListener("click", function (e) {
    var mark = e.target.closest("mark[data-f]");
    if (mark) { open(mark.getAttribute("data-f"), true); return; }
    var badge = e.target.closest("a.badge");
    if (badge) {
      e.preventDefault();
      var id = badge.getAttribute("href").slice(1);
      history.replaceState(null, "", "#" + id);
      open(id, true);
      return;
    }
    var copy = e.target.closest("button.copy");
    if (copy) {
      var code = copy.parentNode.querySelector("code");
      var done = function () { copy.textContent = "Copied"; setTimeout(function () { copy.textContent = "Copy"; }, 1500); };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(code.textContent).then(done, function () {});
      } else {
        var range = document.createRange();
        range.selectNodeContents(code);
        var sel = window.getSelection();
        sel.removeAllRanges();
        sel.addRange(range);
        try { document.execCommand("copy"); done(); } catch (err) { /* the text stays selected to copy by hand */ }
      }
    }
  });
  if (location.hash.length > 1) { open(location.hash.slice(1), false); }
})();

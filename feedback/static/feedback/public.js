/* The public feedback form: the error summary takes focus on load, and its links move to the
   question (its legend in view, the focus on its first choice). Without this file the page
   works the same, the links jumping to each question. */
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var summary = document.getElementById("error-summary");
    if (!summary) return;
    summary.focus();
    summary.addEventListener("click", function (event) {
      var link = event.target.closest("a[href^='#']");
      var target = link && document.getElementById(link.getAttribute("href").slice(1));
      if (!target) return;
      var input = target.matches("input, textarea")
        ? target
        : target.querySelector("input:checked") || target.querySelector("input, textarea");
      if (!input) return;
      event.preventDefault();
      (target.querySelector("legend") || target).scrollIntoView();
      input.focus({ preventScroll: true });
    });
  });
})();

/* The answer form: the error summary takes focus and its links move to the question; the
   progress count follows the choices. The page works without this file: the count is
   rendered by the server, the links jump to each question. */
(function () {
  "use strict";

  function answered(form) {
    var names = {};
    form.querySelectorAll("input[type=radio]:checked").forEach(function (radio) {
      if (/^s\d+$/.test(radio.name)) names[radio.name] = true;
    });
    return Object.keys(names).length;
  }

  function followProgress(form) {
    var count = document.querySelector(".answer-progress__count");
    if (!count) return;
    form.addEventListener("change", function () {
      count.textContent = String(answered(form));
    });
  }

  function focusSummary() {
    var summary = document.getElementById("error-summary");
    if (!summary) return;
    summary.focus();
    summary.addEventListener("click", function (event) {
      var link = event.target.closest("a[href^='#']");
      var group = link && document.getElementById(link.getAttribute("href").slice(1));
      if (!group) return;
      var input = group.querySelector("input:checked") || group.querySelector("input, textarea");
      if (!input) return;
      event.preventDefault();
      // As in the GOV.UK error summary: the question's legend in view, the focus on its first choice.
      var legend = group.querySelector("legend") || group;
      legend.scrollIntoView();
      input.focus({ preventScroll: true });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.querySelector("form.answer-form");
    if (form) followProgress(form);
    focusSummary();
  });
})();

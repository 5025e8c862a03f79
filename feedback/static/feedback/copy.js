// "Copy the text" buttons of the feedback link page: shown only where the browser can copy;
// without JavaScript the read-only text can be selected and copied by hand.
(function () {
  "use strict";
  if (!navigator.clipboard) return;
  var status = document.querySelector("[data-copy-status]");
  document.querySelectorAll("[data-copy]").forEach(function (button) {
    var source = document.getElementById(button.getAttribute("data-copy"));
    if (!source) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(source.value).then(function () {
        if (status) status.textContent = status.getAttribute("data-copied");
      }, function () {
        source.select();
      });
    });
  });
})();

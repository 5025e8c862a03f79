// While a unit report is being prepared, ask for its state every few seconds and reload the
// page when it is ready or has failed. Without JavaScript the page has a link to check again.
(function () {
  "use strict";
  var box = document.querySelector("[data-poll-url]");
  if (!box || !window.fetch) return;
  var url = box.getAttribute("data-poll-url");
  var tries = 0;
  function check() {
    tries += 1;
    fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : { state: "pending" }; })
      .then(function (data) {
        if (data.state !== "pending") {
          window.location.reload();
        } else if (tries < 100) {
          window.setTimeout(check, 3000);
        }
      })
      .catch(function () { if (tries < 100) window.setTimeout(check, 5000); });
  }
  window.setTimeout(check, 2000);
})();

/* Kiosk mode on a tablet at the unit's door: nothing of one client is left for the next.
   - The thanks page returns to the empty form by itself after data-kiosk-return-seconds.
   - A form left untouched for data-kiosk-idle-seconds is cleared: the empty form is loaded
     again (in the tablet's own language), or, when nothing was filled in, the page just goes
     back to the top.
   Navigation replaces the history entry, so the back button does not bring an answer back. */
(function () {
  "use strict";

  function returnAfterThanks() {
    var message = document.querySelector("[data-kiosk-return-url]");
    if (!message) return;
    var seconds = Number(message.getAttribute("data-kiosk-return-seconds")) || 8;
    window.setTimeout(function () {
      window.location.replace(message.getAttribute("data-kiosk-return-url"));
    }, seconds * 1000);
  }

  function filledIn(form) {
    if (form.querySelector("input[type=radio]:checked")) return true;
    return Array.prototype.some.call(form.querySelectorAll("textarea, input[type=text]"), function (field) {
      return field.value.trim() !== "";
    });
  }

  function resetWhenIdle() {
    var form = document.querySelector("form[data-kiosk-reset-url]");
    if (!form) return;
    var resetUrl = form.getAttribute("data-kiosk-reset-url");
    var seconds = Number(form.getAttribute("data-kiosk-idle-seconds")) || 60;
    var timer = null;
    var clean = document.getElementById("error-summary") === null;

    function reset() {
      var here = window.location.pathname + window.location.search;
      if (filledIn(form) || !clean || here !== resetUrl) {
        window.location.replace(resetUrl);
        return;
      }
      window.scrollTo(0, 0);
      restart();
    }

    function restart() {
      window.clearTimeout(timer);
      timer = window.setTimeout(reset, seconds * 1000);
    }

    ["input", "change", "keydown", "pointerdown", "touchstart", "scroll"].forEach(function (name) {
      window.addEventListener(name, restart, { passive: true, capture: true });
    });
    restart();
  }

  // A page shown again from the back-forward cache may hold the last client's choices.
  window.addEventListener("pageshow", function (event) {
    var form = document.querySelector("form[data-kiosk-reset-url]");
    if (event.persisted && form) window.location.replace(form.getAttribute("data-kiosk-reset-url"));
  });

  document.addEventListener("DOMContentLoaded", function () {
    returnAfterThanks();
    resetWhenIdle();
  });
})();

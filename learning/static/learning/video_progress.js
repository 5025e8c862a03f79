// Reports the share of a lesson's video actually played (from the browser's played ranges, so
// skipping to the end does not count) to the server, which completes the lesson at 90 %.
(function () {
  "use strict";
  document.querySelectorAll("video[data-progress-url]").forEach(function (video) {
    var reported = 0;
    var status = document.getElementById(video.getAttribute("aria-describedby"));

    function watchedShare() {
      if (!video.duration || !isFinite(video.duration)) return 0;
      var seconds = 0;
      for (var i = 0; i < video.played.length; i++) {
        seconds += video.played.end(i) - video.played.start(i);
      }
      return Math.min(1, seconds / video.duration);
    }

    function report(force) {
      var share = watchedShare();
      if (share <= reported || (!force && share - reported < 0.05)) return;
      reported = share;
      var body = new FormData();
      body.append("watched_share", share.toFixed(3));
      fetch(video.dataset.progressUrl, {
        method: "POST",
        body: body,
        headers: { "X-CSRFToken": video.dataset.csrf },
        credentials: "same-origin",
      }).then(function (response) {
        if (response.ok && status && status.dataset.template) {
          status.textContent = status.dataset.template.replace("__PERCENT__", Math.round(share * 100));
        }
        return response.ok ? response.json() : null;
      }).then(function (answer) {
        // The last required lesson done: the way to the course's completion page and certificate.
        if (answer && answer.course_complete_url && status && status.dataset.courseComplete) {
          var link = document.createElement("a");
          link.href = answer.course_complete_url;
          link.textContent = status.dataset.courseComplete;
          status.appendChild(document.createTextNode(" "));
          status.appendChild(link);
        }
      });
    }

    video.addEventListener("timeupdate", function () { report(false); });
    video.addEventListener("pause", function () { report(true); });
    video.addEventListener("ended", function () { report(true); });
  });
})();

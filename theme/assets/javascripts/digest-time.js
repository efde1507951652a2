/* Dates with a known offset are written in UTC by the build; here they are restated in the
   reader's time zone, in the same format ("23 Nov 2026, 11:40 CET"). Runs again after each
   page change of Material's instant navigation (document$). */
(function () {
  "use strict";
  var months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  var format = new Intl.DateTimeFormat("en-GB", {
    day: "numeric", month: "numeric", year: "numeric", hour: "2-digit", minute: "2-digit",
    hourCycle: "h23", timeZoneName: "short"
  });
  function text(date) {
    var p = {};
    format.formatToParts(date).forEach(function (part) { p[part.type] = part.value; });
    return Number(p.day) + " " + months[p.month - 1] + " " + p.year + ", " + p.hour + ":" + p.minute + " " + p.timeZoneName;
  }
  function localise(root) {
    (root || document).querySelectorAll("time[data-dg-zoned]").forEach(function (el) {
      var date = new Date(el.getAttribute("datetime"));
      if (!isNaN(date)) el.textContent = text(date);
      el.removeAttribute("data-dg-zoned");
    });
  }
  window.digestLocalTime = localise;
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () { localise(); });
  } else {
    localise();
  }
})();

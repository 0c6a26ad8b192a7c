(function () {
  "use strict";
  document.documentElement.classList.add("js");
  var slides = Array.prototype.slice.call(document.querySelectorAll("section.slide"));
  var current = -1;
  function fromHash() {
    var m = /^#slide-(\d+)$/.exec(location.hash);
    return m ? parseInt(m[1], 10) - 1 : 0;
  }
  function show(i) {
    i = Math.max(0, Math.min(slides.length - 1, i));
    slides.forEach(function (s, k) { s.hidden = k !== i; });
    if (i !== current) { window.scrollTo(0, 0); }
    current = i;
    document.getElementById("place").textContent = (i + 1) + "/" + slides.length;
    document.getElementById("progress").style.width = (100 * (i + 1) / slides.length) + "%";
    var hash = "#slide-" + (i + 1);
    if (location.hash !== hash) {
      try { history.replaceState(null, "", hash); } catch (e) { location.hash = hash; }
    }
  }
  document.addEventListener("keydown", function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey) { return; }
    switch (e.key) {
      case "ArrowRight": case " ": case "l": case "j": case "PageDown": show(current + 1); break;
      case "ArrowLeft": case "h": case "k": case "PageUp": show(current - 1); break;
      case "Home": show(0); break;
      case "End": show(slides.length - 1); break;
      case "n": document.body.classList.toggle("show-notes"); break;
      case "p": document.body.classList.toggle("hide-python"); break;
      default: return;
    }
    e.preventDefault();
  });
  window.addEventListener("hashchange", function () { show(fromHash()); });
  show(fromHash());
})();

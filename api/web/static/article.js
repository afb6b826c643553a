// The article page: pointing at an assertion in the list lights up its words in the text, and
// the assertion named in the address (#a-<id>) is lit when the page opens.
(function () {
  "use strict";
  const marks = Array.from(document.querySelectorAll("#article-body mark"));
  function light(id, on) {
    for (const mark of marks) {
      if ((mark.dataset.assertions || "").split(" ").indexOf(id) >= 0) mark.classList.toggle("lit", on);
    }
  }
  for (const item of document.querySelectorAll("#assertions li[data-id]")) {
    item.addEventListener("mouseenter", function () { light(item.dataset.id, true); });
    item.addEventListener("mouseleave", function () { light(item.dataset.id, false); });
  }
  const wanted = decodeURIComponent(location.hash.replace(/^#a-/, ""));
  if (wanted) {
    light(wanted, true);
    const item = document.getElementById("a-" + wanted);
    if (item) item.classList.add("lit");
  }
})();

// A code example wider than the page scrolls sideways; a keyboard user reaches it with Tab and
// scrolls it with the arrow keys (WCAG 2.1.1), so every code block can take the focus.
document.querySelectorAll("pre > code").forEach(function (code) {
  code.setAttribute("tabindex", "0");
});

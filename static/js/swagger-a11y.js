/* What Swagger UI leaves out of the controls it draws at /api/docs/, added as it draws them
   (WCAG 2.2 AA, as axe checks it): a name for each parameter's drop-down list, taken from the
   parameter's row, and keyboard access to the code examples that scroll sideways. */
"use strict";

(function () {
  const root = document.getElementById("swagger-ui");
  if (!root) {
    return;
  }

  function label(node) {
    node.querySelectorAll("select:not([aria-label])").forEach(function (select) {
      const row = select.closest("tr[data-param-name]");
      if (row) {
        select.setAttribute("aria-label", row.getAttribute("data-param-name"));
      }
    });
    node.querySelectorAll(".highlight-code > .microlight:not([tabindex])").forEach(function (code) {
      code.setAttribute("tabindex", "0");
    });
  }

  new MutationObserver(function () {
    label(root);
  }).observe(root, { childList: true, subtree: true });
})();

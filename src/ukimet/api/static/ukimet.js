// Small enhancements of the server-rendered pages; every page works without them (the policy forbids inline
// scripts, so this file is the only script the pages load).
"use strict";

// A checkbox with data-selects="NAME" ticks or clears every checkbox named NAME on the page.
document.querySelectorAll("input[type=checkbox][data-selects]").forEach((all) => {
  all.addEventListener("change", () => {
    document.querySelectorAll(`input[type=checkbox][name="${all.dataset.selects}"]`).forEach((box) => {
      box.checked = all.checked;
    });
  });
});

// Tables with class "sortable": each column header becomes a button that sorts the rows by that column, numbers
// as numbers (in the page's locale: "551 793,76"), text in the page's language; again to reverse. The header
// says the order (aria-sort) to screen readers.
const lang = document.documentElement.lang || "en";
const collator = new Intl.Collator(lang, { numeric: true, sensitivity: "base" });
const number = (text) => {
  const plain = text.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
  return /^-?\d+(\.\d+)?$/.test(plain) ? parseFloat(plain) : null;
};

document.querySelectorAll("table.sortable").forEach((table) => {
  const body = table.tBodies[0];
  const headers = table.tHead ? Array.from(table.tHead.rows[0].cells) : [];
  headers.forEach((cell, column) => {
    if (!cell.textContent.trim()) return; // a column of checkboxes or actions is not sorted
    const button = document.createElement("button");
    button.type = "button";
    button.className = "sort";
    button.title = table.dataset.sortTitle || "";
    while (cell.firstChild) button.appendChild(cell.firstChild);
    cell.appendChild(button);
    button.addEventListener("click", () => {
      const ascending = cell.getAttribute("aria-sort") !== "ascending";
      headers.forEach((other) => other.removeAttribute("aria-sort"));
      cell.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      const rows = Array.from(body.rows);
      const key = (row) => (row.cells[column] ? row.cells[column].textContent.trim() : "");
      rows.sort((a, b) => {
        const x = key(a), y = key(b);
        const nx = number(x), ny = number(y);
        const order = nx !== null && ny !== null ? nx - ny : collator.compare(x, y);
        return ascending ? order : -order;
      });
      rows.forEach((row) => body.appendChild(row));
    });
  });
});

// A button with data-print prints the page (the print style sheet keeps the record, drops the menus and forms).
document.querySelectorAll("[data-print]").forEach((button) => {
  button.addEventListener("click", () => window.print());
});

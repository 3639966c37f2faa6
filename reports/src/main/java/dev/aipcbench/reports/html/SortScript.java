package dev.aipcbench.reports.html;

/**
 * The only script of the report, inline: clicking a header of a {@code table.sortable} sorts its rows
 * by that column, again to reverse. Numbers sort by {@code data-sort}, absent values stay last.
 */
final class SortScript {
    static final String JS = """
            (function () {
              'use strict';
              function key(cell, numeric) {
                var k = cell.hasAttribute('data-sort') ? cell.getAttribute('data-sort') : cell.textContent.trim();
                if (!numeric) { return k.toLowerCase(); }
                var n = parseFloat(k);
                return isNaN(n) ? null : n;
              }
              Array.prototype.forEach.call(document.querySelectorAll('table.sortable'), function (table) {
                var heads = table.tHead.rows[0].cells;
                Array.prototype.forEach.call(heads, function (th, col) {
                  th.addEventListener('click', function () {
                    var numeric = th.getAttribute('data-type') === 'number';
                    var ascending = th.getAttribute('aria-sort') !== 'ascending';
                    Array.prototype.forEach.call(heads, function (h) { h.removeAttribute('aria-sort'); });
                    th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
                    var body = table.tBodies[0];
                    var rows = Array.prototype.slice.call(body.rows);
                    rows.sort(function (a, b) {
                      var x = key(a.cells[col], numeric);
                      var y = key(b.cells[col], numeric);
                      if (x === y) { return 0; }
                      if (x === null) { return 1; }
                      if (y === null) { return -1; }
                      return (x < y ? -1 : 1) * (ascending ? 1 : -1);
                    });
                    rows.forEach(function (r) { body.appendChild(r); });
                  });
                });
              });
            })();
            """;

    private SortScript() {
    }
}

// Runs axe-core on the document and returns its violations as plain data.
// Evaluated as `(this source)(config)`; written for the browser running the
// tests, and kept to ES5 so it reads the same anywhere.
(function (cfg) {
  var rules = {};
  cfg.disable.forEach(function (id) { rules[id] = { enabled: false }; });
  return axe.run(document, {
    runOnly: { type: 'tag', values: cfg.tags },
    rules: rules,
    resultTypes: ['violations']
  }).then(function (r) {
    return r.violations.map(function (v) {
      return {
        id: v.id,
        impact: v.impact || '',
        help: v.help,
        helpUrl: v.helpUrl,
        nodes: v.nodes.map(function (n) {
          return {
            // One selector per frame level; a shadow-DOM path is joined with " >>> ".
            target: n.target.map(function (s) { return Array.isArray(s) ? s.join(' >>> ') : String(s); }),
            html: n.html,
            summary: n.failureSummary || ''
          };
        })
      };
    });
  });
})

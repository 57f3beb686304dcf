/* global exports */
// Stands in for cli-highlight (and its 1 MB of highlight.js) in the marked-terminal vendor bundle:
// papers renders code blocks itself, in one colour, so marked-terminal never highlights.
exports.highlight = (code) => code;

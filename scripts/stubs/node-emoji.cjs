/* global exports */
// Stands in for node-emoji (and its 200 KB emoji table) in the marked-terminal vendor bundle:
// papers turns marked-terminal's `:shortcode:` replacement off, so it is never asked.
exports.get = () => undefined;

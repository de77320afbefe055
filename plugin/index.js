// The entry tsserver loads for `"plugins": [{ "name": "tskc/plugin" }]`
// (docs/editor.md). tsserver requires plugins as CommonJS; the plugin itself
// is part of the compiler, an ES module (dist/compiler/plugin/plugin.js),
// which Node 20.19 and later can require. On an older Node the plugin logs
// why and leaves the editor's diagnostics as they are.
'use strict';
const path = require('node:path');

module.exports = function tskcPlugin(modules) {
  try {
    return require(path.join(__dirname, '..', 'dist', 'compiler', 'plugin', 'plugin.js')).init(modules);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return {
      create(info) {
        info.project.projectService.logger.info(`tskc plugin: not loaded (${why}); it needs Node 20.19 or later`);
        return info.languageService;
      },
    };
  }
};

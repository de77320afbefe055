// The entry tsserver loads for `"plugins": [{ "name": "tskc/plugin" }]`
// (docs/editor.md). tsserver requires plugins as CommonJS; the plugin itself
// is part of the compiler, an ES module (dist/compiler/plugin/plugin.js).
// Node 20.19 and later require it at once. An older Node (the one inside an
// older editor) cannot require an ES module: the plugin is then imported
// asynchronously, the files asked about meanwhile get TypeScript's
// diagnostics only, and once it is there tsserver is asked to compute them
// again.
'use strict';
const path = require('node:path');
const { pathToFileURL } = require('node:url');

const entry = path.join(__dirname, '..', 'dist', 'compiler', 'plugin', 'plugin.js');

/** A plugin that only logs why it does nothing. */
function inactive(why) {
  return {
    create(info) {
      info.project.projectService.logger.info(`tskc plugin: not loaded (${why})`);
      return info.languageService;
    },
  };
}

/** The plugin, imported asynchronously: the language service as it is until the import is done. */
function deferred(modules) {
  const loading = import(pathToFileURL(entry).href).then((m) => m.init(modules));
  return {
    create(info) {
      const ls = info.languageService;
      info.project.projectService.logger.info('tskc plugin: this Node cannot require ES modules; importing the plugin');
      let inner = null;
      loading.then((plugin) => {
        inner = plugin.create(info);
        info.project.refreshDiagnostics();
      }, (e) => info.project.projectService.logger.info(`tskc plugin: not loaded (${e instanceof Error ? e.message : e})`));
      const proxy = Object.create(null);
      for (const k of Object.keys(ls)) {
        proxy[k] = typeof ls[k] === 'function' ? (...args) => (inner ?? ls)[k](...args) : ls[k];
      }
      return proxy;
    },
  };
}

module.exports = function tskcPlugin(modules) {
  try {
    return require(entry).init(modules);
  } catch (e) {
    if (e && e.code === 'ERR_REQUIRE_ESM') return deferred(modules);
    return inactive(e instanceof Error ? e.message : String(e));
  }
};

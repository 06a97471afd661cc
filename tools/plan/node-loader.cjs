/**
 * The offline plan's module loader: tsx for TypeScript and the program's own JavaScript, Node's own loader
 * for the JavaScript of installed packages. tsx's `.js` handler reads every file and scans it for ES module
 * syntax before compiling it; the Pulumi SDKs and their dependencies (the TypeScript compiler among them)
 * are tens of megabytes of plain CommonJS, and that scan made loading them about four times slower
 * (`@pulumi/pulumi`: about 1 s instead of 0.25 s). Node 22 loads an installed package's ES modules itself
 * (require of ES modules), so nothing under node_modules needs tsx.
 *
 * Plain CommonJS because it runs before tsx is registered: `node --require ./tools/plan/node-loader.cjs`.
 */
const Module = require("node:module");
const path = require("node:path");

const extensions = Module._extensions;
const nodeJavaScript = extensions[".js"];
require("tsx/cjs");
const tsxJavaScript = extensions[".js"];
const INSTALLED = `${path.sep}node_modules${path.sep}`;

extensions[".js"] = function loadJavaScript(module, filename) {
    return (filename.includes(INSTALLED) ? nodeJavaScript : tsxJavaScript).call(this, module, filename);
};

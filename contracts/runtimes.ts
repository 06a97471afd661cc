/**
 * The Node.js major version every function runs on, and the identifier each platform and the bundler
 * give it. One number, so an upgrade changes Lambda, Azure Functions and the bundle target together.
 */
export const NODE_MAJOR_VERSION = 22;

/** Lambda's runtime identifier for that version. */
export const LAMBDA_NODE_RUNTIME = `nodejs${NODE_MAJOR_VERSION}.x`;

/** Azure Functions Flex Consumption's `functionAppConfig.runtime.version` for Node.js. */
export const AZURE_FUNCTIONS_NODE_VERSION = String(NODE_MAJOR_VERSION);

/** esbuild's `target` for bundles that run on that version. */
export const BUNDLE_NODE_TARGET = `node${NODE_MAJOR_VERSION}`;

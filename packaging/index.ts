/**
 * Deploy-time packaging: turns a function folder into the zip a cloud runs. buildAws and buildAzure call it
 * and hand the built packages to the components; the tests and the benchmark use the same functions.
 */
export { BUNDLE_ENTRY_FILE } from "./esbuild-bundle";
export { FUNCTIONS_DIR, HANDLER_SOURCE_FILE, LAMBDA_HANDLER, packageFunction } from "./lambda-package";
export type { FunctionPackage } from "./lambda-package";
export { APP_ENTRY_FILE, packageFunctionsApp } from "./functions-app-package";
export type { AppPackage } from "./functions-app-package";
export { deterministicZip } from "./zip";

export { BUNDLE_ENTRY_FILE, bundleHandler } from "./esbuild-bundle";
export type { Bundle, BundledFiles, BundleOptions } from "./esbuild-bundle";
export { FUNCTIONS_DIR, HANDLER_SOURCE_FILE, LAMBDA_BUILD_DIR, LAMBDA_HANDLER, packageFunction } from "./function-package";
export type { FunctionPackage, PackageOptions } from "./function-package";
export { deterministicZip } from "./zip";

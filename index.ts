import { buildAws } from "./components/aws";
import { buildAzure } from "./components/azure";
import { buildGcp } from "./components/gcp";
import { loadSettings } from "./components/settings";

/**
 * The program: validate the stack's settings (before any resource exists), then build each cloud the
 * stack enables. Exported as a function so tests and the offline plan can run several stacks in one process.
 */
export = async () => {
    const settings = loadSettings();
    return {
        environment: settings.environment,
        clouds: settings.clouds,
        ...(settings.aws ? { aws: buildAws(settings, settings.aws) } : {}),
        ...(settings.gcp ? { gcp: buildGcp(settings, settings.gcp) } : {}),
        ...(settings.azure ? { azure: buildAzure(settings, settings.azure) } : {}),
    };
};

/** Application log levels, as LOG_LEVEL carries them to every handler (Lambda, Cloud Run, Azure Functions). */
export const LOG_LEVELS = ["DEBUG", "INFO", "WARN", "ERROR"] as const;

export type LogLevel = typeof LOG_LEVELS[number];

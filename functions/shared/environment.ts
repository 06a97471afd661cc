/** A variable the deployment always sets; missing means a broken deployment, so init fails loudly. */
export function requiredEnv(name: string): string {
    const value = process.env[name];
    if (!value) throw new Error(`environment variable ${name} is not set; the function's deployment must set it`);
    return value;
}

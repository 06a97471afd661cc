/**
 * Points every AWS SDK client created from now on at the moto server, through the SDK's own
 * AWS_ENDPOINT_URL setting, so handlers run unchanged. Returns a function that puts the previous value back.
 */
export function routeSdkClientsTo(endpoint: string): () => void {
    const previous = process.env.AWS_ENDPOINT_URL;
    process.env.AWS_ENDPOINT_URL = endpoint;
    return () => {
        if (previous === undefined) delete process.env.AWS_ENDPOINT_URL;
        else process.env.AWS_ENDPOINT_URL = previous;
    };
}

// The analyzer messages built the generic way, with google-protobuf's generated classes and
// Struct.fromJavaScript of the JSON form: the reference the client's direct encoding must match byte for byte.
import * as analyzer from "@pulumi/pulumi/proto/analyzer_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import type { JavaScriptValue } from "google-protobuf/google/protobuf/struct_pb";
import type { AnalyzedResource } from "../../../tools/policy-pack";

function properties(resource: AnalyzedResource): Struct {
    const plain = JSON.parse(JSON.stringify(resource.properties)) as Record<string, JavaScriptValue>;
    for (const key of Object.keys(plain)) if (key.startsWith("__")) delete plain[key];
    return Struct.fromJavaScript(plain);
}

function describe<M extends analyzer.AnalyzeRequest | analyzer.AnalyzerResource>(message: M, resource: AnalyzedResource): M {
    message.setUrn(resource.urn);
    message.setType(resource.type);
    message.setName(resource.name);
    message.setProperties(properties(resource));
    const options = new analyzer.AnalyzerResourceOptions();
    if (resource.parent) options.setParent(resource.parent);
    message.setOptions(options);
    if (resource.provider) {
        const urn = resource.provider.slice(0, resource.provider.lastIndexOf("::"));
        const parts = urn.split("::");
        const provider = new analyzer.AnalyzerProviderResource();
        provider.setUrn(urn);
        provider.setType(parts[parts.length - 2].split("$").pop() as string);
        provider.setName(parts[parts.length - 1]);
        provider.setProperties(new Struct());
        message.setProvider(provider);
    }
    return message;
}

export function generatedAnalyzeRequest(resource: AnalyzedResource): analyzer.AnalyzeRequest {
    return describe(new analyzer.AnalyzeRequest(), resource);
}

export function generatedStackResource(resource: AnalyzedResource): analyzer.AnalyzerResource {
    const message = describe(new analyzer.AnalyzerResource(), resource);
    if (resource.parent) message.setParent(resource.parent);
    message.setDependenciesList(resource.dependencies);
    for (const [property, urns] of Object.entries(resource.propertyDependencies)) {
        const deps = new analyzer.AnalyzerPropertyDependencies();
        deps.setUrnsList(urns);
        message.getPropertydependenciesMap().set(property, deps);
    }
    return message;
}

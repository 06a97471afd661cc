/** `urn:pulumi:<stack>::<project>::...` -> the stack name. */
export function stackOf(urn: string): string {
    return urn.split("::")[0].slice("urn:pulumi:".length);
}

/** The stack's root resource, which the engine makes the parent of a resource registered without one. */
export function stackUrnOf(urn: string): string {
    const [, project] = urn.split("::");
    const stack = stackOf(urn);
    return `urn:pulumi:${stack}::${project}::pulumi:pulumi:Stack::${project}-${stack}`;
}

/** A component's URN extended by a child component it creates (`<urn type>$<child type>::<name>`). */
export function childComponentUrn(parentUrn: string, type: string, name: string): string {
    const [prefix, project, qualifiedType] = parentUrn.split("::");
    return `${prefix}::${project}::${qualifiedType}$${type}::${name}`;
}

const ROOT_STACK_TYPE = "pulumi:pulumi:Stack";

/**
 * Forms a URN the way the Pulumi engine does: a child's type is qualified by its parent's full qualified
 * type chain (`a$b$c`), except that the root stack's type is omitted. (The SDK's MockMonitor keeps only the
 * parent's last type, which differs for grandchildren.)
 */
export function engineUrn(stack: string, project: string, type: string, name: string, parentUrn?: string): string {
    let qualifiedType = type;
    if (parentUrn) {
        const parentQualifiedType = parentUrn.split("::")[2];
        if (parentQualifiedType !== ROOT_STACK_TYPE) qualifiedType = `${parentQualifiedType}$${type}`;
    }
    return `urn:pulumi:${stack}::${project}::${qualifiedType}::${name}`;
}

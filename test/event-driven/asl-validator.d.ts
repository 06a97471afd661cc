/** Typings for asl-validator 4, which ships none (see its src/validator.ts). */
declare module "asl-validator" {
    interface AslValidationError {
        "Error code": string;
        Message: string;
    }
    interface AslValidationResult {
        isValid: boolean;
        errors: AslValidationError[];
        errorsText(separator?: string): string;
    }
    /** Validates a state machine definition. Mutates it: adds QueryLanguage to each state, so pass a copy. */
    function validator(definition: unknown, options?: { checkPaths?: boolean; checkArn?: boolean }): AslValidationResult;
    export = validator;
}

import { satisfies, SettingRule } from "./schema";

/** RFC 5321's limits: the whole address, the part before `@`, each label of the domain. */
export const EMAIL_MAX_LENGTH = 254;
const LOCAL_MAX_LENGTH = 64;
const LABEL_MAX_LENGTH = 63;

/** The characters of an unquoted local part (RFC 5322 dot-atom); quoted local parts are not accepted. */
const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?$/;
const TOP_LEVEL_DOMAIN = /^[A-Za-z]{2,}$/;

/**
 * An address SNS can deliver to: local@domain with a dotted domain. Each pattern applies to one part
 * of bounded length and matches each character one way only, so the check is linear.
 */
function isEmailAddress(value: string): boolean {
    if (value.length > EMAIL_MAX_LENGTH) return false;
    const at = value.indexOf("@");
    if (at < 1 || at !== value.lastIndexOf("@")) return false;
    const local = value.slice(0, at);
    const labels = value.slice(at + 1).split(".");
    return local.length <= LOCAL_MAX_LENGTH && LOCAL_PART.test(local) && labels.length >= 2 &&
        labels.every((label) => label.length <= LABEL_MAX_LENGTH && DOMAIN_LABEL.test(label)) &&
        TOP_LEVEL_DOMAIN.test(labels[labels.length - 1]);
}

export const EMAIL_ADDRESS: SettingRule<string> = satisfies(isEmailAddress,
    `an email address such as ops@example.com (at most ${EMAIL_MAX_LENGTH} characters)`);

/**
 * Lists a domain under `landing-zone:organization.domains` of an aws organization stack file (the
 * organization creates a member account per listed domain and environment). As in register.ts, the
 * yaml Document API finds where and the text is spliced there, so every other byte stays.
 */
import { isMap, isScalar, isSeq, parse, parseDocument, type Node, type YAMLMap } from "yaml";
import { organizationDomains } from "../plan/references";
import { columnOf, keyOf, nextLine } from "./yaml-text";

export const ORGANIZATION_KEY = "landing-zone:organization";

/** The domains an organization stack file lists under `landing-zone:organization.domains`. */
export function organizationDomainsOf(text: string): string[] {
    const data = (parse(text) ?? {}) as { config?: Record<string, unknown> };
    return organizationDomains(data.config ?? {});
}

/**
 * The organization file's text with `domain` appended to `landing-zone:organization.domains`: after
 * the last item of a block sequence, before the `]` of a flow one, or as a new `domains: [<domain>]`
 * key of the organization block when it has none.
 */
export function listOnOrganization(text: string, domain: string): string {
    const doc = parseDocument(text);
    if (doc.errors.length) throw new Error(doc.errors[0].message);
    const body = text.endsWith("\n") ? text : `${text}\n`;
    const organization = doc.getIn(["config", ORGANIZATION_KEY], true);
    if (!isMap(organization) || organization.items.length === 0) throw new Error(`config: ${ORGANIZATION_KEY} is not a map of the organization's settings`);
    const pair = (organization as YAMLMap).items.find((p) => keyOf(p) === "domains");

    if (!pair) {
        if (organization.flow) {
            const close = body.lastIndexOf("}", organization.range![1]);
            return `${body.slice(0, close)}, domains: [${domain}]${body.slice(close)}`;
        }
        const indent = " ".repeat(columnOf(body, organization.items[0].key as Node));
        const at = nextLine(body, organization.range![1]);
        return `${body.slice(0, at)}${indent}domains: [${domain}]\n${body.slice(at)}`;
    }
    const value = pair.value;
    if (isSeq(value) && value.flow) {
        const close = body.lastIndexOf("]", value.range![1]);
        return `${body.slice(0, close)}${value.items.length ? ", " : ""}${domain}${body.slice(close)}`;
    }
    if (isSeq(value) && value.items.length > 0) {
        const last = value.items[value.items.length - 1] as Node;
        const at = nextLine(body, last.range![1]);
        return `${body.slice(0, at)}${" ".repeat(columnOf(body, value))}- ${domain}\n${body.slice(at)}`;
    }
    if (value === null || (isScalar(value) && value.value === null)) {
        // `domains: ~` becomes the list; `domains:` with no value gets it right after the colon (a comment behind stays).
        if (isScalar(value) && value.range![1] > value.range![0]) return `${body.slice(0, value.range![0])}[${domain}]${body.slice(value.range![1])}`;
        const colon = body.indexOf(":", (pair.key as Node).range![1]);
        return `${body.slice(0, colon + 1)} [${domain}]${body.slice(colon + 1)}`;
    }
    throw new Error(`config: ${ORGANIZATION_KEY}.domains is not a list of domain names`);
}

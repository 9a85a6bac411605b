/**
 * Adds a domain under `landing-zone:domains` of a platform stack file. The yaml Document API finds
 * where; the text is spliced there, so every other byte (comments, quoting, flow or block style,
 * spacing) stays as the platform team wrote it.
 */
import { isMap, parseDocument, type Node, type YAMLMap } from "yaml";
import { columnOf, keyOf, nextLine } from "./yaml-text";

export const DOMAINS_KEY = "landing-zone:domains";

/** Keys registered under `landing-zone:domains` of a platform stack file's text. */
export function domainsOf(text: string): string[] {
    const doc = parseDocument(text);
    const domains = doc.getIn(["config", DOMAINS_KEY], true);
    return isMap(domains) ? domains.items.map((p) => String(keyOf(p))) : [];
}

/** The platform file's text with `<domain>: {}` added under `landing-zone:domains` (created when missing). */
export function registerDomain(text: string, domain: string): string {
    const doc = parseDocument(text);
    if (doc.errors.length) throw new Error(doc.errors[0].message);
    const config = doc.get("config", true);
    if (!isMap(config) || config.flow || config.items.length === 0) throw new Error("config: is not a block map of keys");
    const configIndent = " ".repeat(columnOf(text, config.items[0].key as Node));
    const body = text.endsWith("\n") ? text : `${text}\n`;
    const pair = (config as YAMLMap).items.find((p) => keyOf(p) === DOMAINS_KEY);
    const entry = `${domain}: {}`;

    if (!pair) {
        const at = nextLine(body, config.range![1]);
        return `${body.slice(0, at)}${configIndent}${DOMAINS_KEY}:\n${configIndent}  ${entry}\n${body.slice(at)}`;
    }
    const value = pair.value;
    if (isMap(value) && !value.flow && value.items.length > 0) {
        const indent = " ".repeat(columnOf(body, value.items[0].key as Node));
        const at = nextLine(body, value.range![1]);
        return `${body.slice(0, at)}${indent}${entry}\n${body.slice(at)}`;
    }
    if (isMap(value) && value.flow) {
        const close = body.lastIndexOf("}", value.range![1]);
        const separator = value.items.length ? ", " : "";
        return `${body.slice(0, close)}${separator}${entry}${body.slice(close)}`;
    }
    // `landing-zone:domains:` with no value: the entry goes on the next line, one level deeper.
    const keyEnd = (pair.key as Node).range![1];
    const at = nextLine(body, keyEnd);
    return `${body.slice(0, at)}${configIndent}  ${entry}\n${body.slice(at)}`;
}

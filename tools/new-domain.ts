/**
 * `npm run new-domain -- <domain> --cloud aws|azure|gcp --env dev|staging|prod [--from <domain>]`:
 * onboards a business domain in one command. Writes the domain's stack file, registers the domain
 * on its platform stack file (on aws, when the platform reads an organization stack whose file is in
 * the folder, also lists it under that file's landing-zone:organization.domains, for the domain's
 * account), validates every file before writing any, refuses to overwrite a stack file, and prints
 * the next steps. Exit code 2: bad arguments or a file that would be invalid (one message
 * listing every problem); nothing is written then.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { parse } from "yaml";
import { ConfigError } from "../components/core/config/errors";
import { stackNameOf } from "../components/core/config/registration";
import { parseArgs, USAGE, type NewDomainArgs } from "./new-domain/args";
import { copiedFile, templateFile } from "./new-domain/domain-file";
import { listOnOrganization, organizationDomainsOf } from "./new-domain/organization";
import { domainsOf, registerDomain } from "./new-domain/register";
import { checkStackInputs, referencedOrganization, type StackRef } from "./plan/references";
import { fromConfigMap, readConfigMap, stackFile } from "./plan/stack-files";

export interface NewDomainResult {
    code: number;
    out: string;
    written: string[];
}

function shown(file: string): string {
    const relative = path.relative(process.cwd(), file);
    return relative.startsWith("..") ? file : relative;
}

/** Checks a stack file's text as the plan would (config, registration against `platformDir`). */
function validate(stack: string, text: string, platformDir: string): string[] {
    try {
        const data = (parse(text) ?? {}) as { config?: Record<string, unknown> };
        checkStackInputs(fromConfigMap(stack, data.config ?? {}), platformDir);
        return [];
    } catch (error) {
        return error instanceof ConfigError ? error.problems.map((p) => `${stack}: ${p.path} ${p.message}`) : [`${stack}: ${(error as Error).message}`];
    }
}

/** The organization stack an aws platform reads, and its stack file when the folder holds it. */
function organizationOf(platformConfig: Record<string, unknown>, configDir: string): { ref: StackRef; path?: string } | undefined {
    const name = referencedOrganization(platformConfig as Record<string, string>);
    if (typeof name !== "string") return undefined;
    const ref = { name, stack: stackNameOf(name) };
    const file = stackFile(ref.stack, configDir);
    return { ref, path: existsSync(file) ? file : undefined };
}

export function newDomain(args: NewDomainArgs): NewDomainResult {
    const fail = (problems: string[]): NewDomainResult =>
        ({ code: 2, out: `new-domain: ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join("\n")}\n${USAGE}`, written: [] });
    if (args.problems.length) return fail(args.problems);

    const { domain, cloud, env, from, configDir } = args;
    const stack = `${domain}-${cloud}-${env}`;
    const platformStack = `platform-${cloud}-${env}`;
    const domainPath = stackFile(stack, configDir);
    const platformPath = stackFile(platformStack, configDir);
    const fromPath = from ? stackFile(`${from}-${cloud}-${env}`, configDir) : undefined;
    const problems: string[] = [];
    if (existsSync(domainPath)) problems.push(`${shown(domainPath)} exists; new-domain never overwrites a stack file`);
    if (!existsSync(platformPath)) problems.push(`no platform stack file ${shown(platformPath)} to register "${domain}" on`);
    if (fromPath && !existsSync(fromPath)) problems.push(`--from ${from}: no stack file ${shown(fromPath)}`);
    if (problems.length) return fail(problems);

    let platformText: string;
    let platformConfig: Record<string, unknown>;
    let domainText: string;
    try {
        platformText = readFileSync(platformPath, "utf8");
        platformConfig = readConfigMap(platformStack, configDir);
        domainText = fromPath ? copiedFile(readFileSync(fromPath, "utf8"), from!, domain) : templateFile({ domain, cloud, env, platform: platformConfig });
    } catch (error) {
        return fail([(error as Error).message]);
    }
    const registered = domainsOf(platformText).includes(domain);
    const newPlatformText = registered ? platformText : registerDomain(platformText, domain);
    // On aws, the organization the platform reads creates the domain's account: list the domain there too.
    const organization = cloud === "aws" ? organizationOf(platformConfig, configDir) : undefined;
    let organizationText: string | undefined;
    let newOrganizationText: string | undefined;
    if (organization?.path) {
        try {
            organizationText = readFileSync(organization.path, "utf8");
            newOrganizationText = organizationDomainsOf(organizationText).includes(domain) ? organizationText : listOnOrganization(organizationText, domain);
        } catch (error) {
            return fail([`${organization.ref.stack}: ${(error as Error).message}`]);
        }
    }
    const listed = organizationText !== undefined && newOrganizationText === organizationText;

    // Validate every file as it will be, before writing any: the platform and organization in a scratch copy of the folder.
    const scratch = mkdtempSync(path.join(tmpdir(), "new-domain-"));
    writeFileSync(stackFile(platformStack, scratch), newPlatformText);
    if (organization && newOrganizationText !== undefined) {
        writeFileSync(stackFile(organization.ref.stack, scratch), newOrganizationText);
        problems.push(...validate(organization.ref.stack, newOrganizationText, scratch));
    }
    problems.push(...validate(platformStack, newPlatformText, scratch), ...validate(stack, domainText, scratch));
    rmSync(scratch, { recursive: true, force: true });
    if (problems.length) return fail(problems);

    writeFileSync(domainPath, domainText, { flag: "wx" });
    const written = [domainPath];
    if (!registered) {
        writeFileSync(platformPath, newPlatformText);
        written.push(platformPath);
    }
    if (organization?.path && newOrganizationText !== undefined && !listed) {
        writeFileSync(organization.path, newOrganizationText);
        written.push(organization.path);
    }
    const organizationLines = !organization ? [] : !organization.path
        ? [`"${domain}" is not listed on organization stack ${organization.ref.name} (no ${shown(stackFile(organization.ref.stack, configDir))} here):`,
            `  the foundation team adds ${domain} to landing-zone:organization.domains of ${organization.ref.name} (its account per environment)`]
        : [listed ? `"${domain}" was already listed on ${shown(organization.path)}` : `listed "${domain}" under landing-zone:organization.domains of ${shown(organization.path)}`];
    const organizationSteps: (readonly [string, string])[] = !organization ? [] : [
        [`pulumi up --stack ${organization.ref.name}`, `the foundation team${organization.path ? "" : ", once it lists the domain"}: creates the domain's account`],
    ];
    const lines = [
        `wrote ${shown(domainPath)}${fromPath ? ` (from ${shown(fromPath)})` : " (from the template: uncomment the blocks the domain needs)"}`,
        registered ? `"${domain}" was already registered on ${shown(platformPath)}` : `registered "${domain}" under landing-zone:domains of ${shown(platformPath)}`,
        ...organizationLines,
        "",
        "next steps:",
        ...([
            [`npm run plan -- ${platformStack} ${stack}`, "offline: validate, plan, check policies"],
            ...organizationSteps,
            [`pulumi up --stack ${platformStack}`, "the platform team: vends the domain's home"],
            [`pulumi stack init ${stack}`, "the domain team, once"],
            [`pulumi up --stack ${stack}`, "the domain team, after the platform's update"],
        ] as (readonly [string, string])[]).map(([command, why], _, all) => `  ${command.padEnd(Math.max(...all.map(([c]) => c.length)))}   # ${why}`),
        `  (guardrails: npm run -s policy-config -- ${stack} > policy-config.json, then pass`,
        "   --policy-pack policies --policy-pack-config policy-config.json to pulumi preview/up; docs/ci.md)",
    ];
    return { code: 0, out: lines.join("\n"), written };
}

if (require.main === module) {
    const args = parseArgs(process.argv.slice(2));
    if (args.help) {
        console.log(USAGE);
        process.exit(0);
    }
    const result = newDomain(args);
    (result.code === 0 ? process.stdout : process.stderr).write(`${result.out}\n`);
    process.exit(result.code);
}

import { existsSync } from "node:fs";
import * as path from "node:path";
import type { Cloud, Environment } from "../../components/core/config/types";
import { CONFIG_DIR } from "../plan/stack-files";

export const CLOUDS: readonly Cloud[] = ["aws", "azure", "gcp"];
export const ENVIRONMENTS: readonly Environment[] = ["dev", "staging", "prod"];
/** The `DomainName` pattern of the stack config (a domain name is part of physical names). */
export const DOMAIN_PATTERN = /^[a-z][a-z0-9]{1,11}$/;

export interface NewDomainArgs {
    domain: string;
    cloud: Cloud;
    env: Environment;
    from?: string;
    configDir: string;
    help: boolean;
    problems: string[];
}

export const USAGE = `usage: npm run new-domain -- <domain> --cloud aws|azure|gcp --env dev|staging|prod [--from <domain>] [--config-dir DIR]

Writes config/Pulumi.<domain>-<cloud>-<env>.yaml (a commented template, or a copy of the --from
domain's stack file with its name replaced) and registers the domain under landing-zone:domains of
config/Pulumi.platform-<cloud>-<env>.yaml, keeping that file's comments and layout. On aws, when
the platform reads an organization stack whose file is in the config folder, also lists the domain
under its landing-zone:organization.domains (the domain's account). Never overwrites a stack file;
validates every file before writing any.`;

/** The command line, with every problem in it collected (reported at once, exit 2). */
export function parseArgs(argv: string[]): NewDomainArgs {
    const problems: string[] = [];
    const names: string[] = [];
    const values: Record<string, string | undefined> = {};
    let help = false;
    let configDir = CONFIG_DIR;
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (arg === "--help" || arg === "-h") help = true;
        else if (["--cloud", "--env", "--from", "--config-dir"].includes(arg)) {
            const value = argv[i + 1];
            if (value === undefined || value.startsWith("-")) problems.push(`${arg} needs a value`);
            else values[arg] = argv[++i];
        } else if (arg.startsWith("-")) problems.push(`unknown option ${arg} (options: --cloud, --env, --from, --config-dir, --help)`);
        else names.push(arg);
    }
    if (names.length !== 1) problems.push(`name exactly one domain (got ${names.length ? names.join(" ") : "none"})`);
    const domain = names[0] ?? "";
    if (names.length === 1 && !DOMAIN_PATTERN.test(domain)) problems.push(`domain "${domain}" must match ${DOMAIN_PATTERN.source} (lowercase letter, then 1-11 lowercase letters or digits)`);
    const cloud = values["--cloud"];
    if (!cloud) problems.push(`--cloud is required (one of ${CLOUDS.join(" | ")})`);
    else if (!CLOUDS.includes(cloud as Cloud)) problems.push(`--cloud must be one of ${CLOUDS.join(" | ")} (got "${cloud}")`);
    const env = values["--env"];
    if (!env) problems.push(`--env is required (one of ${ENVIRONMENTS.join(" | ")})`);
    else if (!ENVIRONMENTS.includes(env as Environment)) problems.push(`--env must be one of ${ENVIRONMENTS.join(" | ")} (got "${env}")`);
    const from = values["--from"];
    if (from !== undefined && !DOMAIN_PATTERN.test(from)) problems.push(`--from "${from}" must be a domain name (${DOMAIN_PATTERN.source})`);
    if (from !== undefined && from === domain) problems.push(`--from names the new domain itself ("${from}")`);
    if (values["--config-dir"] !== undefined) {
        if (!existsSync(values["--config-dir"])) problems.push(`--config-dir needs an existing folder (got ${values["--config-dir"]})`);
        else configDir = path.resolve(values["--config-dir"]);
    }
    return { domain, cloud: cloud as Cloud, env: env as Environment, from, configDir, help, problems };
}

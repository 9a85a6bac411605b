import { stackPolicy } from "../lib/define";
import { isSet } from "../lib/props";
import { FUNCTION_V2, LAMBDA, WEB_APP, isFunctionApp } from "../lib/workers";

/**
 * When each runtime stops being supported (ISO dates). AWS Lambda: the "Deprecation date" column of
 * the Lambda runtimes page; Azure Functions: the language's end of support on Functions (the
 * language's own end of life); Cloud Functions / Cloud Run functions: the runtime's deprecation date.
 * Dates of runtimes the worker offers reach beyond 2026; the rest are here so the rule fires on them.
 */
export const RUNTIME_END: Record<"aws" | "azure" | "gcp", Record<string, string>> = {
    aws: {
        "nodejs16.x": "2024-06-12", "nodejs18.x": "2025-09-01", "nodejs20.x": "2026-04-30", "nodejs22.x": "2027-04-30", "nodejs24.x": "2028-04-30",
        "python3.8": "2024-10-14", "python3.9": "2025-12-15", "python3.10": "2026-06-30", "python3.11": "2026-06-30",
        "python3.12": "2028-10-31", "python3.13": "2029-06-30", "java8": "2024-01-08", "java21": "2029-06-30", "dotnet6": "2024-12-20", "dotnet8": "2026-11-10",
        "go1.x": "2023-12-31", "ruby3.2": "2026-03-31",
    },
    azure: {
        "node|18": "2025-04-30", "node|20": "2026-04-30", "node|22": "2027-04-30", "node|24": "2028-04-30",
        "python|3.9": "2025-10-31", "python|3.10": "2026-10-31", "python|3.11": "2027-10-31", "python|3.12": "2028-10-31", "python|3.13": "2029-10-31",
        "java|21": "2031-09-30", "dotnet-isolated|8.0": "2026-11-10",
    },
    gcp: {
        "nodejs16": "2024-01-30", "nodejs18": "2025-04-30", "nodejs20": "2026-04-30", "nodejs22": "2027-04-30", "nodejs24": "2028-04-30",
    },
};

function ended(cloud: keyof typeof RUNTIME_END, runtime: string, today: string): string | undefined {
    const end = RUNTIME_END[cloud][runtime.toLowerCase()];
    return end !== undefined && end <= today ? end : undefined;
}

/**
 * A worker runs on a supported language runtime: a deprecated Lambda runtime can no longer be
 * updated (then not even created), and Functions and Cloud Functions stop patching it. Image-based
 * workers bring their own runtime (the image is scanned in the registry).
 */
export const policy = stackPolicy({
    name: "disallow-deprecated-worker-runtimes",
    description: "Serverless workers must not run on a deprecated runtime (AWS Lambda, Azure Functions, Cloud Functions deprecation dates).",
    metadata: {
        cloud: "stack", service: "workers", severity: "high", topic: "availability", principle: "bounded-workers",
        remediation: "move worker.runtime to a supported version (nodejs24, python3.13, java21) and redeploy the package built for it",
        checkov: ["CKV_AWS_363"],
        resourceTypes: [LAMBDA, WEB_APP, FUNCTION_V2],
        covers: ["aws", "azure", "gcp"],
    },
    validate: (resources, _args, report) => {
        const today = new Date().toISOString().slice(0, 10);
        for (const r of resources) {
            let found: [keyof typeof RUNTIME_END, string] | undefined;
            if (r.type === LAMBDA && isSet(r.props, "runtime")) found = ["aws", String(r.props.runtime)];
            if (isFunctionApp(r) && isSet(r.props.functionAppConfig, "runtime")) {
                const runtime = r.props.functionAppConfig.runtime;
                found = ["azure", `${String(runtime.name)}|${String(runtime.version)}`];
            } else if (isFunctionApp(r) && isSet(r.props.siteConfig, "linuxFxVersion")) {
                found = ["azure", String(r.props.siteConfig.linuxFxVersion)];
            }
            if (r.type === FUNCTION_V2 && isSet(r.props.buildConfig, "runtime")) found = ["gcp", String(r.props.buildConfig.runtime)];
            if (!found) continue;
            const end = ended(found[0], found[1], today);
            if (end) report(`${r.name} runs ${found[1]}, deprecated since ${end}.`, r.urn);
        }
    },
});

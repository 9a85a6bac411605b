import * as gcp from "@pulumi/gcp";
import type * as pulumi from "@pulumi/pulumi";
import type { StackContext } from "../core/contracts";
import { gcpLabels } from "../core/tags";

/**
 * The stack's GCP provider: region and project, with the standard labels as provider default labels
 * (style: labels once). `project` is the project resources land in unless they name another.
 */
export function gcpProvider(ctx: StackContext, project?: pulumi.Input<string>, name = "gcp"): gcp.Provider {
    return new gcp.Provider(name, {
        region: ctx.config.region,
        project,
        defaultLabels: gcpLabels(ctx.tags),
    });
}

import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import type { StackContext } from "../core/contracts";
import { childName } from "../core/naming";

/**
 * The Google APIs the perimeter restricts: the ones the landing zone's projects hold data or
 * control in (cluster, registry, keys, logs, data services, CI/CD).
 */
export const PERIMETER_SERVICES = [
    "container.googleapis.com", "artifactregistry.googleapis.com", "containerscanning.googleapis.com",
    "cloudkms.googleapis.com", "logging.googleapis.com", "monitoring.googleapis.com", "storage.googleapis.com",
    "secretmanager.googleapis.com", "sqladmin.googleapis.com", "pubsub.googleapis.com", "redis.googleapis.com",
    "cloudbuild.googleapis.com", "clouddeploy.googleapis.com",
] as const;

export interface PerimeterArgs {
    ctx: StackContext;
    /** The numbers of the projects inside the perimeter (platform and domain projects). */
    projectNumbers: pulumi.Input<string>[];
}

/**
 * An optional VPC Service Controls perimeter around the environment's projects
 * (`gcp.serviceControls`): the restricted APIs, the GKE DNS endpoint among them, answer only
 * requests from inside it. It starts as a dry run (violations are logged, nothing is blocked);
 * `enforce: true` adds the same configuration as the enforced status, so turning it on is an
 * update, never a replacement.
 */
export function createPerimeter(name: string, parent: pulumi.Resource, args: PerimeterArgs): gcp.accesscontextmanager.ServicePerimeter | undefined {
    const { config, naming } = args.ctx;
    const controls = config.gcp.serviceControls;
    if (!controls) return undefined;
    const perimeter = {
        resources: pulumi.all(args.projectNumbers).apply((numbers) => numbers.map((n) => `projects/${n}`)),
        restrictedServices: [...PERIMETER_SERVICES],
    };
    const shortName = naming.physical("gcp.perimeter", "lz");
    return new gcp.accesscontextmanager.ServicePerimeter(childName(name, "perimeter"), {
        parent: controls.accessPolicy,
        name: `${controls.accessPolicy}/servicePerimeters/${shortName}`,
        title: shortName,
        description: `Landing zone ${config.prefix} ${config.environment}: its projects and the APIs that hold data or control`,
        perimeterType: "PERIMETER_TYPE_REGULAR",
        useExplicitDryRunSpec: true,
        spec: perimeter,
        status: controls.enforce ? perimeter : undefined,
    }, { parent });
}

import { stackPolicy } from "../lib/define";
import { isSet } from "../lib/props";
import { EVENT_SOURCE_MAPPING, LAMBDA, RUN_SERVICE, SQS_QUEUE, WEB_APP, direct, isFunctionApp } from "../lib/workers";

/**
 * A worker cannot scale past what the data behind it takes: Lambda reserved concurrency and the SQS
 * mapping's maximum concurrency, Flex Consumption maximum instance count, Cloud Run max instances.
 */
export const policy = stackPolicy({
    name: "require-worker-concurrency-cap",
    description: "Serverless workers must cap their concurrency: Lambda reservedConcurrentExecutions and SQS scalingConfig.maximumConcurrency, Flex Consumption maximumInstanceCount, Cloud Run maxInstanceCount.",
    metadata: {
        cloud: "stack", service: "workers", severity: "medium", topic: "availability", principle: "bounded-workers",
        remediation: "set worker.maxConcurrency (the worker component sets the cap on every cloud)",
        checkov: ["CKV_AWS_115"],
        resourceTypes: [LAMBDA, EVENT_SOURCE_MAPPING, WEB_APP, RUN_SERVICE],
        covers: ["aws", "azure", "gcp"],
    },
    validate: (resources, _args, report) => {
        for (const r of resources) {
            if (r.type === LAMBDA && !(Number(r.props.reservedConcurrentExecutions ?? -1) >= 0)) {
                report(`function ${r.name} has no reserved concurrency.`, r.urn);
            }
            if (r.type === EVENT_SOURCE_MAPPING && direct(r, SQS_QUEUE, resources).length > 0 && !isSet(r.props.scalingConfig, "maximumConcurrency")) {
                report(`SQS trigger ${r.name} has no scalingConfig.maximumConcurrency.`, r.urn);
            }
            if (isFunctionApp(r) && !isSet(r.props.functionAppConfig?.scaleAndConcurrency, "maximumInstanceCount")) {
                report(`function app ${r.name} has no functionAppConfig.scaleAndConcurrency.maximumInstanceCount.`, r.urn);
            }
            if (r.type === RUN_SERVICE && !isSet(r.props.template?.scaling, "maxInstanceCount") && !isSet(r.props.scaling, "maxInstanceCount")) {
                report(`Cloud Run service ${r.name} has no max instance count.`, r.urn);
            }
        }
    },
});

import { strict as assert } from "node:assert";
import { parse } from "parse5";
import type { DefaultTreeAdapterMap } from "parse5";
import { policyStep } from "../../../tools/plan/policy-step";
import { planDocument } from "../../../tools/plan/render";
import { readStackConfig } from "../../../tools/plan/stack-files";
import { stackInput } from "../../../tools/report/inputs";
import type { PlanDocument } from "../../../tools/report/model";
import { buildReport } from "../../../tools/report/write";
import { planSample } from "../../harness";

type Element = DefaultTreeAdapterMap["element"];
type Node = DefaultTreeAdapterMap["childNode"] | DefaultTreeAdapterMap["document"];

function elements(node: Node, out: Element[] = []): Element[] {
    if ("tagName" in node) out.push(node);
    const children = "childNodes" in node ? node.childNodes : [];
    for (const child of children) elements(child as Node, out);
    // <template> content is not part of the page, but check it as well
    if ("content" in node && node.content) elements(node.content as unknown as Node, out);
    return out;
}

const attr = (e: Element, name: string) => e.attrs.find((a) => a.name === name)?.value;
const classes = (e: Element) => (attr(e, "class") ?? "").split(/\s+/);
const text = (e: Element): string => e.childNodes.map((c) => ("value" in c ? c.value : "tagName" in c ? text(c) : "")).join("");
const within = (root: Element, pred: (e: Element) => boolean) => elements(root as Node).filter(pred);

const STACKS = ["orders-aws-prod", "orders-gcp-prod"];

describe("plan report: the HTML", function () {
    this.timeout(600_000);
    let html: string;
    let model: Awaited<ReturnType<typeof buildReport>>["model"];
    let all: Element[];

    before(async () => {
        const inputs = [];
        for (const stack of [...STACKS, "platform-aws-prod", "platform-gcp-prod"]) {
            const result = await planSample(stack);
            const config = readStackConfig(stack).config;
            const { violations } = await policyStep(result.resources, config);
            inputs.push(stackInput({ ...planDocument(stack, result.resources, result.outputs), violations } as PlanDocument, config));
        }
        ({ html, model } = await buildReport(inputs, new Date(0)));
        all = elements(parse(html));
    });

    it("has a section, an overview row and an overview box for every planned stack, and an arrow per StackReference", () => {
        const names = model.stacks.map((s) => s.name);
        assert.equal(names.length, 4);
        for (const name of names) {
            assert.equal(all.filter((e) => e.tagName === "section" && attr(e, "data-stack") === name).length, 1, `${name}: section`);
            assert.equal(all.filter((e) => e.tagName === "tr" && attr(e, "data-stack") === name).length, 1, `${name}: overview row`);
            assert.equal(all.filter((e) => e.tagName === "g" && classes(e).includes("stack") && attr(e, "data-stack") === name).length, 1, `${name}: overview box`);
        }
        const arrows = all.filter((e) => e.tagName === "path" && classes(e).includes("ref")).map((e) => `${attr(e, "data-from")} -> ${attr(e, "data-to")}`).sort();
        assert.deepEqual(arrows, ["platform-aws-prod -> orders-aws-prod", "platform-gcp-prod -> orders-gcp-prod"]);
    });

    it("draws every node of both views of every stack in its SVG, protected resources and findings marked", () => {
        for (const stack of model.stacks) {
            const section = all.find((e) => e.tagName === "section" && attr(e, "data-stack") === stack.name)!;
            const svgs = within(section, (e) => e.tagName === "svg" && classes(e).includes("topology"));
            assert.equal(svgs.length, 2, `${stack.name}: a collapsed and an expanded diagram`);
            for (const [svg, view] of [[svgs[0], stack.topology.collapsed], [svgs[1], stack.topology.expanded]] as const) {
                const nodes = within(svg, (e) => e.tagName === "g" && classes(e).includes("node"));
                const boxes = within(svg, (e) => e.tagName === "g" && classes(e).includes("box"));
                assert.equal(nodes.length, view.nodes.length - view.open.size, `${stack.name}: nodes`);
                assert.equal(boxes.length, view.open.size, `${stack.name}: boxes`);
                assert.equal(Number(attr(svg, "data-nodes")), nodes.length);
                assert.ok(nodes.length > 0);
                assert.deepEqual(new Set(nodes.map((n) => attr(n, "data-urn"))), new Set(view.nodes.filter((n) => !view.open.has(n.id)).map((n) => n.id)));
            }
            const expanded = svgs[1];
            const protectedNodes = within(expanded, (e) => e.tagName === "g" && classes(e).includes("protected"));
            assert.equal(protectedNodes.length, stack.topology.nodes.filter((n) => !n.component && n.protect).length, `${stack.name}: protected`);
            for (const n of stack.topology.nodes.filter((x) => !x.component && x.findings.length)) {
                const g = within(expanded, (e) => e.tagName === "g" && attr(e, "data-urn") === n.id)[0];
                assert.ok(classes(g).some((c) => c.startsWith("finding-")), `${n.name}: finding class`);
                assert.match(text(within(g, (e) => e.tagName === "title")[0]), new RegExp(n.findings[0].policy), `${n.name}: finding on hover`);
            }
        }
        assert.ok(model.stacks.some((s) => s.topology.nodes.some((n) => n.protect)), "the samples have protected resources");
        assert.ok(model.stacks.some((s) => s.findings.length), "the samples have findings");
    });

    it("tables each stack's policy findings and the prod stacks' parity", () => {
        for (const stack of model.stacks) {
            const section = all.find((e) => e.tagName === "section" && attr(e, "data-stack") === stack.name)!;
            const rows = within(section, (e) => e.tagName === "tr" && ["mandatory", "advisory", "deferred"].some((k) => classes(e).includes(k)));
            assert.equal(rows.length, stack.findings.length, `${stack.name}: a row per finding`);
        }
        const parity = all.filter((e) => e.tagName === "table" && attr(e, "data-parity"));
        assert.deepEqual(parity.map((t) => attr(t, "data-parity")).sort(), ["orders-*-prod", "platform-*-prod"]);
        const capabilities = new Set(within(parity.find((t) => attr(t, "data-parity") === "orders-*-prod")!, (e) => e.tagName === "tr" && !!attr(e, "data-capability")).map((e) => attr(e, "data-capability")));
        for (const c of ["database", "storage", "queue", "cache", "pipeline", "worker"]) assert.ok(capabilities.has(c), c);
    });

    it("loads nothing from anywhere: no script, stylesheet link, image or frame, no URL but in-page anchors", () => {
        for (const e of all) {
            assert.ok(!["script", "link", "img", "iframe", "object", "embed", "video", "audio", "source", "base"].includes(e.tagName), `<${e.tagName}>`);
            for (const a of e.attrs) {
                if (["href", "src", "xlink:href", "srcset", "action", "poster", "data"].includes(a.name)) assert.match(a.value, /^#/, `${e.tagName} ${a.name}=${a.value}`);
                if (a.name === "style" || a.name.startsWith("marker") || a.name === "fill") assert.doesNotMatch(a.value, /url\((?!#)/, `${e.tagName} ${a.name}`);
            }
        }
        const css = all.filter((e) => e.tagName === "style").map(text).join("");
        assert.doesNotMatch(css, /@import|@font-face|url\((?!#)/);
        assert.doesNotMatch(html, /(src|href)\s*=\s*["']?(https?:)?\/\//i);
    });
});

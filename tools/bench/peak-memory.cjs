// Preloaded by the benchmark (`node --require`): reports this process's wall time and peak
// resident memory on exit, on stderr, in a line the benchmark parses.
const started = process.hrtime.bigint();
process.on("exit", () => {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    process.stderr.write(`\nBENCH ${JSON.stringify({ seconds, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
});

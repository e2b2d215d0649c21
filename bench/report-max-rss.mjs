// Preloaded (node --import) into a process the benchmarks start: prints its peak
// resident memory as it exits, so a child's memory is measured by the kernel's own count.
process.on('exit', () => {
  process.stderr.write(`\nBENCH_MAX_RSS_KB ${process.resourceUsage().maxRSS}\n`);
});

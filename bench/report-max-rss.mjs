// Preloaded (node --import) into a process the benchmarks start: prints its peak
// resident memory and CPU time as it exits, by the kernel's own count for that process.
process.on('exit', () => {
  const usage = process.resourceUsage();
  process.stderr.write(`\nBENCH_MAX_RSS_KB ${usage.maxRSS}\nBENCH_CPU_MS ${Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000)}\n`);
});

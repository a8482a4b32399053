// Throughput of the npm peers on the same sentences as parley's benchmark (one per line).
//   node tests/peers/bench_peers.js FILE [RUNS]  -> in-process sentences/second per peer (median)
//   node tests/peers/bench_peers.js --stdout vader|sentiment < FILE  -> one score per line, for
//     whole-process timing with hyperfine against benchmarks/tools/parley_sentiment_score.
'use strict';
const fs = require('fs');
const vader = require('vader-sentiment');
const Sentiment = require('sentiment');

const analyzer = new Sentiment();
const peers = {
  vader: (text) => vader.SentimentIntensityAnalyzer.polarity_scores(text).compound,
  sentiment: (text) => analyzer.analyze(text).comparative,
};

function readLines(source) {
  const lines = fs.readFileSync(source, 'utf8').split('\n');
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

if (process.argv[2] === '--stdout') {
  const score = peers[process.argv[3]];
  const out = [];
  for (const line of readLines(0)) {
    const value = score(line);
    out.push(`${value.toFixed(4)}\t${value >= 0.05 ? 'positive' : value <= -0.05 ? 'negative' : 'neutral'}`);
  }
  process.stdout.write(out.join('\n') + '\n');
} else {
  const lines = readLines(process.argv[2]);
  const runs = Number(process.argv[3] || 3);
  const result = {};
  for (const [name, score] of Object.entries(peers)) {
    let sink = 0;
    // Warm-up pass over a slice so the JIT has compiled the scorer before timing.
    for (let i = 0; i < Math.min(lines.length, 5000); ++i) sink += score(lines[i]);
    const rates = [];
    for (let run = 0; run < runs; ++run) {
      // CPU time of the process (as Google Benchmark's items_per_second for parley): on a shared
      // machine wall time would mostly measure the neighbours.
      const start = process.cpuUsage();
      for (const line of lines) sink += score(line);
      const used = process.cpuUsage(start);
      const seconds = (used.user + used.system) / 1e6;
      rates.push(lines.length / seconds);
    }
    rates.sort((a, b) => a - b);
    result[name] = { sentences: lines.length, runs: rates, median_per_second: rates[Math.floor(rates.length / 2)], sink };
  }
  process.stdout.write(JSON.stringify(result) + '\n');
}

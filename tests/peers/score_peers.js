// Scores one sentence per line of a file with the npm peers and prints, per line,
// "<vader compound>\t<sentiment comparative>\t<sentiment score>".
// Usage: node tests/peers/score_peers.js sentences.txt > scores.tsv
'use strict';
const fs = require('fs');
const vader = require('vader-sentiment');
const Sentiment = require('sentiment');

const analyzer = new Sentiment();
const lines = fs.readFileSync(process.argv[2], 'utf8').split('\n');
if (lines.length && lines[lines.length - 1] === '') lines.pop();
const out = [];
for (const line of lines) {
  const compound = vader.SentimentIntensityAnalyzer.polarity_scores(line).compound;
  const afinn = analyzer.analyze(line);
  out.push(`${compound}\t${afinn.comparative}\t${afinn.score}`);
}
process.stdout.write(out.join('\n') + '\n');

// Deterministic English sentences in the style of sales-call transcripts (10-25 words each), for
// comparing parley's sentiment scorer with the npm peers and for benchmarks.
// Usage: node tests/peers/make_sentences.js COUNT [SEED] > sentences.txt
'use strict';

const count = Number(process.argv[2] || 3000);
let state = Number(process.argv[3] || 20261123) >>> 0;
// mulberry32: a small, well-mixed 32-bit generator; the same seed gives the same file everywhere.
function random() {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (list) => list[Math.floor(random() * list.length)];
const chance = (p) => random() < p;

const subjects = ['the demo', 'the onboarding', 'your team', 'the pricing', 'the integration', 'the support team',
  'the new dashboard', 'the contract', 'the rollout', 'our current vendor', 'the reporting module', 'the trial',
  'the proposal', 'the migration', 'the mobile app', 'the renewal', 'the implementation plan', 'the API',
  'the security review', 'the last release', 'your product', 'the training session', 'the invoice', 'the setup'];
const people = ['I', 'we', 'my manager', 'our CFO', 'the team', 'our engineers', 'my boss', 'the board', 'our users'];
const positive = ['good', 'great', 'excellent', 'helpful', 'impressive', 'amazing', 'easy', 'useful', 'nice',
  'fantastic', 'solid', 'clear', 'reliable', 'perfect', 'awesome', 'smooth', 'valuable', 'wonderful', 'fine',
  'effective', 'brilliant', 'friendly', 'fair', 'successful', 'excited'];
const negative = ['bad', 'slow', 'confusing', 'expensive', 'frustrating', 'terrible', 'disappointing', 'awful',
  'broken', 'painful', 'complicated', 'annoying', 'buggy', 'unclear', 'poor', 'horrible', 'worried', 'upset',
  'unhappy', 'difficult', 'risky', 'useless', 'weak', 'messy', 'stressful'];
const verbsPositive = ['love', 'like', 'appreciate', 'enjoy', 'trust', 'recommend', 'value', 'support'];
const verbsNegative = ['hate', 'dislike', 'doubt', 'regret', 'fear', 'resent', 'miss', 'blame'];
const boosters = ['very', 'really', 'extremely', 'incredibly', 'totally', 'so', 'absolutely', 'pretty', 'quite'];
const dampeners = ['slightly', 'somewhat', 'a bit', 'kind of', 'a little', 'barely', 'hardly'];
const negators = ['not', "isn't", "wasn't", "don't think it's", 'never', "aren't", "doesn't seem"];
const tails = ['for our team', 'at this stage', 'compared to last year', 'for the price', 'in the pilot',
  'during the call', 'for our use case', 'right now', 'this quarter', 'on our side', 'for the managers',
  'across the region', 'in practice', 'so far', 'from what I saw', 'for the whole department'];
const neutral = ['we need to check the numbers with finance before the end of the month',
  'can you send the updated proposal and the security documents by Friday',
  'the meeting is scheduled for next Tuesday at ten in the morning with the whole team',
  'let me share my screen so we can walk through the reporting workflow together',
  'we currently have about two hundred seats across three offices in Europe',
  'I will loop in our procurement lead and get back to you next week',
  'what does the timeline look like for the implementation and the data migration',
  'our contract with the current provider ends in March so we have some time',
  'could you explain how the licensing works for external contractors and partners',
  'we are evaluating two other vendors and will decide after the technical review'];
const openers = ['honestly', 'to be fair', 'well', 'okay so', 'yeah', 'look', 'frankly', 'I mean', 'so',
  'right', 'you know'];
const emphasis = ['!', '!!', '.', '.', '.', '?', '...'];
const emoji = [':)', ':(', '\u{1F44D}', '\u{1F642}', ':D', '\u{1F61E}'];

function adjective(list) {
  let word = pick(list);
  if (chance(0.08)) word = word.toUpperCase();
  if (chance(0.3)) word = `${pick(boosters)} ${word}`;
  else if (chance(0.15)) word = `${pick(dampeners)} ${word}`;
  return word;
}
function clause() {
  switch (Math.floor(random() * 6)) {
    case 0: return `${pick(subjects)} was ${adjective(chance(0.55) ? positive : negative)} ${pick(tails)}`;
    case 1: return `${pick(subjects)} ${pick(negators)} ${adjective(chance(0.5) ? positive : negative)} ${pick(tails)}`;
    case 2: return `${pick(people)} ${pick(chance(0.6) ? verbsPositive : verbsNegative)} ${pick(subjects)} ${pick(tails)}`;
    case 3: return `${pick(people)} felt ${adjective(chance(0.5) ? positive : negative)} about ${pick(subjects)}`;
    case 4: return `I think ${pick(subjects)} is ${adjective(chance(0.5) ? positive : negative)} but ${pick(subjects)} is ${adjective(chance(0.5) ? positive : negative)}`;
    default: return pick(neutral);
  }
}
function sentence() {
  for (;;) {
    let text = clause();
    if (chance(0.35)) text = `${pick(openers)}, ${text}`;
    if (chance(0.25)) {
      const second = clause();
      if (second !== text) text = `${text} and ${second}`;
    }
    const words = text.split(/\s+/).length;
    if (words < 10 || words > 25) continue;
    text = text.charAt(0).toUpperCase() + text.slice(1) + pick(emphasis);
    if (chance(0.05)) text += ` ${pick(emoji)}`;
    return text;
  }
}
const lines = [];
for (let i = 0; i < count; ++i) lines.push(sentence());
process.stdout.write(lines.join('\n') + '\n');

/* The edition's search engine, in a Web Worker that speaks Material for MkDocs' worker protocol
 * (setup 0 → ready 1, query 2 → result 3), so Material's search box, result list and keyboard use stay;
 * online, it fetches the index itself (INDEX, below). The build writes it to search/worker.js after
 * lunr.min.js (lunr.js 2.3.9, MIT: assets/vendor/lunr/).
 *
 * The inverted index (stems, with each word's ordinal and place in its entry) is this file's, as lunr's
 * builder made it, made at load in a fraction of the time; lunr gives the stemmer, the stop words and the
 * token set that corrects a typo. The ranking is this file's:
 * - every word counts: a page with all the query's concepts comes before a page with some, which say
 *   which word they miss; within them, entries where the words stand close together (an exact phrase
 *   first) and entries in the Guideline text or a title above commentary, boxes and footnotes;
 * - a concept is a word (its stem, its other spelling), or a term of art with its equivalents
 *   (config.terminology); an unknown word of five letters or more is read with one typo corrected;
 *   the word being typed (no space after it) is also read as a prefix, never a stop word;
 * - quoted words are a strict phrase; unquoted, the phrase still ranks first;
 * - "article 3 (1) (c)", "art. 3(1)(c)", "Lanzarote Convention art. 22" match the entries' citations
 *   (`cite`, found at build time by macros/instruments.py); "42", "para. 42", "§ 42" open paragraph 42.
 * The index it is sent is search/search_index.json, written by macros/search_index.py.
 */
/* global lunr */
"use strict";

var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
var engine = null;

function fold(s) {
  // Accents do not count ("Ramírez" = "ramirez"); typographic apostrophes are apostrophes.
  return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

function escapeHTML(s) {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function Engine(config, docs) {
  var self = this;
  this.config = config;
  // Each headnote's question an entry of its own, at its passage (config.headnotes: [[address, [questions]]]).
  docs = docs.slice();
  (config.headnotes || []).forEach(function (h) {
    h[1].forEach(function (ask) { docs.push({location: h[0], title: "", text: ask, zone: "headnote"}); });
  });
  this.docs = docs;
  this.weights = config.zones;
  this.separator = new RegExp(config.separator, "g");
  this.surfaces = new Map();  // each word of the index as written (folded) -> its stem
  this.indexing = true;
  this.stemOf = new Map();
  var spelling = new Map();
  this.british = new Map();
  (config.terminology.spellings || []).forEach(function (pair) {
    spelling.set(self.rawStem(pair[0]), self.rawStem(pair[1]));
    self.british.set(pair[0], pair[1]);
  });
  this.spelling = spelling;

  // The index: every word of every entry, read once here (see Engine.prototype.scan); each stem's postings
  // are made from it when a query first asks for that stem (postings).
  this.scan(docs);
  this.sorted = null;  // the words of the index (surfaces), sorted: made when first needed
  this.wordSet = null;  // the same as lunr's token set, for a typo's corrections
  this.forms = null;

  // Each page's own entry (its location has no #): the head of its result.
  this.pageEntry = new Map();
  docs.forEach(function (d, i) { if (d.location.indexOf("#") < 0) self.pageEntry.set(d.location, i); });
  this.paragraphPage = {};
  docs.forEach(function (d, i) { if (d.zone === "title") self.paragraphPage[d.n] = i; });
  // A passage by its address: where a headnote's match is credited, and where a pinpoint lands.
  this.passageAt = new Map();
  docs.forEach(function (d, i) {
    if (d.zone !== "headnote" && d.zone !== "title" && !self.passageAt.has(d.location)) self.passageAt.set(d.location, i);
  });

  // Terms of art: each group's terms as sequences of stems with their ordinal offsets.
  // A bridge is one-way: its `from` words (a reader's) also find its `to` terms (the report's), not back.
  this.groups = (config.terminology.synonyms || []).map(function (g) {
    return g.terms.map(function (term) { return self.sequence(term); }).filter(function (s) { return s.length; });
  }).concat((config.terminology.bridges || []).map(function (b) {
    var from = b.from.map(function (term) { return self.sequence(term); });
    var to = b.to.map(function (term) { var s = self.sequence(term); s.from = false; return s; });
    return from.concat(to).filter(function (s) { return s.length; });
  }));
  // WordNet's bridge (macros/wordnet.json, search/wordnet.json): the report's words for words it never
  // uses, fetched the first time a query holds one.
  this.synonymTable = null;
  this.filler = new Set((config.terminology.filler || []).map(fold));
  this.instruments = (config.instruments || []).map(function (inst) {
    return {id: inst.id, names: inst.names.map(function (n) { return fold(n); })
      .sort(function (a, b) { return b.length - a.length; })};
  });
}

// {word: [words]} as {stem: [stems the index holds]}.
Engine.prototype.stemTable = function (table) {
  var self = this, out = new Map();
  Object.keys(table).forEach(function (word) {
    var targets = table[word].map(function (t) { return self.stem(t); }).filter(function (t) { return self.postings(t); });
    if (targets.length) out.set(self.stem(word), targets);
  });
  return out;
};

// WordNet's table, read when first needed: search/wordnet.json, beside search/worker.js (a worker may wait for
// it). Offline from disk, or without the file, {}: the query is read without it.
Engine.prototype.readSynonyms = function () {
  try {
    var request = new XMLHttpRequest();
    request.open("GET", "wordnet.json", false);
    request.send(null);
    if (request.status === 200 || request.status === 0) return JSON.parse(request.responseText);
  } catch (e) { /* no file to read */ }
  return {};
};

Engine.prototype.synonyms = function (stem) {
  if (this.synonymTable === null) this.synonymTable = this.stemTable(this.readSynonyms());
  return this.synonymTable.get(stem) || [];
};

Engine.prototype.isStop = function (word) {
  return lunr.stopWordFilter(new lunr.Token(word)) === undefined;
};

// A word in British spelling: -ize/-yze as -ise/-yse ("criminalize" = "criminalise"), and the
// terminology's pairs ("offense" = "offence").
Engine.prototype.spell = function (word) {
  word = word.replace(/iz(e|es|ed|ing|ation|ations|er|ers)$/, "is$1").replace(/yz(e|es|ed|ing)$/, "ys$1");
  return (this.british && this.british.get(word)) || word;
};

Engine.prototype.rawStem = function (word) {
  return lunr.stemmer(new lunr.Token(this.spell(word))).toString();
};

Engine.prototype.stem = function (word) {
  var s = this.stemOf.get(word);
  if (s === undefined) {
    s = this.rawStem(word);
    s = this.spelling.get(s) || s;
    this.stemOf.set(word, s);
  }
  // A word of the report's text (not of a headnote, nor of a query): one it holds as written.
  if (this.indexing && !this.surfaces.has(word) && /[a-z]/.test(word)) this.surfaces.set(word, s);
  return s;
};

Engine.prototype.tokens = function (text) {
  var out = [], sep = this.separator, last = 0, m, index = 0;
  sep.lastIndex = 0;
  var push = function (start, end) {
    if (end > start) out.push({word: fold(text.slice(start, end)), start: start, length: end - start, index: index++});
  };
  while ((m = sep.exec(text)) !== null) {
    push(last, m.index);
    last = m.index + m[0].length;
    if (m[0].length === 0) sep.lastIndex++;
  }
  push(last, text.length);
  return out;
};

// The words of the entries as lunr's builder read them (Material's separator for tokenizer, this file's stop
// words and stemmer for pipeline; fields title then text, entry after entry), kept in parallel arrays, one
// slot a word, rather than as lunr's objects: lunr's builder also computed field vectors, idf and a token
// set the ranking never reads, and made most of the load's work doing it. Each entry's length in words too.
Engine.prototype.scan = function (docs) {
  this.stemId = new Map();  // stem -> its number
  this.vocabulary = new Map();  // a word as written (folded) -> {stem: its number, or -1 for a stop word, seen}
  this.slots = {n: 0, stem: new Int32Array(1 << 16), doc: new Int32Array(1 << 16), field: new Uint8Array(1 << 16),
                start: new Int32Array(1 << 16), length: new Int32Array(1 << 16), index: new Int32Array(1 << 16)};
  this.inverted = new Map();  // stem -> its postings, once asked for
  var total = 0;
  // A word said often in a long passage counts less than in a short one: each entry's length in words.
  this.length = new Array(docs.length);
  for (var i = 0; i < docs.length; i++) {
    var d = docs[i];
    // A passage's title ("Commentary", "Footnote 14") is a label, not words of the report.
    var title = d.zone === "title" || d.zone === "box" || d.zone === "page" || d.zone === "index" ? d.title : "";
    // A headnote's words are readers', not the report's: never offered as a correction or marked on a page.
    this.indexing = d.zone !== "headnote";
    this.scanField(i, 0, title);
    var n = this.scanField(i, 1, d.zone === "title" ? "" : d.text);
    this.length[i] = d.zone === "title" ? 8 : n + 1;
    total += this.length[i];
  }
  this.meanLength = total / Math.max(1, docs.length);
  this.indexing = false;
  this.sortSlots();
};

var NON_ASCII = /[^\x00-\x7f]/;
// Non-ASCII characters that neither case mapping nor canonical decomposition touches (Latin-1's punctuation
// and signs, general punctuation but for two spaces: the report's quotation marks, dashes, ellipses;
// tests/test_search.py checks the ranges): a text of these and ASCII folds word by word as it lower-cases whole.
var CASELESS = /^[\x00-\x7f\u00a0-\u00bf\u2002-\u206f]*$/;

// One field (0 title, 1 text) of entry `doc`, as Engine.prototype.tokens cuts it; its number of words.
Engine.prototype.scanField = function (doc, field, text) {
  text = text == null ? "" : String(text);
  var sep = this.separator, last = 0, index = 0, m, end;
  // Folding an ASCII text is lower-casing it, at once rather than word by word; so is folding a text whose
  // other characters are CASELESS (most of the report's non-ASCII texts: their quotation marks).
  var lower = !NON_ASCII.test(text) || CASELESS.test(text) ? text.toLowerCase() : null;
  sep.lastIndex = 0;
  do {
    m = sep.exec(text);
    end = m ? m.index : text.length;
    if (end > last) {
      this.slot(lower === null ? fold(text.slice(last, end)) : lower.slice(last, end), doc, field, last, end - last, index++);
    }
    if (m) {
      last = m.index + m[0].length;
      if (m[0].length === 0) sep.lastIndex++;
    }
  } while (m);
  return index;
};

Engine.prototype.slot = function (word, doc, field, start, length, index) {
  var known = this.vocabulary.get(word);
  if (known === undefined) {
    known = {stem: -1, seen: false};
    if (!this.isStop(word)) {
      var stem = this.stem(word);
      known.stem = this.stemId.get(stem);
      if (known.stem === undefined) this.stemId.set(stem, known.stem = this.stemId.size);
      known.seen = this.indexing;
    }
    this.vocabulary.set(word, known);
  }
  if (known.stem < 0) return;
  // A word first read in a headnote, then in the report's text: one the index holds as written.
  if (this.indexing && !known.seen) { this.stem(word); known.seen = true; }
  var s = this.slots, n = s.n;
  if (n === s.stem.length) this.growSlots();
  s.stem[n] = known.stem; s.doc[n] = doc; s.field[n] = field; s.start[n] = start; s.length[n] = length; s.index[n] = index;
  s.n = n + 1;
};

Engine.prototype.growSlots = function () {
  var s = this.slots;
  ["stem", "doc", "field", "start", "length", "index"].forEach(function (k) {
    var bigger = new s[k].constructor(s[k].length * 2);
    bigger.set(s[k]);
    s[k] = bigger;
  });
};

// The slots of each stem together, in the order they were read: this.order[this.from[id] .. this.from[id + 1]).
Engine.prototype.sortSlots = function () {
  var s = this.slots, from = new Int32Array(this.stemId.size + 2), order = new Int32Array(s.n), i;
  for (i = 0; i < s.n; i++) from[s.stem[i] + 2]++;
  for (i = 2; i < from.length; i++) from[i] += from[i - 1];
  for (i = 0; i < s.n; i++) order[from[s.stem[i] + 1]++] = i;
  this.from = from;
  this.order = order;
};

// A stem's postings, as lunr's index held them: {title: {entry: {position: [[start, length], ...],
// index: [ordinal, ...]}}, text: {...}}; null for a stem the index does not hold.
Engine.prototype.postings = function (stem) {
  var p = this.inverted.get(stem);
  if (p !== undefined) return p;
  var id = this.stemId.get(stem);
  if (id === undefined) return null;
  var s = this.slots;
  p = {title: Object.create(null), text: Object.create(null)};
  for (var k = this.from[id]; k < this.from[id + 1]; k++) {
    var i = this.order[k], ref = String(s.doc[i]), field = s.field[i] ? p.text : p.title;
    var hit = field[ref] || (field[ref] = {position: [], index: []});
    hit.position.push([s.start[i], s.length[i]]);
    hit.index.push(s.index[i]);
  }
  this.inverted.set(stem, p);
  return p;
};

// A term as [[stem, offset], ...]: stop words keep their place but are not matched.
Engine.prototype.sequence = function (text) {
  var self = this, out = [], first = null;
  this.tokens(text).forEach(function (t) {
    if (self.isStop(t.word)) return;
    if (first === null) first = t.index;
    out.push([self.stem(t.word), t.index - first, t.word]);
  });
  return out;
};

Engine.prototype.df = function (stem) {
  var p = this.postings(stem);
  if (!p) return 0;
  return Object.keys(p.text).length + Object.keys(p.title).length;
};

// Positions of a sequence of stems in one entry's field: [{index, start, end}] of its first word.
Engine.prototype.occurrences = function (seq, id, field) {
  var first = this.postings(seq[0][0]);
  var hit = first && first[field][id];
  if (!hit) return [];
  var out = [];
  for (var i = 0; i < hit.index.length; i++) {
    var at = hit.index[i], end = hit.position[i][0] + hit.position[i][1], ok = true;
    for (var k = 1; k < seq.length && ok; k++) {
      var p = this.postings(seq[k][0]), h = p && p[field][id];
      var j = h ? h.index.indexOf(at + seq[k][1]) : -1;
      if (j < 0) ok = false; else end = h.position[j][0] + h.position[j][1];
    }
    if (ok) out.push({index: at, start: hit.position[i][0], end: end});
  }
  return out;
};

// Entries that may hold a sequence (its rarest stem's entries).
Engine.prototype.candidates = function (seq, into) {
  var best = null;
  for (var k = 0; k < seq.length; k++) {
    var p = this.postings(seq[k][0]);
    if (!p) return;
    if (!best || this.df(seq[k][0]) < this.df(best)) best = seq[k][0];
  }
  var posting = this.postings(best);
  Object.keys(posting.text).forEach(function (id) { into.add(+id); });
  Object.keys(posting.title).forEach(function (id) { into.add(+id); });
};

// The words of the index that begin with the word being typed ("traffick" → trafficking).
Engine.prototype.prefixes = function (word) {
  var self = this, out = [], own = this.stem(word);
  if (word.length < 3) return out;
  this.startingWith(word).forEach(function (w) {
    var s = self.surfaces.get(w);
    if (!/^[a-z][a-z'’]*$/.test(w) || s === own || out.some(function (a) { return a.seq[0][0] === s; })) return;
    out.push({seq: [[s, 0, w]], weight: 0.7});
  });
  return out;
};

// The words of the index (surfaces), sorted.
Engine.prototype.sortedWords = function () {
  if (this.sorted === null) this.sorted = Array.from(this.surfaces.keys()).sort();
  return this.sorted;
};

// Each stem's words as the index writes them: what the page marks for a word of the query.
Engine.prototype.formsOf = function (stem) {
  var self = this;
  if (this.forms === null) {
    this.forms = new Map();
    this.sortedWords().forEach(function (w) {
      var s = self.surfaces.get(w);
      if (/^[a-z][a-z0-9]*$/.test(w)) (self.forms.get(s) || self.forms.set(s, []).get(s)).push(w);
    });
  }
  return this.forms.get(stem) || [];
};

// lunr's token set of the words of the index, made the first time a word is corrected.
Engine.prototype.words = function () {
  if (this.wordSet === null) this.wordSet = lunr.TokenSet.fromArray(this.sortedWords());
  return this.wordSet;
};

// The words of the index that begin with `word`, in the order lunr's token set gives them
// (words().intersect(lunr.TokenSet.fromString(word + "*")).toArray()), found in the sorted words: the
// token set's trie read depth first, a word before the longer ones it begins, and at a node the edges
// last to first in the order of their keys (digits first, as JavaScript orders a number's key).
Engine.prototype.startingWith = function (word) {
  // A "*" in the word is lunr's wildcard.
  if (word.indexOf("*") >= 0) return this.words().intersect(lunr.TokenSet.fromString(word + "*")).toArray();
  var all = this.sortedWords(), lo = 0, hi = all.length, out = [];
  while (lo < hi) {
    var mid = (lo + hi) >> 1;
    if (all[mid] < word) lo = mid + 1; else hi = mid;
  }
  for (var i = lo; i < all.length && all[i].slice(0, word.length) === word; i++) out.push(all[i]);
  return out.sort(trieOrder);
};

function edgeRank(c) {
  return c >= 48 && c <= 57 ? c - 48 : 10 + c;
}

function trieOrder(a, b) {
  for (var i = 0; i < a.length && i < b.length; i++) {
    var x = a.charCodeAt(i), y = b.charCodeAt(i);
    if (x !== y) return edgeRank(y) - edgeRank(x);
  }
  return a.length - b.length;
}

Engine.prototype.corrections = function (word) {
  var self = this, out = [];
  // One typo in a word of five letters or more; two in a word of eight or more, if one finds nothing.
  [[1, 5, 0.8], [2, 8, 0.6]].forEach(function (rule) {
    if (out.length || word.length < rule[1]) return;
    self.words().intersect(lunr.TokenSet.fromFuzzyString(word, rule[0])).toArray().forEach(function (w) {
      var s = self.surfaces.get(w);
      if (s !== undefined && /^[a-z]/.test(w) && !out.some(function (a) { return a.seq[0][0] === s; })) {
        out.push({seq: [[s, 0, w]], weight: rule[2]});
      }
    });
  });
  // A compound written as one word: "livestreaming" for "live streaming".
  for (var i = 3; out.length === 0 && i <= word.length - 3; i++) {
    var a = word.slice(0, i), b = word.slice(i);
    if (this.surfaces.has(a) && this.surfaces.has(b) && !this.isStop(a) && !this.isStop(b)) {
      out.push({seq: [[this.surfaces.get(a), 0, a], [this.surfaces.get(b), 1, b]], weight: 0.9});
    }
  }
  return out;
};

// ------------------------------------------------------------------ the query

// A paragraph, and an item of its list: "42", "para. 42", "§ 42", "97(e)", "para 97 (e)", "paragraph 97 e)".
var PARAGRAPH = /^(?:crc\/c\/156[,\s]*)?(?:(?:para(?:graph)?s?|guidelines?|gl|§|¶|no|n°)\.?\s*)?(\d{1,3})\.?(?:\s*\(?\s*([a-z])\s*\)|\s*([a-z]))?\.?$/i;
var ARTICLE = /\b(?:art(?:icle)?s?)\.?\s*(\d{1,3})((?:\s*\(\s*[0-9a-z]{1,4}\s*\)|\s*\.\s*[0-9a-z]{1,4}(?![0-9a-z]))*)((?:\s*(?:,|and|&|or)\s*\d{1,3}\b)*)/gi;
// Bounds that keep every query quick, whatever is pasted or shared in ?q=: the first characters are read,
// the rarest words of a long query kept, and typo and prefix expansion tried on words of a real length.
// How much a passage's length tempers the count of a word in it (BM25's b; 0: not at all).
var LENGTH_NORM = 0.5;
// A query of three words or fewer is read as keywords, which are the report's own terms.
var SHORT = 3, HN_SHORT = 0.7;
var LIMITS = {chars: 2000, concepts: 12, fuzzy: 20, prefix: 30, corrections: 4};

Engine.prototype.parse = function (raw) {
  var self = this;
  var q = {concepts: [], strict: [], paragraph: null, item: null};
  raw = String(raw).slice(0, LIMITS.chars);
  var text = fold(raw).replace(/[“”«»]/g, "\"").trim();
  var n = text.match(PARAGRAPH);
  if (n && +n[1] >= 1 && +n[1] <= this.config.paragraphs) {
    q.paragraph = +n[1];
    q.item = (n[2] || n[3] || "").toLowerCase() || null;
    text = n[1];
  }

  // Citations: articles with their subdivisions, of the instrument named anywhere in the query
  // (the Optional Protocol when none is). Without an article, an instrument's name is words.
  ARTICLE.lastIndex = 0;
  if (ARTICLE.test(text)) {
    var instrument = null;
    this.instruments.forEach(function (inst) {
      inst.names.forEach(function (name) {
        if (instrument) return;
        var re = new RegExp("(^|[^\\w/])" + name.replace(/[.*+?^${}()|[\]\\\/]/g, "\\$&") + "(?![\\w/])");
        var m = text.match(re);
        if (m) {
          instrument = inst.id;
          text = text.slice(0, m.index) + m[1] + " " + text.slice(m.index + m[0].length);
        }
      });
    });
    var articles = [];
    ARTICLE.lastIndex = 0;
    text = text.replace(ARTICLE, function (all, num, sub, more) {
      articles.push([+num].concat(sub.match(/[0-9a-z]{1,4}/g) || []).join("."));
      (more.match(/\d{1,3}/g) || []).forEach(function (m) { articles.push(m); });
      return " ";
    });
    var inst = instrument || "opsc";
    q.concepts.push({label: raw.trim(), cite: articles.map(function (a) { return inst + ":" + a; }),
                     anyInstrument: !instrument});
  }

  // Quoted words: strict phrases.
  text = text.replace(/"([^"]+)"?/g, function (all, phrase) {
    var seq = self.sequence(phrase);
    if (seq.length) q.strict.push({label: phrase.trim(), alts: [{seq: seq, weight: 1}], strict: true});
    return " ";
  });
  q.strict.forEach(function (c) { q.concepts.push(c); });

  // Words, with terms of art read as one concept. Question words and filler ("can", "what if", "stuff")
  // are not words of the query: config.terminology.filler, beside lunr's stop words.
  var typing = !/\s$/.test(raw) && !/"\s*$/.test(raw);
  var all = this.tokens(text);
  var tokens = all.filter(function (t) { return !self.isStop(t.word) && !self.filler.has(t.word); });
  var stems = tokens.map(function (t) { return self.stem(t.word); });
  var words = [];
  var i = 0;
  while (i < tokens.length) {
    var group = null, span = 0;
    for (var g = 0; g < this.groups.length; g++) {
      for (var k = 0; k < this.groups[g].length; k++) {
        var seq = this.groups[g][k];
        if (seq.from === false) continue;
        if (seq.length > span && seq.every(function (s, j) { return stems[i + j] === s[0]; })) {
          group = g; span = seq.length;
        }
      }
    }
    if (group !== null) {
      var typed = tokens.slice(i, i + span);
      var own = this.groups[group].filter(function (seq) {
        return seq.length === span && seq.every(function (s, j) { return s[0] === stems[i + j]; });
      });
      var alts = own.map(function (seq) { return {seq: seq, weight: 1}; });
      var bridge = this.groups[group].some(function (seq) { return seq.from === false; });
      this.groups[group].forEach(function (seq) {
        // A bridge leads to the report's terms, not to the other everyday words beside the one typed.
        if (own.indexOf(seq) < 0 && (!bridge || seq.from === false)) alts.push({seq: seq, weight: 0.85});
      });
      words.push({label: typed.map(function (t) { return t.word; }).join(" "), alts: alts,
                  at: typed[0].index, width: typed[span - 1].index - typed[0].index + 1, key: "g" + group});
      i += span;
      continue;
    }
    // A number standing for the paragraph is read as one already.
    if (!(q.paragraph && /^\d+$/.test(tokens[i].word))) {
      words.push({token: tokens[i], stem: stems[i], last: i === tokens.length - 1 && typing, key: stems[i]});
    }
    i++;
  }
  // A word said twice is one concept; of a long query (a pasted passage), the rarest words are kept.
  var seen = new Set();
  words = words.filter(function (w) { if (seen.has(w.key)) return false; seen.add(w.key); return true; });
  if (words.length > LIMITS.concepts) {
    var rarity = function (w) { return w.alts ? 0 : self.df(w.stem) || Infinity; };
    var keep = words.slice().sort(function (a, b) { return rarity(a) - rarity(b); }).slice(0, LIMITS.concepts);
    words = words.filter(function (w) { return keep.indexOf(w) >= 0; });
  }
  var corrected = 0;
  words.forEach(function (w) {
    if (w.alts) { q.concepts.push(w); return; }
    var t = w.token, alts2 = [];
    if (self.postings(w.stem)) alts2.push({seq: [[w.stem, 0, t.word]], weight: 1});
    // A word the report never uses: the report's words WordNet gives for it ("jail" → "imprisonment").
    if (!alts2.length) {
      self.synonyms(w.stem).forEach(function (r) { alts2.push({seq: [[r, 0, t.word]], weight: 0.8}); });
    }
    if (w.last && t.word.length <= LIMITS.prefix) alts2 = alts2.concat(self.prefixes(t.word));
    if (!alts2.length && t.word.length <= LIMITS.fuzzy && corrected++ < LIMITS.corrections) {
      alts2 = self.corrections(t.word);
    }
    q.concepts.push({label: t.word, alts: alts2, at: t.index, width: 1});
  });
  return q;
};

// ------------------------------------------------------------------ scoring

// How well an entry's citations answer the query's: 1 the provision asked, down to 0.3 another
// subdivision of its article. With no instrument named, the Optional Protocol's article comes first and
// another instrument's article of that number after it ("article 22": the Protocol has 17).
Engine.prototype.citeLevel = function (cites, wanted, anyInstrument) {
  var best = 0;
  (cites || []).forEach(function (c) {
    wanted.forEach(function (w) {
      var level = 0;
      if (anyInstrument && c.split(":")[0] !== "opsc" && c.indexOf(":") > 0) {
        var same = "opsc:" + c.slice(c.indexOf(":") + 1);
        if (same === w || same.indexOf(w + ".") === 0) best = Math.max(best, 0.4);
        return;
      }
      if (c === w) level = 1;
      else if (c.indexOf(w + ".") === 0) level = 0.8;  // a subdivision of what is asked
      else if (w.indexOf(c + ".") === 0) level = 0.5;  // the article, without the subdivision asked
      else if (c.split(".")[0] === w.split(".")[0]) level = 0.3;  // another subdivision of that article
      if (level > best) best = level;
    });
  });
  return best;
};

Engine.prototype.search = function (raw) {
  var self = this, q = this.parse(raw), docs = this.docs, N = docs.length;
  var concepts = q.concepts;
  if (!concepts.length && !q.paragraph) return {items: []};

  // Candidate entries and, per concept, its document frequency (for its weight).
  var candidates = new Set();
  concepts.forEach(function (c) {
    if (c.cite) {
      docs.forEach(function (d, i) { if (d.cite && self.citeLevel(d.cite, c.cite, c.anyInstrument) > 0) candidates.add(i); });
      c.idf = 3;
      return;
    }
    var local = new Set();
    c.alts.forEach(function (a) { self.candidates(a.seq, local); });
    local.forEach(function (i) { candidates.add(i); });
    c.idf = local.size ? Math.log(1 + N / local.size) : 0;
    // A number in a question ("a 15 year old", "under 18") is rare in the text but no rarer in meaning
    // than a common word: it weighs as a word found in 2 % of the entries at most.
    if (/^\d+$/.test(c.label)) c.idf = Math.min(c.idf, Math.log(1 + 50));
  });
  // A word found nowhere weighs nothing: every result says it is missing, none is ranked down for it.
  // A paragraph number opens its Guideline text (the item asked, "97 (e)"), never a commentary passage.
  var pin = null;
  if (q.paragraph) {
    var home = docs[this.paragraphPage[q.paragraph]].location;
    pin = this.passageAt.get(home + "#guideline-" + (q.item || "1"));
    if (pin === undefined) pin = this.passageAt.get(home + "#guideline-a");
    if (pin === undefined) pin = null;
    candidates.add(this.paragraphPage[q.paragraph]);
    if (pin !== null) candidates.add(pin);
  }
  var K = concepts.length;
  var strict = concepts.filter(function (c) { return c.strict; });

  var scored = [];
  candidates.forEach(function (id) {
    var d = docs[id], sid = String(id), matched = [], score = 0, hits = [], posLists = [];
    // Where the words' order and nearness are measured: a title's entry is its title.
    var measured = d.zone === "title" || d.zone === "index" ? "title" : "text";
    for (var ci = 0; ci < K; ci++) {
      var c = concepts[ci];
      if (c.cite) {
        var level = self.citeLevel(d.cite, c.cite, c.anyInstrument);
        if (level > 0) { matched.push(ci); score += level * 4 * c.idf; }
        continue;
      }
      var best = 0, found = [], surfaces = [], others = [];
      for (var ai = 0; ai < c.alts.length; ai++) {
        var a = c.alts[ai];
        ["text", "title"].forEach(function (field) {
          var occ = self.occurrences(a.seq, sid, field);
          if (!occ.length) return;
          var src = field === "title" ? d.title : d.text;
          occ.forEach(function (o) {
            o.field = field;
            found.push(o);
            var surface = src.slice(o.start, o.end);
            // The page marks the words as typed (and their forms), not every word of an equivalent term.
            (a.weight >= 1 ? surfaces : others).push(surface);
            // The word as typed weighs more than another word of its stem ("criminality", "criminal").
            var w = a.weight * (a.seq.length > 1 || self.spell(fold(surface)) === self.spell(a.seq[0][2]) ? 1 : 0.85);
            if (w > best) best = w;
          });
        });
      }
      if (!found.length) continue;
      matched.push(ci);
      var tf = found.length;
      var norm = 1 - LENGTH_NORM + LENGTH_NORM * self.length[id] / self.meanLength;
      score += best * c.idf * (2.2 * tf / (tf + 1.2 * norm));
      hits = hits.concat(found);
      posLists.push({concept: ci, positions: found.filter(function (o) { return o.field === measured; })
        .map(function (o) { return o.index; }).sort(function (x, y) { return x - y; }),
        surfaces: surfaces.length ? surfaces : others, own: surfaces.length > 0});
    }
    if (strict.some(function (c) { return matched.indexOf(concepts.indexOf(c)) < 0; })) return;
    var cover = coverage(concepts, matched);
    var proximity = 1, phrase = false;
    var words = posLists.filter(function (p) { return p.positions.length; });
    if (words.length >= 2) {
      var span = minimalSpan(words.map(function (p) { return p.positions; }));
      var need = words.reduce(function (s, p) { return s + (concepts[p.concept].width || 1); }, 0);
      proximity = 1 + 2 / (1 + Math.max(0, span - need));
      phrase = inQueryOrder(words.map(function (p) { return {positions: p.positions, at: concepts[p.concept].at}; }));
    }
    var weight = self.weights[d.zone] || 1;
    // Keywords are the report's own terms: its text decides, and the headnotes (readers' questions) count
    // for less than in a question.
    if (d.zone === "headnote" && K <= SHORT) weight *= HN_SHORT;
    var s = score * weight * cover * cover * proximity * (phrase && words.length === K ? 3 : 1);
    if (q.paragraph && d.zone === "title" && d.n === q.paragraph) s += 1000;
    if (id === pin) s += 2000;
    if (s <= 0) return;
    scored.push({id: id, score: s, matched: matched, hits: hits, surfaces: posLists,
                 titled: d.zone === "index" && matched.length === K && (words.length < 2 || phrase) &&
                   posLists.every(function (p) { return p.own; })});
  });
  scored = self.credit(scored);

  // Pages: all concepts first (over all their entries), then by their best entries.
  var pages = new Map();
  scored.forEach(function (e) {
    var page = docs[e.id].location.split("#")[0];
    if (!pages.has(page)) pages.set(page, {page: page, entries: [], matched: new Set()});
    var p = pages.get(page);
    p.entries.push(e);
    e.matched.forEach(function (ci) { p.matched.add(ci); });
  });
  var ranked = Array.from(pages.values());
  ranked.forEach(function (p) {
    p.entries.sort(function (a, b) { return b.score - a.score || a.id - b.id; });
    p.score = p.entries[0].score + 0.25 * (p.entries[1] ? p.entries[1].score : 0);
    p.cover = K ? coverage(concepts, Array.from(p.matched)) : 1;
    p.all = p.matched.size === K;
  });
  // A short query: pages with every concept first, then the others by the weight of what they hold and
  // their score. A long one (a question, a description) is rarely worded as the report words it: the
  // share of its weight a page holds counts, not whether it holds every word.
  var strictAll = K - concepts.filter(function (c) { return !c.idf; }).length <= 2;
  ranked.sort(function (a, b) {
    return (strictAll && (b.all - a.all)) ||
      (strictAll && a.all ? b.score - a.score : b.cover * b.cover * b.score - a.cover * a.cover * a.score) ||
      (a.page < b.page ? -1 : 1);
  });
  // A page that only lists or navigates (a chapter, an index) never outranks the paragraphs it points to;
  // one whose heading is the query itself ("child sex tourism" on /definitions/) comes right after the first.
  var isIndex = function (p) {
    return p.entries.every(function (e) { return docs[e.id].zone === "index" || docs[e.id].zone === "list"; });
  };
  var content = ranked.filter(function (p) { return !isIndex(p); });
  var lists = ranked.filter(isIndex);
  var titled = lists.filter(function (p) { return p.entries[0].titled; });
  ranked = content.slice(0, 1).concat(titled, content.slice(1), lists.filter(function (p) { return !p.entries[0].titled; }));
  return {items: ranked.slice(0, 60).map(function (p) { return self.render(p, concepts); })};
};

// A headnote's match is its passage's: credited to the passage (its score if higher, the concepts it
// holds), which the result shows with its own words marked.
Engine.prototype.credit = function (scored) {
  var self = this, docs = this.docs, byId = new Map(), best = new Map();
  scored.forEach(function (e) {
    if (docs[e.id].zone !== "headnote") { byId.set(e.id, e); return; }
    var id = self.passageAt.get(docs[e.id].location);
    if (id !== undefined && (!best.has(id) || best.get(id).score < e.score)) best.set(id, e);
  });
  best.forEach(function (h, id) {
    var e = byId.get(id);
    if (!e) {
      byId.set(id, {id: id, score: h.score, matched: h.matched.slice(), hits: [], surfaces: []});
      return;
    }
    e.score = Math.max(e.score, h.score) + 0.25 * Math.min(e.score, h.score);
    h.matched.forEach(function (ci) { if (e.matched.indexOf(ci) < 0) e.matched.push(ci); });
  });
  return Array.from(byId.values());
};

// The share of the query an entry holds, each concept weighed by its rarity: missing "abuse" costs
// less than missing "statute".
function coverage(concepts, matched) {
  var all = 0, got = 0;
  concepts.forEach(function (c, i) {
    all += c.idf;
    if (matched.indexOf(i) >= 0) got += c.idf;
  });
  return all ? got / all : 0;
}

// The smallest window holding one position of each list.
function minimalSpan(lists) {
  var ptr = lists.map(function () { return 0; }), best = Infinity;
  for (;;) {
    var lo = Infinity, hi = -Infinity, loI = -1;
    for (var i = 0; i < lists.length; i++) {
      var v = lists[i][ptr[i]];
      if (v < lo) { lo = v; loI = i; }
      if (v > hi) hi = v;
    }
    if (hi - lo + 1 < best) best = hi - lo + 1;
    ptr[loI]++;
    if (ptr[loI] >= lists[loI].length) return best;
  }
}

// Whether the words stand in the text as in the query, one after another (stop words in between alike).
function inQueryOrder(words) {
  if (words.some(function (w) { return w.at === undefined; })) return false;
  var first = words[0];
  return first.positions.some(function (p) {
    return words.every(function (w) { return w.positions.indexOf(p + w.at - first.at) >= 0; });
  });
}

// ------------------------------------------------------------------ results, as Material renders them

Engine.prototype.render = function (page, concepts) {
  var self = this, docs = this.docs;
  var shown = page.entries.slice(0, 6);
  var item = function (e, score) {
    var d = docs[e.id], terms = {};
    e.surfaces.forEach(function (p) { p.surfaces.slice(0, 3).forEach(function (s) { terms[fold(s)] = true; }); });
    concepts.forEach(function (c, ci) {
      if (c.cite && e.matched.indexOf(ci) >= 0) (d.text.match(/\bart(?:icle)?s?\b\.?/i) || []).forEach(function (w) { terms[fold(w)] = true; });
      if (page.matched.has(ci) || c.cite) return;
      terms[c.label] = false;
    });
    return {location: d.location, title: self.mark(d.title, e.hits.filter(function (h) { return h.field === "title"; }), []),
            text: self.snippet(d, e), score: score, terms: terms};
  };
  var top = shown[0];
  var selfId = this.pageEntry.get(page.page);
  var head;
  if (selfId !== undefined) {
    var own = shown.filter(function (e) { return e.id === selfId; })[0] || {id: selfId, hits: [], surfaces: [], matched: []};
    head = item(own, top.score);
    head.terms = {};
    shown.forEach(function (e) { Object.assign(head.terms, item(e, 0).terms); });
    // The page's own entry says where the reader will land: the best passage.
    if (docs[top.id].location !== docs[selfId].location) head.text = "";
  } else {
    head = item(top, top.score);
    head.location = page.page;
  }
  var rest = shown.filter(function (e) { return e.id !== selfId; }).map(function (e, k) {
    return item(e, k === 0 ? top.score : e.score);
  });
  // Each link says what to mark on the page it opens (docs/js/highlight.js reads ?h=).
  var marks = this.highlight(page, concepts);
  return [head].concat(rest).map(function (it) { it.location = withMarks(it.location, marks); return it; });
};

// The words the page opened should mark, as ?h= gives them: every form of each word typed that the
// report uses ("compensating": compensation, compensate, ...), phrases in quotes ("self generated"), and
// the report's words that were found for a word it does not use. Never a citation's "article".
Engine.prototype.highlight = function (page, concepts) {
  var self = this, out = [];
  var quote = function (words) { return words.length > 1 ? "\"" + words.join(" ") + "\"" : words[0]; };
  concepts.forEach(function (c, ci) {
    if (c.cite || !page.matched.has(ci)) return;
    var words = [];
    // The words as typed, when the page holds them; otherwise what it holds for them.
    var own = page.entries.some(function (e) {
      return e.surfaces.some(function (p) { return p.concept === ci && p.own; });
    });
    if (own) c.alts.forEach(function (a) {
      if (a.weight < 1 || !a.seq.every(function (s) { return self.postings(s[0]); })) return;
      if (a.seq.length > 1) words.push(quote(a.seq.map(function (s) { return s[2]; })));
      else self.formsOf(a.seq[0][0]).slice(0, 8).forEach(function (w) { words.push(w); });
    });
    if (!words.length) {
      page.entries.forEach(function (e) {
        e.surfaces.forEach(function (p) {
          if (p.concept === ci) p.surfaces.forEach(function (s) { words.push(quote(self.tokens(s).map(function (t) { return t.word; }))); });
        });
      });
    }
    words.forEach(function (w) { if (w && out.indexOf(w) < 0) out.push(w); });
  });
  return out.slice(0, 40).join(" ");
};

function withMarks(location, marks) {
  if (!marks) return location;
  var at = location.indexOf("#");
  var page = at < 0 ? location : location.slice(0, at), fragment = at < 0 ? "" : location.slice(at);
  return page + "?h=" + encodeURIComponent(marks).replace(/%20/g, "+") + fragment;
}

Engine.prototype.mark = function (text, hits, markers, from, to) {
  from = from || 0;
  to = to === undefined ? text.length : to;
  var cuts = [];
  hits.forEach(function (h) { if (h.start >= from && h.end <= to) cuts.push([h.start, "<mark>"], [h.end, "</mark>"]); });
  markers.forEach(function (m) { if (m[0] >= from && m[0] <= to) cuts.push([m[0], "<sup>" + m[1] + "</sup>"]); });
  cuts.sort(function (a, b) { return a[0] - b[0] || (a[1] === "</mark>" ? -1 : 1); });
  // Overlapping hits ("child sex tourism" and "sex tourism" in one group) open one mark, and the text
  // between two cuts is written once, whatever the cut does.
  var out = "", pos = from, depth = 0;
  cuts.forEach(function (c) {
    out += escapeHTML(text.slice(pos, c[0]));
    pos = c[0];
    if (c[1] === "<mark>") { if (depth++ > 0) return; }
    else if (c[1] === "</mark>") { if (depth === 0 || --depth > 0) return; }
    out += c[1];
  });
  return out + escapeHTML(text.slice(pos, to)) + (depth > 0 ? "</mark>" : "");
};

Engine.prototype.snippet = function (d, e) {
  var text = d.text, hits = e.hits.filter(function (h) { return h.field === "text"; });
  if (d.zone === "title") return escapeHTML(text);
  var first = hits.length ? Math.min.apply(null, hits.map(function (h) { return h.start; })) : 0;
  if (!hits.length && e.matched.length) {
    var m = text.match(/\bart(?:icle)?s?\b\.?\s*\d/i);
    if (m) first = m.index;
  }
  var from = Math.max(0, first - 80), to = Math.min(text.length, from + 320);
  if (from > 0) from = text.indexOf(" ", from) + 1 || from;
  if (to < text.length) to = text.lastIndexOf(" ", to) > from ? text.lastIndexOf(" ", to) : to;
  return (from > 0 ? "… " : "") + this.mark(text, hits, d.fn || [], from, to) + (to < text.length ? " …" : "");
};

// ------------------------------------------------------------------ the worker

// Besides Material's messages, one from docs/js/search-on-intent.js (online): {type: INDEX, url}, the index to
// read here rather than have Material's page fetch, parse and send it. The page's thread is busy starting
// Material when a reader searches at once: the worker reads and indexes the entries meanwhile, and says it
// is ready as Material's SETUP would have it say. If it cannot, it says INDEX_FAILED and the page sends the
// index as Material does. A worker started by search-on-intent.js (named INDEX) fetches the index beside
// it as it starts, before the page's thread, busy, has passed it that message.
var INDEX = "opsc-index", INDEX_FAILED = "opsc-index-failed";
var prefetched = null;

function load(url) {
  return fetch(url).then(function (response) {
    if (!response.ok) throw new Error("HTTP " + response.status);
    return response.json();
  }).then(function (index) {
    return new Engine(index.config, index.docs);
  });
}

function prefetch() {
  var url = new URL("search_index.json", self.location.href).href;
  prefetched = {url: url, engine: load(url)};
  prefetched.engine.catch(function () { /* said when the page asks (readIndex) */ });
}

function readIndex(url) {
  var built = prefetched && prefetched.url === url ? prefetched.engine : load(url);
  prefetched = null;
  built.then(function (built) {
    engine = built;
    postMessage({type: READY});
    // While the page sends the first query: what every query's result reads (the words' forms).
    setTimeout(function () { built.formsOf(""); }, 0);
  }).catch(function (err) {
    console.warn("Search index not read from " + url, err);
    postMessage({type: INDEX_FAILED});
  });
}

function handle(message) {
  switch (message.type) {
    case SETUP:
      engine = new Engine(message.data.config, message.data.docs);
      return {type: READY};
    case QUERY:
      try {
        return {type: RESULT, data: engine.search(message.data)};
      } catch (err) {
        console.warn("Search failed on " + JSON.stringify(message.data), err);
        return {type: RESULT, data: {items: []}};
      }
    default:
      throw new TypeError("Invalid message type");
  }
}

if (typeof self !== "undefined" && typeof module === "undefined") {
  if (self.name === INDEX && /^https?:$/.test(self.location.protocol)) prefetch();
  self.addEventListener("message", function (ev) {
    if (ev.data && ev.data.type === INDEX) readIndex(ev.data.url);
    else postMessage(handle(ev.data));
  });
}
if (typeof module !== "undefined") module.exports = {Engine: Engine, handle: handle};

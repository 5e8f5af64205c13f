/* The edition's search engine, in a Web Worker that speaks Material for MkDocs' worker protocol
 * (setup 0 → ready 1, query 2 → result 3), so Material's search box, result list and keyboard use stay.
 * The build writes it to search/worker.js after lunr.min.js (lunr.js 2.3.9, MIT: assets/vendor/lunr/).
 *
 * lunr holds the inverted index (stems, with each word's ordinal and place in its entry), the stemmer,
 * the stop words and the token sets that expand a prefix or a typo. The ranking is this file's:
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

  // The tokenizer: Material's separator (quotes, dashes, brackets, a glued footnote number), each token
  // with its ordinal, so that phrases and distances can be measured.
  var tokenizer = function (value) {
    return self.tokens(value == null ? "" : String(value)).map(function (t) {
      return new lunr.Token(t.word, {position: [t.start, t.length], index: t.index});
    });
  };
  var normalise = function (token) {
    var word = token.toString();
    if (self.isStop(word)) return undefined;
    return token.update(function () { return self.stem(word); });
  };
  lunr.Pipeline.registerFunction(normalise, "opscNormalise");

  this.index = lunr(function () {
    this.tokenizer = tokenizer;
    this.pipeline.reset();
    this.searchPipeline.reset();
    this.pipeline.add(normalise);
    this.metadataWhitelist = ["position", "index"];
    this.ref("id");
    this.field("title");
    this.field("text");
    for (var i = 0; i < docs.length; i++) {
      var d = docs[i];
      // A passage's title ("Commentary", "Footnote 14") is a label, not words of the report.
      var title = d.zone === "title" || d.zone === "box" || d.zone === "page" || d.zone === "index" ? d.title : "";
      this.add({id: String(i), title: title, text: d.zone === "title" ? "" : d.text});
    }
  });
  this.indexing = false;
  this.words = lunr.TokenSet.fromArray(Array.from(this.surfaces.keys()).sort());

  // Each page's own entry (its location has no #): the head of its result.
  this.pageEntry = new Map();
  docs.forEach(function (d, i) { if (d.location.indexOf("#") < 0) self.pageEntry.set(d.location, i); });
  this.paragraphPage = {};
  docs.forEach(function (d, i) { if (d.zone === "title") self.paragraphPage[d.n] = i; });

  // Terms of art: each group's terms as sequences of stems with their ordinal offsets.
  this.groups = (config.terminology.synonyms || []).map(function (g) {
    return g.terms.map(function (term) { return self.sequence(term); }).filter(function (s) { return s.length; });
  });
  this.instruments = (config.instruments || []).map(function (inst) {
    return {id: inst.id, names: inst.names.map(function (n) { return fold(n); })
      .sort(function (a, b) { return b.length - a.length; })};
  });
}

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
  var cached = this.stemOf.get(word);
  if (cached !== undefined) return cached;
  var s = this.rawStem(word);
  s = this.spelling.get(s) || s;
  this.stemOf.set(word, s);
  if (this.indexing && /[a-z]/.test(word)) this.surfaces.set(word, s);
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

Engine.prototype.postings = function (stem) {
  var p = this.index.invertedIndex[stem];
  return p ? p : null;
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
  this.words.intersect(lunr.TokenSet.fromString(word + "*")).toArray().forEach(function (w) {
    var s = self.surfaces.get(w);
    if (!/^[a-z][a-z'’]*$/.test(w) || s === own || out.some(function (a) { return a.seq[0][0] === s; })) return;
    out.push({seq: [[s, 0, w]], weight: 0.7});
  });
  return out;
};

Engine.prototype.corrections = function (word) {
  var self = this, out = [];
  // One typo in a word of five letters or more; two in a word of eight or more, if one finds nothing.
  [[1, 5, 0.8], [2, 8, 0.6]].forEach(function (rule) {
    if (out.length || word.length < rule[1]) return;
    self.words.intersect(lunr.TokenSet.fromFuzzyString(word, rule[0])).toArray().forEach(function (w) {
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

var PARAGRAPH = /^(?:crc\/c\/156[,\s]*)?(?:(?:para(?:graph)?s?|guidelines?|gl|§|¶|no|n°)\.?\s*)?(\d{1,3})\.?$/i;
var ARTICLE = /\b(?:art(?:icle)?s?)\.?\s*(\d{1,3})((?:\s*\(\s*[0-9a-z]{1,4}\s*\)|\s*\.\s*[0-9a-z]{1,4}(?![0-9a-z]))*)((?:\s*(?:,|and|&|or)\s*\d{1,3}\b)*)/gi;

Engine.prototype.parse = function (raw) {
  var self = this;
  var q = {concepts: [], strict: [], paragraph: null};
  var text = fold(raw).replace(/[“”«»]/g, "\"").trim();
  var n = text.match(PARAGRAPH);
  if (n && +n[1] >= 1 && +n[1] <= this.config.paragraphs) {
    q.paragraph = +n[1];
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

  // Words, with terms of art read as one concept.
  var typing = !/\s$/.test(raw) && !/"\s*$/.test(raw);
  var tokens = this.tokens(text).filter(function (t) { return !self.isStop(t.word); });
  var stems = tokens.map(function (t) { return self.stem(t.word); });
  var i = 0;
  while (i < tokens.length) {
    var group = null, span = 0;
    for (var g = 0; g < this.groups.length; g++) {
      for (var k = 0; k < this.groups[g].length; k++) {
        var seq = this.groups[g][k];
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
      this.groups[group].forEach(function (seq) {
        if (own.indexOf(seq) < 0) alts.push({seq: seq, weight: 0.85});
      });
      q.concepts.push({label: typed.map(function (t) { return t.word; }).join(" "), alts: alts,
                       at: typed[0].index, width: typed[span - 1].index - typed[0].index + 1});
      i += span;
      continue;
    }
    var t = tokens[i], stem = stems[i], last = i === tokens.length - 1 && typing;
    var alts2 = [];
    if (this.postings(stem)) alts2.push({seq: [[stem, 0, t.word]], weight: 1});
    if (last) alts2 = alts2.concat(this.prefixes(t.word));
    if (!alts2.length) alts2 = this.corrections(t.word);
    // A number standing for the paragraph is read as one already.
    if (!(q.paragraph && /^\d+$/.test(t.word))) {
      q.concepts.push({label: t.word, alts: alts2, at: t.index, width: 1});
    }
    i++;
  }
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
  });
  // A word found nowhere weighs nothing: every result says it is missing, none is ranked down for it.
  if (q.paragraph) candidates.add(this.paragraphPage[q.paragraph]);
  var K = concepts.length;
  var strict = concepts.filter(function (c) { return c.strict; });

  var scored = [];
  candidates.forEach(function (id) {
    var d = docs[id], sid = String(id), matched = [], score = 0, hits = [], posLists = [];
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
      score += best * c.idf * (2.2 * tf / (tf + 1.2));
      hits = hits.concat(found);
      posLists.push({concept: ci, positions: found.filter(function (o) { return o.field === "text"; })
        .map(function (o) { return o.index; }).sort(function (x, y) { return x - y; }),
        surfaces: surfaces.length ? surfaces : others});
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
    var s = score * weight * cover * cover * proximity * (phrase && words.length === K ? 3 : 1);
    if (q.paragraph && d.zone === "title" && d.n === q.paragraph) s += 1000;
    if (s <= 0) return;
    scored.push({id: id, score: s, matched: matched, hits: hits, surfaces: posLists});
  });

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
  // Pages with every concept first; then the others, by the weight of what they hold and their score.
  ranked.sort(function (a, b) {
    return (b.all - a.all) || (a.all ? b.score - a.score : b.cover * b.score - a.cover * a.score) ||
      (a.page < b.page ? -1 : 1);
  });
  return {items: ranked.slice(0, 60).map(function (p) { return self.render(p, concepts); })};
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
  return [head].concat(rest);
};

Engine.prototype.mark = function (text, hits, markers, from, to) {
  from = from || 0;
  to = to === undefined ? text.length : to;
  var cuts = [];
  hits.forEach(function (h) { if (h.start >= from && h.end <= to) cuts.push([h.start, "<mark>"], [h.end, "</mark>"]); });
  markers.forEach(function (m) { if (m[0] >= from && m[0] <= to) cuts.push([m[0], "<sup>" + m[1] + "</sup>"]); });
  cuts.sort(function (a, b) { return a[0] - b[0] || (a[1] === "</mark>" ? -1 : 1); });
  var out = "", pos = from, open = false;
  cuts.forEach(function (c) {
    if (c[0] < pos) return;
    out += escapeHTML(text.slice(pos, c[0]));
    if (c[1] === "<mark>") { if (open) return; open = true; }
    if (c[1] === "</mark>") { if (!open) return; open = false; }
    out += c[1];
    pos = c[0];
  });
  return out + escapeHTML(text.slice(pos, to)) + (open ? "</mark>" : "");
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
  self.addEventListener("message", function (ev) { postMessage(handle(ev.data)); });
}
if (typeof module !== "undefined") module.exports = {Engine: Engine, handle: handle};

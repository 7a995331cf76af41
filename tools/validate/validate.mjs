#!/usr/bin/env node
// Real-world validators over one build of heropath's output (see run.sh, which
// builds the sample clinic and calls this):
//
//   vnu    every .html in the public and handouts trees passes the Nu Html
//          Checker (vnu.jar) with zero errors;
//   axe    every public page and handout has zero axe-core violations for the
//          WCAG 2.1 A/AA rules, loaded from file:// in headless Chromium;
//   feeds  sitemap.xml and atom.xml are well-formed and valid (RELAX NG with
//          the Jing inside vnu.jar), plus RFC 4287 / sitemap rules a schema
//          cannot say (required elements, RFC 3339 dates, unique ids, self
//          link, every URL resolving to a page that exists);
//   links  every internal href/src/srcset in public/ (and in the feed's HTML)
//          resolves to a file in public/, #fragments included; handouts refer
//          to nothing outside themselves.
//
// Usage: node validate.mjs --public DIR --handouts DIR [--axe-public DIR]
//                          [--only vnu,axe,feeds,links]
// --axe-public is a second build of the public site made with
// --base-url file://DIR, so root-relative links and the stylesheet resolve
// under file:// (axe's colour-contrast rule needs the real CSS). It is also
// link-checked, which exercises a base path other than "/".
// Exit status: 0 when every check passes, 1 otherwise.

import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

// ------------------------------------------------------------------ options

function parseArgs(argv) {
  const o = { only: ['vnu', 'axe', 'feeds', 'links'] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = () => {
      if (i + 1 >= argv.length) usage(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--public') o.public = path.resolve(v());
    else if (a === '--handouts') o.handouts = path.resolve(v());
    else if (a === '--axe-public') o.axePublic = path.resolve(v());
    else if (a === '--only') o.only = v().split(',').map((s) => s.trim()).filter(Boolean);
    else usage(`unknown argument ${a}`);
  }
  if (!o.public || !o.handouts) usage('--public and --handouts are required');
  for (const c of o.only) if (!['vnu', 'axe', 'feeds', 'links'].includes(c)) usage(`unknown check ${c}`);
  return o;
}

function usage(msg) {
  console.error(`validate.mjs: ${msg}\nusage: node validate.mjs --public DIR --handouts DIR [--axe-public DIR] [--only vnu,axe,feeds,links]`);
  process.exit(2);
}

const opts = parseArgs(process.argv.slice(2));
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const VNU_JAR = path.join(path.dirname(require.resolve('vnu-jar/package.json')), 'build/dist/vnu.jar');
const JING_MAIN = 'nu.validator.vendor.thaiopensource.relaxng.util.Driver';
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// ------------------------------------------------------------------ helpers

/** Every file under dir (relative paths, '/'-separated, sorted). */
function walk(dir) {
  const out = [];
  const rec = (d, rel) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) rec(path.join(d, e.name), r);
      else if (e.isFile()) out.push(r);
    }
  };
  rec(dir, '');
  return out.sort();
}

const htmlFiles = (dir) => walk(dir).filter((f) => f.endsWith('.html'));

/** Run a command; resolve with { code, stdout, stderr }. */
function run(cmd, args, { cwd } = {}) {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (stderr += d));
    p.on('error', reject);
    p.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const clip = (s, n) => (s.length > n ? `${s.slice(0, n)}…` : s);
const secs = (t0) => `${((performance.now() - t0) / 1000).toFixed(1)} s`;

/** A check's result: a name, a one-line summary, failures (file: message). */
class Check {
  constructor(name) {
    this.name = name;
    this.failures = [];
    this.notes = [];
    this.t0 = performance.now();
  }
  fail(file, msg) {
    this.failures.push(`${file}: ${msg}`);
  }
  done(summary) {
    this.summary = summary;
    this.time = secs(this.t0);
    return this;
  }
}

const NAMED = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
function decodeEntities(s) {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z][a-z0-9]*);/gi, (m, e) => {
    if (e[0] === '#') {
      const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(n) ? String.fromCodePoint(n) : m;
    }
    return NAMED[e.toLowerCase()] ?? m;
  });
}

// ------------------------------------------------------ a small HTML scanner
// The HTML has passed vnu by the time links are checked, so a tokenizer that
// knows comments, raw-text elements and quoted attributes is enough.

const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title']);
const TAG_RE = /<!--[\s\S]*?-->|<![^>]*>|<\/[^>]*>|<([a-zA-Z][^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
const ATTR_RE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** Start tags of an HTML document: [{ name, attrs: Map, line }]. */
function scanTags(src) {
  const tags = [];
  TAG_RE.lastIndex = 0;
  let m;
  while ((m = TAG_RE.exec(src))) {
    if (!m[1]) continue;
    const name = m[1].toLowerCase();
    const attrs = new Map();
    let a;
    ATTR_RE.lastIndex = 0;
    while ((a = ATTR_RE.exec(m[2]))) {
      const k = a[1].toLowerCase();
      if (!attrs.has(k)) attrs.set(k, decodeEntities(a[2] ?? a[3] ?? a[4] ?? ''));
    }
    const line = src.slice(0, m.index).split('\n').length;
    tags.push({ name, attrs, line });
    if (RAW_TEXT.has(name)) {
      const close = src.toLowerCase().indexOf(`</${name}`, TAG_RE.lastIndex);
      TAG_RE.lastIndex = close < 0 ? src.length : close;
    }
  }
  return tags;
}

/** The URL-valued attributes of a tag, as [attr, value]. */
function urlRefs(tag) {
  const out = [];
  const { name, attrs } = tag;
  for (const k of ['href', 'src', 'poster', 'cite', 'action', 'formaction', 'longdesc', 'xlink:href']) {
    if (attrs.has(k)) out.push([k, attrs.get(k)]);
  }
  if (name === 'object' && attrs.has('data')) out.push(['data', attrs.get('data')]);
  for (const k of ['srcset', 'imagesrcset']) {
    if (!attrs.has(k)) continue;
    for (const cand of attrs.get(k).split(/,\s+|,(?=\S)/)) {
      const u = cand.trim().split(/\s+/)[0];
      if (u) out.push([k, u]);
    }
  }
  if (name === 'meta' && /^og:(url|image|image:url|audio|video)$/.test(attrs.get('property') || '')) {
    out.push([`meta ${attrs.get('property')}`, attrs.get('content') || '']);
  }
  return out.map(([k, v]) => [k, v.trim()]);
}

/** ids (and <a name>) defined in a document. */
function anchorsOf(tags) {
  const ids = new Set();
  for (const t of tags) {
    if (t.attrs.has('id')) ids.add(t.attrs.get('id'));
    if (t.name === 'a' && t.attrs.has('name')) ids.add(t.attrs.get('name'));
  }
  return ids;
}

// ------------------------------------------------------- a small XML reader
// Only run on files Jing has already parsed, so it need not diagnose much.

/** Parse well-formed XML into { name, ns, local, attrs, children, text, line }. */
function parseXml(src) {
  const root = { children: [], nsMap: { xml: 'http://www.w3.org/XML/1998/namespace' } };
  const stack = [root];
  const re = /<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<!DOCTYPE[^>]*>|<\/([^\s>]+)\s*>|<([^\s/>]+)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>|([^<]+)/g;
  let m;
  while ((m = re.exec(src))) {
    const top = stack[stack.length - 1];
    if (m[1] !== undefined) top.text = (top.text || '') + m[1];
    else if (m[6] !== undefined) top.text = (top.text || '') + decodeEntities(m[6]);
    else if (m[2] !== undefined) stack.pop();
    else if (m[3] !== undefined) {
      const attrs = {};
      const nsMap = { ...top.nsMap };
      let a;
      const are = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
      while ((a = are.exec(m[4]))) {
        const v = decodeEntities(a[2] ?? a[3]);
        if (a[1] === 'xmlns') nsMap[''] = v;
        else if (a[1].startsWith('xmlns:')) nsMap[a[1].slice(6)] = v;
        attrs[a[1]] = v;
      }
      const [prefix, local] = m[3].includes(':') ? m[3].split(':') : ['', m[3]];
      const el = {
        name: m[3], local, ns: nsMap[prefix] ?? '', attrs, nsMap, children: [], text: '',
        line: src.slice(0, m.index).split('\n').length,
      };
      top.children.push(el);
      if (!m[5]) stack.push(el);
    }
  }
  return root.children[0];
}

const ATOM = 'http://www.w3.org/2005/Atom';
const kids = (el, local, ns = ATOM) => el.children.filter((c) => c.local === local && c.ns === ns);
// RFC 4287 section 3.3: an RFC 3339 date-time, upper-case T and Z.
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-](\d{2}):(\d{2}))$/;

function validRfc3339(s) {
  const m = RFC3339.exec(s);
  if (!m) return false;
  const [y, mo, d, h, mi, se] = m.slice(1, 7).map(Number);
  const dim = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (mo < 1 || mo > 12 || d < 1 || d > dim || h > 23 || mi > 59 || se > 60) return false;
  if (m[9] !== undefined && (Number(m[9]) > 23 || Number(m[10]) > 59)) return false;
  return !Number.isNaN(Date.parse(s));
}

// ------------------------------------------------------------ site geometry

/** The site's base URL (ending in '/'), read from the feed's self link. */
function baseUrlOf(publicDir) {
  const feed = path.join(publicDir, 'atom.xml');
  if (existsSync(feed)) {
    const m = /<link\b[^>]*\brel="self"[^>]*\bhref="([^"]+)"/.exec(readFileSync(feed, 'utf8'))
      || /<link\b[^>]*\bhref="([^"]+)"[^>]*\brel="self"/.exec(readFileSync(feed, 'utf8'));
    if (m) return new URL('.', decodeEntities(m[1])).href;
  }
  const idx = path.join(publicDir, 'index.html');
  const m = /<link rel="canonical" href="([^"]+)"/.exec(readFileSync(idx, 'utf8'));
  if (m) return new URL('.', decodeEntities(m[1])).href;
  throw new Error(`cannot tell the base URL of ${publicDir}: no atom.xml self link, no canonical link`);
}

/** The URL a public file is served at. */
function urlOfFile(base, rel) {
  if (rel === 'index.html') return base;
  if (rel.endsWith('/index.html')) return new URL(rel.slice(0, -'index.html'.length), base).href;
  return new URL(rel, base).href;
}

/**
 * Map a URL to the file it names in a tree served at base:
 * { file } | { error } | { external: true }.
 */
function fileOfUrl(base, treeDir, url) {
  const b = new URL(base);
  const u = new URL(url);
  if (u.protocol !== b.protocol || u.host !== b.host) return { external: true };
  if (!u.pathname.startsWith(b.pathname)) return { error: `outside the site's base path ${b.pathname}` };
  let rel;
  try {
    rel = decodeURIComponent(u.pathname.slice(b.pathname.length));
  } catch {
    return { error: 'badly percent-encoded path' };
  }
  if (rel.split('/').includes('..')) return { error: 'path climbs out of the site' };
  if (rel === '' || rel.endsWith('/')) rel += 'index.html';
  const abs = path.join(treeDir, rel);
  if (!existsSync(abs)) return { error: `no such file ${rel}` };
  if (statSync(abs).isDirectory()) {
    return existsSync(path.join(abs, 'index.html'))
      ? { error: `folder without a trailing slash (write ${u.pathname}/)` }
      : { error: `${rel} is a folder` };
  }
  return { file: rel };
}

// --------------------------------------------------------------- check: vnu

async function checkVnu() {
  const c = new Check('vnu');
  const files = [
    ...htmlFiles(opts.public).map((f) => path.join(opts.public, f)),
    ...htmlFiles(opts.handouts).map((f) => path.join(opts.handouts, f)),
  ];
  const ver = (await run('java', ['-jar', VNU_JAR, '--version'])).stdout.trim();
  const r = await run('java', ['-jar', VNU_JAR, '--errors-only', '--skip-non-html', '--format', 'json', '--stdout', ...files]);
  let messages;
  try {
    messages = JSON.parse(r.stdout).messages;
  } catch {
    c.fail('vnu.jar', `could not read its report (exit ${r.code}): ${(r.stderr || r.stdout).trim().slice(0, 500)}`);
    return c.done(`Nu Html Checker ${ver}: did not run`);
  }
  for (const m of messages) {
    if (m.type !== 'error' && m.subType !== 'fatal') continue;
    const file = m.url ? fileURLToPath(m.url) : '?';
    c.fail(`${file}:${m.lastLine ?? '?'}:${m.firstColumn ?? m.lastColumn ?? '?'}`, `${m.message}${m.extract ? ` [${clip(m.extract.replace(/\s+/g, ' ').trim(), 160)}]` : ''}`);
  }
  if (r.code !== 0 && c.failures.length === 0) c.fail('vnu.jar', `exit ${r.code}: ${r.stderr.trim().slice(0, 500)}`);
  const nPub = htmlFiles(opts.public).length;
  return c.done(`Nu Html Checker ${ver}: ${files.length} HTML files (${nPub} public incl. 404, ${files.length - nPub} handouts), ${c.failures.length} error(s)`);
}

// --------------------------------------------------------------- check: axe

async function checkAxe() {
  const c = new Check('axe');
  const { chromium } = await import('playwright-core');
  const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  const axeVersion = require('axe-core/package.json').version;
  const pubDir = opts.axePublic ?? opts.public;
  if (!opts.axePublic) c.notes.push('no --axe-public: root-relative links and CSS may not load under file://');
  const pages = [
    ...htmlFiles(pubDir).map((f) => ({ file: path.join(pubDir, f), label: `public/${f}`, media: 'screen' })),
    ...htmlFiles(opts.handouts).map((f) => ({ file: path.join(opts.handouts, f), label: `handouts/${f}`, media: 'screen' })),
  ];
  // Handouts are made to be printed: check them as printed too.
  const handoutPrint = htmlFiles(opts.handouts).map((f) => ({ file: path.join(opts.handouts, f), label: `handouts/${f} (print)`, media: 'print' }));
  pages.push(...handoutPrint);

  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const browserVersion = browser.version();
  let incomplete = 0;
  let passes = 0;
  const incompleteRules = new Map();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    // Nothing may leave the machine: a page that tries to is a failure.
    const offsite = new Map();
    await context.route(/^(https?|wss?):/, (route) => {
      let page = null;
      try {
        page = route.request().frame().page();
      } catch { /* a worker's request: charge it to no page */ }
      const list = offsite.get(page) ?? [];
      list.push(route.request().url());
      offsite.set(page, list);
      return route.abort();
    });
    const page = await context.newPage();
    const consoleErrors = [];
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    page.on('requestfailed', (req) => {
      if (req.url().startsWith('file:')) consoleErrors.push(`could not load ${req.url()} (${req.failure()?.errorText})`);
    });
    for (const p of pages) {
      consoleErrors.length = 0;
      offsite.delete(page);
      await page.emulateMedia({ media: p.media });
      await page.goto(pathToFileURL(p.file).href, { waitUntil: 'load', timeout: 30000 });
      // What the page itself failed to load (axe then re-reads stylesheets
      // over XHR, which file:// refuses: those failures are not the page's).
      const loadErrors = [...consoleErrors];
      await page.evaluate(axeSource);
      const res = await page.evaluate(
        (tags) => window.axe.run(document, {
          runOnly: { type: 'tag', values: tags },
          resultTypes: ['violations', 'incomplete'],
        }),
        AXE_TAGS,
      );
      for (const v of res.violations) {
        for (const n of v.nodes) {
          c.fail(p.label, `[${v.id}, ${v.impact}] ${v.help} at ${n.target.join(' ')}: ${(n.failureSummary || '').replace(/\s+/g, ' ').trim()}`);
        }
      }
      for (const v of res.incomplete) {
        incomplete += v.nodes.length;
        incompleteRules.set(v.id, (incompleteRules.get(v.id) ?? 0) + v.nodes.length);
      }
      if (res.passes.length === 0) c.fail(p.label, 'axe passed no rule at all: did it run?');
      passes += res.passes.length;
      for (const e of loadErrors) c.fail(p.label, e);
      for (const u of offsite.get(page) ?? []) c.fail(p.label, `requested ${u} (pages must load nothing from elsewhere)`);
    }
  } finally {
    await browser.close();
  }
  if (incomplete) {
    const by = [...incompleteRules].map(([id, n]) => `${id} ${n}`).join(', ');
    c.notes.push(`${incomplete} node(s) axe left for a human to judge ("incomplete", not failures): ${by}`);
  }
  const nPub = htmlFiles(pubDir).length;
  const nHand = htmlFiles(opts.handouts).length;
  return c.done(`axe-core ${axeVersion} in Chromium ${browserVersion}, tags ${AXE_TAGS.join(' ')}: ${pages.length} page loads (${nPub} public, ${nHand} handouts on screen, ${handoutPrint.length} handouts as printed), ${passes} rule passes, ${c.failures.length} violation(s)`);
}

// ------------------------------------------------------------- check: feeds

async function jing(schema, file) {
  const r = await run('java', ['-cp', VNU_JAR, JING_MAIN, '-c', path.join(here, 'schemas', schema), file]);
  return (r.stdout + r.stderr).split('\n').map((l) => l.trim()).filter(Boolean)
    .concat(r.code !== 0 && !(r.stdout + r.stderr).trim() ? [`jing exited ${r.code}`] : []);
}

async function checkFeeds() {
  const c = new Check('feeds');
  const pub = opts.public;
  const base = baseUrlOf(pub);
  const sitemapPath = path.join(pub, 'sitemap.xml');
  const atomPath = path.join(pub, 'atom.xml');
  let nUrls = 0;
  let nEntries = 0;

  // sitemap.xml
  if (!existsSync(sitemapPath)) c.fail('public/sitemap.xml', 'missing');
  else {
    const errs = await jing('sitemap.rnc', sitemapPath);
    for (const e of errs) c.fail('public/sitemap.xml', `RELAX NG (sitemap 0.9): ${e}`);
    if (!errs.some((e) => / fatal: /.test(e))) {
      const doc = parseXml(readFileSync(sitemapPath, 'utf8'));
      const SM = 'http://www.sitemaps.org/schemas/sitemap/0.9';
      const seen = new Set();
      const listed = new Set();
      for (const u of kids(doc, 'url', SM)) {
        nUrls++;
        const loc = (kids(u, 'loc', SM)[0]?.text ?? '').trim();
        let url;
        try {
          url = new URL(loc);
        } catch {
          c.fail(`public/sitemap.xml:${u.line}`, `<loc> ${loc} is not an absolute URL`);
          continue;
        }
        if (seen.has(url.href)) c.fail(`public/sitemap.xml:${u.line}`, `${loc} listed twice`);
        seen.add(url.href);
        const r = fileOfUrl(base, pub, url.href);
        if (r.external) c.fail(`public/sitemap.xml:${u.line}`, `${loc} is not under the site's base URL ${base}`);
        else if (r.error) c.fail(`public/sitemap.xml:${u.line}`, `${loc}: ${r.error}`);
        else listed.add(r.file);
        for (const lm of kids(u, 'lastmod', SM)) {
          if (!/^\d{4}-\d{2}-\d{2}$/.test(lm.text.trim()) && !validRfc3339(lm.text.trim())) c.fail(`public/sitemap.xml:${lm.line}`, `<lastmod> ${lm.text} is not a W3C date`);
        }
      }
      if (nUrls > 50000) c.fail('public/sitemap.xml', `${nUrls} URLs: the protocol allows 50,000`);
      // Every page a search engine should find is listed.
      for (const f of htmlFiles(pub)) {
        if (f === '404.html' || listed.has(f)) continue;
        const src = readFileSync(path.join(pub, f), 'utf8');
        const noindex = scanTags(src).some((t) => t.name === 'meta' && t.attrs.get('name') === 'robots' && /noindex/i.test(t.attrs.get('content') || ''));
        if (!noindex) c.fail('public/sitemap.xml', `page public/${f} is not listed (nor marked noindex)`);
      }
    }
  }

  // robots.txt points at the sitemap by absolute URL.
  const robots = path.join(pub, 'robots.txt');
  if (existsSync(robots)) {
    for (const m of readFileSync(robots, 'utf8').matchAll(/^\s*sitemap\s*:\s*(\S+)/gim)) {
      if (m[1] !== new URL('sitemap.xml', base).href) c.fail('public/robots.txt', `Sitemap: ${m[1]} is not ${new URL('sitemap.xml', base).href}`);
    }
  }

  // atom.xml
  if (!existsSync(atomPath)) c.fail('public/atom.xml', 'missing');
  else {
    const errs = await jing('atom.rnc', atomPath);
    for (const e of errs) c.fail('public/atom.xml', `RELAX NG (RFC 4287): ${e}`);
    if (!errs.some((e) => / fatal: /.test(e))) nEntries = atomRules(c, parseXml(readFileSync(atomPath, 'utf8')), base);
  }
  return c.done(`sitemap.xml (${nUrls} URLs) and atom.xml (${nEntries} entries): well-formed, valid against RELAX NG (sitemap 0.9, RFC 4287), rules checked; ${c.failures.length} problem(s)`);
}

/** RFC 4287's rules beyond its grammar; returns the number of entries. */
function atomRules(c, feed, base) {
  const F = 'public/atom.xml';
  const at = (el) => `${F}:${el.line}`;
  const one = (el, local, where) => {
    const n = kids(el, local).length;
    if (n !== 1) c.fail(at(el), `${where} must have exactly one atom:${local} (has ${n})`);
    return kids(el, local)[0];
  };
  const checkDate = (el) => {
    if (el && !validRfc3339(el.text.trim())) c.fail(at(el), `atom:${el.local} ${JSON.stringify(el.text)} is not an RFC 3339 date-time`);
  };
  const checkId = (el, ids) => {
    if (!el) return;
    const v = el.text.trim();
    if (v !== el.text) c.fail(at(el), 'atom:id has surrounding white space');
    try {
      new URL(v);
    } catch {
      c.fail(at(el), `atom:id ${v} is not an absolute IRI`);
    }
    if (ids.has(v)) c.fail(at(el), `atom:id ${v} is not unique`);
    ids.add(v);
  };
  const checkLinks = (el, where) => {
    const alt = new Set();
    for (const l of kids(el, 'link')) {
      const rel = l.attrs.rel ?? 'alternate';
      const href = l.attrs.href ?? '';
      let url;
      try {
        url = new URL(href, new URL('atom.xml', base));
      } catch {
        c.fail(at(l), `link href ${href} is not a URL`);
        continue;
      }
      if (rel === 'alternate') {
        const key = `${l.attrs.type ?? ''} ${l.attrs.hreflang ?? ''}`;
        if (alt.has(key)) c.fail(at(l), `${where} has two rel="alternate" links with the same type and hreflang`);
        alt.add(key);
      }
      const r = fileOfUrl(base, opts.public, url.href);
      if (r.error) c.fail(at(l), `link ${href}: ${r.error}`);
    }
    return alt.size > 0;
  };

  if (feed.local !== 'feed' || feed.ns !== ATOM) {
    c.fail(F, 'the root element is not atom:feed');
    return 0;
  }
  const ids = new Set();
  checkId(one(feed, 'id', 'atom:feed'), ids);
  one(feed, 'title', 'atom:feed');
  const upd = one(feed, 'updated', 'atom:feed');
  checkDate(upd);
  checkLinks(feed, 'atom:feed');
  const self = kids(feed, 'link').filter((l) => l.attrs.rel === 'self');
  if (self.length !== 1) c.fail(at(feed), `atom:feed should have one link rel="self" (has ${self.length})`);
  else if (self[0].attrs.href !== new URL('atom.xml', base).href) c.fail(at(self[0]), `rel="self" href ${self[0].attrs.href} is not the feed's own URL ${new URL('atom.xml', base).href}`);
  const feedAuthor = kids(feed, 'author').length > 0;
  for (const a of [...kids(feed, 'author'), ...kids(feed, 'contributor')]) {
    if (!kids(a, 'name')[0]?.text.trim()) c.fail(at(a), `atom:${a.local} has an empty atom:name`);
  }
  const entries = kids(feed, 'entry');
  if (!feedAuthor && entries.some((e) => kids(e, 'author').length === 0)) c.fail(at(feed), 'atom:feed has no atom:author and not every entry has one');
  const latest = entries.map((e) => kids(e, 'updated')[0]?.text.trim()).filter(validRfc3339).sort((a, b) => Date.parse(b) - Date.parse(a))[0];
  if (upd && latest && validRfc3339(upd.text.trim()) && Date.parse(upd.text.trim()) < Date.parse(latest)) c.fail(at(upd), `feed updated ${upd.text} is older than its newest entry (${latest})`);
  let refs = 0;
  for (const e of entries) {
    checkId(one(e, 'id', 'atom:entry'), ids);
    if (!one(e, 'title', 'atom:entry')?.text.trim()) c.fail(at(e), 'atom:entry has an empty atom:title');
    checkDate(one(e, 'updated', 'atom:entry'));
    for (const p of kids(e, 'published')) checkDate(p);
    const hasAlt = checkLinks(e, 'atom:entry');
    const content = kids(e, 'content')[0];
    if (!content && !hasAlt) c.fail(at(e), 'atom:entry has neither atom:content nor a rel="alternate" link');
    if (content && (content.attrs.src || !['text', 'html', 'xhtml', undefined].includes(content.attrs.type) && !/\+xml$|\/xml$|^text\//.test(content.attrs.type)) && kids(e, 'summary').length === 0) {
      c.fail(at(e), 'atom:entry with out-of-line or base64 content needs an atom:summary');
    }
    for (const cat of kids(e, 'category')) if (!cat.attrs.term?.trim()) c.fail(at(cat), 'atom:category with an empty term');
    // Links inside the entry's HTML resolve like any other internal link.
    if (content && content.attrs.type === 'html') {
      const alt = kids(e, 'link').find((l) => (l.attrs.rel ?? 'alternate') === 'alternate');
      const entryUrl = alt ? new URL(alt.attrs.href, base).href : new URL('atom.xml', base).href;
      for (const t of scanTags(content.text)) {
        for (const [attr, v] of urlRefs(t)) {
          refs++;
          const problem = internalRefProblem(v, entryUrl, base, opts.public);
          if (problem) c.fail(at(content), `entry content ${t.name} ${attr}="${v}": ${problem}`);
        }
      }
    }
  }
  if (refs) c.notes.push(`${refs} link(s) inside entry content checked`);
  return entries.length;
}

// ------------------------------------------------------------- check: links

const anchorCache = new Map();
function anchorsOfFile(abs) {
  if (!anchorCache.has(abs)) anchorCache.set(abs, anchorsOf(scanTags(readFileSync(abs, 'utf8'))));
  return anchorCache.get(abs);
}

/** Why an href/src found on pageUrl does not resolve inside the site, or null. */
function internalRefProblem(value, pageUrl, base, treeDir, pageAnchors) {
  if (value === '') return 'empty URL';
  if (/^(data|mailto|tel|sms|geo):/i.test(value)) return null;
  if (/^javascript:/i.test(value)) return 'javascript: URL';
  let url;
  try {
    url = new URL(value, pageUrl);
  } catch {
    return 'not a valid URL';
  }
  const frag = url.hash ? decodeURIComponent(url.hash.slice(1)) : '';
  const samePage = url.href.split('#')[0] === pageUrl.split('#')[0];
  if (samePage && pageAnchors) {
    if (frag && frag !== 'top' && !pageAnchors.has(frag)) return `no element with id "${frag}" on this page`;
    return null;
  }
  const r = fileOfUrl(base, treeDir, url.href);
  if (r.external) return null;
  if (r.error) return r.error;
  if (frag && frag !== 'top' && r.file.endsWith('.html') && !anchorsOfFile(path.join(treeDir, r.file)).has(frag)) {
    return `no element with id "${frag}" in ${r.file}`;
  }
  return null;
}

function linkCheckTree(c, treeDir, label) {
  const base = baseUrlOf(treeDir);
  let refs = 0;
  let external = 0;
  const files = htmlFiles(treeDir);
  for (const f of files) {
    const tags = scanTags(readFileSync(path.join(treeDir, f), 'utf8'));
    const anchors = anchorsOf(tags);
    // The 404 page is served at any missing address: resolve its links from a
    // deep one, so only root-relative or absolute links pass.
    const pageUrl = f === '404.html' ? new URL('no/such/page/', base).href : urlOfFile(base, f);
    for (const t of tags) {
      for (const [attr, v] of urlRefs(t)) {
        refs++;
        try {
          if (fileOfUrl(base, treeDir, new URL(v, pageUrl).href).external && !/^(data|mailto|tel|sms|geo):/i.test(v)) external++;
        } catch { /* reported below */ }
        const problem = internalRefProblem(v, pageUrl, base, treeDir, anchors);
        if (problem) c.fail(`${label}/${f}:${t.line}`, `<${t.name} ${attr}="${v}">: ${problem}`);
      }
    }
  }
  return { files: files.length, refs, external, base };
}

function checkLinks() {
  const c = new Check('links');
  const parts = [];
  const main = linkCheckTree(c, opts.public, 'public');
  parts.push(`public/ at ${main.base}: ${main.files} pages, ${main.refs} references (${main.external} off-site, not fetched)`);
  if (opts.axePublic) {
    const alt = linkCheckTree(c, opts.axePublic, 'public@file-base');
    parts.push(`file:// build at base path ${new URL(alt.base).pathname}: ${alt.refs} references`);
  }
  // Handouts stand alone: pictures and styles inlined, nothing relative.
  // The caseload pages beside them (index.html, caseload/) are the
  // folder's table of contents: their links are checked to resolve.
  const isCaseload = (f) => f === 'index.html' || f.startsWith('caseload/');
  let hrefs = 0;
  for (const f of htmlFiles(opts.handouts)) {
    const tags = scanTags(readFileSync(path.join(opts.handouts, f), 'utf8'));
    const anchors = anchorsOf(tags);
    for (const t of tags) {
      for (const [attr, v] of urlRefs(t)) {
        hrefs++;
        if (/^(data|mailto|tel|sms|geo):/i.test(v) || /^https?:\/\//i.test(v)) continue;
        if (v.startsWith('#')) {
          const frag = decodeURIComponent(v.slice(1));
          if (frag && frag !== 'top' && !anchors.has(frag)) c.fail(`handouts/${f}:${t.line}`, `<${t.name} ${attr}="${v}">: no element with id "${frag}"`);
          continue;
        }
        if (isCaseload(f)) {
          // The caseload pages (issue 16) link the handouts and each other:
          // each link must reach a file of the folder.
          const target = path.resolve(path.dirname(path.join(opts.handouts, f)), decodeURIComponent(v.split('#')[0]));
          if (!target.startsWith(opts.handouts + path.sep) || !existsSync(target)) c.fail(`handouts/${f}:${t.line}`, `<${t.name} ${attr}="${v}">: no such file in handouts/`);
          continue;
        }
        c.fail(`handouts/${f}:${t.line}`, `<${t.name} ${attr}="${v}">: a handout must not depend on other files`);
      }
    }
  }
  const nCaseload = htmlFiles(opts.handouts).filter(isCaseload).length;
  parts.push(`${htmlFiles(opts.handouts).length - nCaseload} handouts self-contained, ${nCaseload} caseload pages linked (${hrefs} references)`);
  return c.done(`${parts.join('; ')}; ${c.failures.length} broken`);
}

// -------------------------------------------------------------------- main

const started = performance.now();
const checks = { vnu: checkVnu, axe: checkAxe, feeds: checkFeeds, links: checkLinks };
const names = Object.keys(checks).filter((n) => opts.only.includes(n));
// vnu (a JVM) and axe (a browser) run side by side; the rest is quick.
const settled = await Promise.allSettled(names.map((n) => Promise.resolve().then(checks[n])));
let failed = false;
for (const [i, s] of settled.entries()) {
  if (s.status === 'rejected') {
    failed = true;
    console.log(`FAIL ${names[i]}: crashed: ${s.reason?.stack ?? s.reason}`);
    continue;
  }
  const c = s.value;
  const ok = c.failures.length === 0;
  failed ||= !ok;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${c.name.padEnd(5)} ${c.summary} [${c.time}]`);
  for (const n of c.notes) console.log(`       note: ${n}`);
  const shown = c.failures.slice(0, 200);
  for (const f of shown) console.log(`       ${f}`);
  if (c.failures.length > shown.length) console.log(`       … and ${c.failures.length - shown.length} more`);
}
console.log(`validate: ${failed ? 'FAILED' : 'all checks passed'} in ${secs(started)}`);
process.exit(failed ? 1 : 0);

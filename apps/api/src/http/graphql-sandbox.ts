import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

/**
 * A small query page at GET /graphql for development, in place of Apollo's landing page (which
 * loads its scripts from Apollo's CDN and so fails offline). Everything it needs is served here,
 * from this origin: the page, one script and one stylesheet, with a CSP that allows only those
 * and requests to this origin. Never registered in production (configureHttp), where GET /graphql
 * gets Apollo's refusal and the API's locked-down headers.
 */
export const SANDBOX_PATH = '/graphql';
export const SANDBOX_SCRIPT_PATH = '/graphql/sandbox.js';
export const SANDBOX_STYLE_PATH = '/graphql/sandbox.css';

export const SANDBOX_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const EXAMPLE = `# Log ind med en demo-bruger (se npm start) og kør (Ctrl+Enter);
# tokenet sættes ind i feltet ovenfor. / Sign in as a demo user and run it;
# the token is put into the field above.
mutation {
  login(input: { email: "konsulent@kk.jobbro.dk", password: "Jobbro-demo-2026" }) {
    accessToken
    user { email role }
  }
}

# Derefter / then:
# { placements(first: 5) { totalCount edges { node { title status } } } }
`;

const HTML = `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>GraphQL – Jobbro (udvikling / development)</title>
<link rel="stylesheet" href="${SANDBOX_STYLE_PATH}">
<script src="${SANDBOX_SCRIPT_PATH}" defer></script>
</head>
<body>
<header>
<h1>Jobbro GraphQL</h1>
<p>Kun i udvikling, virker uden internet. <span lang="en">Development only, works offline.</span></p>
</header>
<main>
<section class="editor" aria-label="Forespørgsel / Query">
<label for="token">Adgangstoken / Access token (Bearer)</label>
<input id="token" type="text" autocomplete="off" spellcheck="false">
<label for="query">Forespørgsel / Query</label>
<textarea id="query" spellcheck="false" rows="18" wrap="off"></textarea>
<label for="variables">Variabler / Variables (JSON)</label>
<textarea id="variables" spellcheck="false" rows="4">{}</textarea>
<label for="language">Sprog / Language</label>
<select id="language"><option value="da">Dansk</option><option value="en">English</option></select>
<div class="actions">
<button type="button" id="run">Kør / Run (Ctrl+Enter)</button>
<button type="button" id="schema">Vis skema / Show schema</button>
</div>
</section>
<section class="result" aria-label="Svar / Result">
<h2>Svar / Result</h2>
<p id="status" role="status" aria-live="polite"></p>
<pre id="result" tabindex="0"></pre>
</section>
</main>
<template id="example">${EXAMPLE.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</template>
</body>
</html>
`;

const SCRIPT = `'use strict';
(function () {
  var $ = function (id) { return document.getElementById(id); };
  var query = $('query');
  var variables = $('variables');
  var token = $('token');
  var result = $('result');
  var status = $('status');
  query.value = $('example').content.textContent.replace(/^\\n/, '');

  function findToken(value) {
    if (!value || typeof value !== 'object') return undefined;
    if (typeof value.accessToken === 'string') return value.accessToken;
    for (var key in value) {
      var found = findToken(value[key]);
      if (found) return found;
    }
    return undefined;
  }

  function post(body) {
    var headers = { 'content-type': 'application/json', 'accept-language': $('language').value };
    if (token.value.trim()) headers.authorization = 'Bearer ' + token.value.trim();
    return fetch('${SANDBOX_PATH}', { method: 'POST', headers: headers, body: JSON.stringify(body) })
      .then(function (res) {
        return res.text().then(function (text) {
          try { return { status: res.status, json: JSON.parse(text) }; }
          catch (e) { return { status: res.status, text: text }; }
        });
      });
  }

  function show(reply) {
    status.textContent = 'HTTP ' + reply.status;
    result.textContent = reply.json ? JSON.stringify(reply.json, null, 2) : reply.text;
  }

  function run() {
    var vars;
    try { vars = JSON.parse(variables.value || '{}'); }
    catch (e) { status.textContent = 'Variablerne er ikke gyldig JSON / The variables are not valid JSON'; return; }
    status.textContent = 'Kører… / Running…';
    post({ query: query.value, variables: vars }).then(function (reply) {
      var found = reply.json && findToken(reply.json.data);
      if (found) token.value = found;
      show(reply);
    }, function () {
      status.textContent = 'API’et kunne ikke nås / The API could not be reached';
    });
  }

  function typeName(t) {
    if (!t) return '';
    if (t.kind === 'NON_NULL') return typeName(t.ofType) + '!';
    if (t.kind === 'LIST') return '[' + typeName(t.ofType) + ']';
    return t.name;
  }

  var TYPE = '{ kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }';
  var INTROSPECTION = '{ __schema { queryType { name } mutationType { name } types { name kind description ' +
    'fields { name description args { name type ' + TYPE + ' } type ' + TYPE + ' } ' +
    'inputFields { name type ' + TYPE + ' } enumValues { name } } } }';

  function schema() {
    status.textContent = 'Henter skemaet… / Fetching the schema…';
    post({ query: INTROSPECTION }).then(function (reply) {
      if (!reply.json || !reply.json.data) { show(reply); return; }
      var s = reply.json.data.__schema;
      var lines = [];
      var types = s.types.filter(function (t) { return t.name.indexOf('__') !== 0; });
      var roots = [s.queryType && s.queryType.name, s.mutationType && s.mutationType.name];
      types.sort(function (a, b) {
        var ra = roots.indexOf(a.name), rb = roots.indexOf(b.name);
        if (ra !== rb) return (ra === -1 ? 9 : ra) - (rb === -1 ? 9 : rb);
        return a.name < b.name ? -1 : 1;
      });
      types.forEach(function (t) {
        if (t.kind === 'SCALAR') return;
        if (t.description) lines.push('"""' + t.description + '"""');
        var keyword = { OBJECT: 'type', INPUT_OBJECT: 'input', ENUM: 'enum', INTERFACE: 'interface', UNION: 'union' };
        lines.push((keyword[t.kind] || t.kind) + ' ' + t.name + ' {');
        (t.fields || t.inputFields || []).forEach(function (f) {
          var args = (f.args || []).map(function (a) { return a.name + ': ' + typeName(a.type); });
          lines.push('  ' + f.name + (args.length ? '(' + args.join(', ') + ')' : '') + ': ' + typeName(f.type));
        });
        (t.enumValues || []).forEach(function (v) { lines.push('  ' + v.name); });
        lines.push('}', '');
      });
      status.textContent = 'Skemaet / The schema (HTTP ' + reply.status + ')';
      result.textContent = lines.join('\\n');
    }, function () {
      status.textContent = 'API’et kunne ikke nås / The API could not be reached';
    });
  }

  $('run').addEventListener('click', run);
  $('schema').addEventListener('click', schema);
  document.addEventListener('keydown', function (e) {
    if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') { e.preventDefault(); run(); }
  });
})();
`;

const STYLE = `body { font-family: system-ui, sans-serif; margin: 0; color: #1a1a1a; background: #f5f5f5; }
header { background: #1a1a1a; color: #fff; padding: 0.5rem 1rem; }
header h1 { margin: 0; font-size: 1.25rem; }
header p { margin: 0.25rem 0 0; font-size: 0.9rem; }
main { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 1rem; padding: 1rem; }
@media (max-width: 50rem) { main { grid-template-columns: 1fr; } }
label { display: block; font-weight: 600; margin: 0.75rem 0 0.25rem; }
input, textarea, select { width: 100%; box-sizing: border-box; font: 0.9rem ui-monospace, monospace; padding: 0.4rem; border: 1px solid #767676; }
.actions { margin-top: 0.75rem; display: flex; gap: 0.5rem; }
button { font: inherit; padding: 0.5rem 1rem; border: 2px solid #1a1a1a; background: #fff; cursor: pointer; }
button#run { background: #1a1a1a; color: #fff; }
:focus-visible { outline: 3px solid #0059b3; outline-offset: 2px; }
pre { background: #fff; border: 1px solid #767676; padding: 0.5rem; min-height: 20rem; overflow: auto; white-space: pre-wrap; }
h2 { font-size: 1rem; margin: 0.75rem 0 0.25rem; }
`;

/** Wants the page: a browser's GET /graphql (no `query` parameter, HTML preferred to JSON). */
function wantsPage(req: Request): boolean {
  return !('query' in req.query) && req.accepts(['json', 'html']) === 'html';
}

function send(res: Response, type: string, body: string): void {
  res.setHeader('content-security-policy', SANDBOX_CSP);
  res.setHeader('cache-control', 'no-store');
  res.type(type).send(body);
}

/** Call only outside production, after the security headers (this replaces their CSP). */
export function useGraphqlSandbox(app: NestExpressApplication): void {
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (req.path === SANDBOX_PATH && wantsPage(req)) return send(res, 'html', HTML);
    if (req.path === SANDBOX_SCRIPT_PATH) return send(res, 'application/javascript', SCRIPT);
    if (req.path === SANDBOX_STYLE_PATH) return send(res, 'css', STYLE);
    return next();
  });
}

// ArtifactGraph explorer: a query editor with schema-aware field completion, written for this project.
// Completion: the schema comes from one introspection query; the type at the cursor is found by walking
// the text before the cursor (a stack of the fields whose selection sets are open) from the root type.
'use strict';

const $ = (id) => document.getElementById(id);
const queryBox = $('query'), variablesBox = $('variables'), resultBox = $('result'), keyBox = $('key');
const list = $('completions'), statusBox = $('status');
let schema = null; // { types: Map<name, {fields: Map<name, {type, args}>, possible: [names]}>, query, mutation }

queryBox.value = sessionStorage.getItem('ag.query') || '{\n  stats {\n    documents\n    nodes { kind count }\n  }\n}\n';
keyBox.value = sessionStorage.getItem('ag.key') || '';

function headers() {
  const h = { 'Content-Type': 'application/json', 'Accept': 'application/graphql-response+json, application/json' };
  if (keyBox.value.trim()) h.Authorization = 'Bearer ' + keyBox.value.trim();
  return h;
}

async function post(query, variables) {
  const response = await fetch('/graphql', { method: 'POST', headers: headers(), body: JSON.stringify({ query, variables }) });
  return { status: response.status, body: await response.json().catch(() => null) };
}

async function run() {
  let variables = {};
  try { variables = variablesBox.value.trim() ? JSON.parse(variablesBox.value) : {}; }
  catch (e) { resultBox.textContent = 'Variables are not valid JSON: ' + e.message; return; }
  sessionStorage.setItem('ag.query', queryBox.value);
  sessionStorage.setItem('ag.key', keyBox.value);
  const started = performance.now();
  statusBox.textContent = 'running…';
  try {
    const { status, body } = await post(queryBox.value, variables);
    statusBox.textContent = `HTTP ${status} · ${(performance.now() - started).toFixed(0)} ms`;
    resultBox.textContent = JSON.stringify(body, null, 2);
  } catch (e) {
    statusBox.textContent = 'failed';
    resultBox.textContent = String(e);
  }
}

const introspection = `{ __schema { queryType { name } mutationType { name }
  types { name kind possibleTypes { name }
    fields { name description args { name } type { ...T } } } } }
  fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }`;

function namedType(t) { while (t && t.ofType) t = t.ofType; return t ? t.name : null; }

function typeLabel(t) {
  if (!t) return '';
  if (t.kind === 'NON_NULL') return typeLabel(t.ofType) + '!';
  if (t.kind === 'LIST') return '[' + typeLabel(t.ofType) + ']';
  return t.name;
}

async function loadSchema() {
  const { body } = await post(introspection, {});
  if (!body || !body.data) { statusBox.textContent = 'schema not loaded (key needed?)'; return; }
  const s = body.data.__schema;
  const types = new Map();
  for (const t of s.types) {
    const fields = new Map();
    for (const f of t.fields || []) fields.set(f.name, { type: namedType(f.type), label: typeLabel(f.type), args: f.args.map(a => a.name), description: f.description });
    types.set(t.name, { fields, possible: (t.possibleTypes || []).map(p => p.name) });
  }
  schema = { types, query: s.queryType.name, mutation: s.mutationType && s.mutationType.name };
}

// The type whose fields can be typed at `offset`: strip strings and comments, then walk braces.
function contextType(text) {
  text = text.replace(/"(?:[^"\\]|\\.)*"/g, '""').replace(/#[^\n]*/g, '');
  const root = /^\s*mutation\b/.test(text) ? schema.mutation : schema.query;
  const stack = [];
  let lastWord = null, pendingType = null, depthInArgs = 0;
  const tokens = text.match(/\.\.\.|[A-Za-z_][A-Za-z0-9_]*|[{}()]|[^\sA-Za-z_{}()]/g) || [];
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    if (tok === '(') { depthInArgs++; continue; }
    if (tok === ')') { depthInArgs--; continue; }
    if (depthInArgs > 0) continue;
    if (tok === 'on' && tokens[i - 1] === '...') { pendingType = tokens[i + 1]; i++; continue; }
    if (tok === 'fragment') { pendingType = tokens[i + 3]; i += 3; continue; }
    if (tok === '{') {
      const parent = stack.length ? stack[stack.length - 1] : null;
      let type;
      if (pendingType) type = pendingType;
      else if (parent === null) type = root;
      else {
        const def = schema.types.get(parent);
        const field = def && lastWord ? def.fields.get(lastWord) : null;
        type = field ? field.type : null;
      }
      stack.push(type);
      pendingType = null; lastWord = null;
      continue;
    }
    if (tok === '}') { stack.pop(); lastWord = null; continue; }
    if (/^[A-Za-z_]/.test(tok) && tokens[i + 1] !== ':') lastWord = tok;
  }
  return stack.length ? stack[stack.length - 1] : null;
}

let items = [], active = 0;

function complete() {
  if (!schema) return hide();
  const caret = queryBox.selectionStart;
  const before = queryBox.value.slice(0, caret);
  const prefix = (before.match(/[A-Za-z_][A-Za-z0-9_]*$/) || [''])[0];
  const type = contextType(before.slice(0, before.length - prefix.length));
  const def = type && schema.types.get(type);
  if (!def) return hide();
  const names = [...def.fields.entries()];
  for (const p of def.possible) names.push(['... on ' + p, { label: 'fragment' }]);
  items = names.filter(([n]) => n.toLowerCase().startsWith(prefix.toLowerCase())).slice(0, 50);
  if (!items.length) return hide();
  active = 0;
  list.innerHTML = '';
  items.forEach(([name, f], i) => {
    const li = document.createElement('li');
    li.textContent = name;
    const small = document.createElement('small');
    small.textContent = f.label + (f.args && f.args.length ? ' (' + f.args.join(', ') + ')' : '');
    li.appendChild(small);
    li.title = f.description || '';
    li.onmousedown = (e) => { e.preventDefault(); accept(i); };
    list.appendChild(li);
  });
  const lines = before.split('\n');
  list.style.top = Math.min(lines.length * 18 + 8, queryBox.clientHeight - 40) + 'px';
  list.style.left = Math.min(lines[lines.length - 1].length * 7.8 + 8, queryBox.clientWidth - 200) + 'px';
  list.hidden = false;
  highlight();
}

function highlight() { [...list.children].forEach((li, i) => li.classList.toggle('active', i === active)); }
function hide() { list.hidden = true; items = []; }

function accept(i) {
  const [name] = items[i];
  const caret = queryBox.selectionStart;
  const before = queryBox.value.slice(0, caret).replace(/[A-Za-z_][A-Za-z0-9_]*$/, '');
  queryBox.value = before + name + queryBox.value.slice(caret);
  queryBox.selectionStart = queryBox.selectionEnd = before.length + name.length;
  hide();
  queryBox.focus();
}

queryBox.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); hide(); run(); return; }
  if (e.key === ' ' && e.ctrlKey) { e.preventDefault(); complete(); return; }
  if (list.hidden) return;
  if (e.key === 'ArrowDown') { e.preventDefault(); active = (active + 1) % items.length; highlight(); }
  else if (e.key === 'ArrowUp') { e.preventDefault(); active = (active + items.length - 1) % items.length; highlight(); }
  else if (e.key === 'Enter' || e.key === 'Tab') { e.preventDefault(); accept(active); }
  else if (e.key === 'Escape') { hide(); }
});
queryBox.addEventListener('input', () => {
  const before = queryBox.value.slice(0, queryBox.selectionStart);
  if (/[A-Za-z_]$/.test(before)) complete(); else hide();
});
queryBox.addEventListener('blur', () => setTimeout(hide, 100));
$('run').addEventListener('click', run);
keyBox.addEventListener('change', loadSchema);
loadSchema();

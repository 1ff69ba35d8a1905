import fc from 'fast-check';
import {
  type GraphQLInputType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
} from 'graphql';
import { type PathPart, type Target, unwrap } from './schema';

/** Replaced by a marker unique to the case, so an echo in the reply or the log can be found. */
export const MARK = '\u00a7MARK\u00a7';
/** A value meaning "leave this field out". */
export const REMOVE = Symbol('remove');

export interface Hostile {
  kind: string;
  value: unknown;
  /** True when no valid reading of the input exists: success is then a failure. */
  mustReject: boolean;
  /** Whether the value is distinctive enough to look for in replies and logs. */
  echoable: boolean;
}

export interface FuzzCase {
  target: Target;
  hostile: Hostile;
}

const INT32 = 2 ** 31;
const SQL = [
  `${MARK}' OR '1'='1`,
  `${MARK}'; DROP TABLE citizen; --`,
  `${MARK}" UNION SELECT cpr_encrypted FROM citizen --`,
  `${MARK}\\'; SELECT pg_sleep(5); --`,
  `${MARK}$$; COPY app_user TO STDOUT; $$`,
];
const SEARCH_SYNTAX = [
  `${MARK} status = DRAFT OR id EXISTS`,
  `${MARK} %_%\\ *`,
  `${MARK} !:* & | <-> (`,
  `${MARK} " AND "`,
  `${MARK} _geoRadius(0, 0, 1e9)`,
];
const IMPOSSIBLE_DATES = ['0000-01-01', '2026-02-30', '9999-12-31', '2026-13-01', '1899-12-31'];
const DATE_FIELD = /(On|^startBy|^earliestStart|^startEarliest|^startLatest|^deadline|^validFrom)$/;

const h = (kind: string, value: unknown, mustReject: boolean, echoable = false): Hostile => ({
  kind,
  value,
  mustReject,
  echoable,
});

/** Wrong JSON types for a variable, by what the GraphQL type accepts. */
function wrongTypes(named: string, inner: GraphQLInputType): fc.Arbitrary<Hostile>[] {
  const out: fc.Arbitrary<Hostile>[] = [
    fc.constant(h('object-for-scalar', { fz: MARK }, true, true)),
    fc.constant(h('array-of-objects', [{ fz: MARK }], true, true)),
  ];
  if (named !== 'Boolean') out.push(fc.constant(h('boolean', true, true)));
  if (named === 'String' || isEnumType(inner))
    out.push(fc.constant(h('number-for-string', 7, true)));
  if (['Int', 'Float', 'Boolean'].includes(named)) {
    out.push(fc.constant(h('string-for-number', '7', true)));
    out.push(
      fc.constantFrom('NaN', 'Infinity', '-Infinity').map((v) => h('nan-infinity', v, true)),
    );
  }
  return out;
}

function strings(t: Target, named: string): fc.Arbitrary<Hostile>[] {
  const isDate = DATE_FIELD.test(t.name);
  const isCursor = t.name === 'after';
  const free = !isDate && !isCursor && named !== 'ID';
  const out: fc.Arbitrary<Hostile>[] = [
    fc
      .integer({ min: 20_000, max: 60_000 })
      .map((n) => h('oversized', `${MARK}${'x'.repeat(n)}`, true, true)),
    fc.constantFrom('a\u0000b', '\u0000').map((v) => h('nul', `${MARK}${v}`, true, true)),
    fc
      .constantFrom('\ud800', '\udfff', 'a\ud83d')
      .map((v) => h('lone-surrogate', `${MARK}${v}`, true, true)),
    fc
      .constantFrom('\u200b', '\u200f', '\u202e', '\ufeff', '\u2066')
      .map((v) => h('zero-width-rtl', `${MARK}${v}x`, !free, true)),
    fc.constantFrom(...SQL).map((v) => h('sql', v, !free, true)),
    fc.constantFrom(...SEARCH_SYNTAX).map((v) => h('search-syntax', v, !free, true)),
    fc
      .constantFrom(...IMPOSSIBLE_DATES)
      .map((v) => h('impossible-date', v, isDate || isCursor, isDate)),
    // An empty cursor may mean "from the start"; an empty date or id has no reading.
    fc.constant(h('empty', '', isDate || named === 'ID')),
  ];
  if (isCursor) {
    out.push(
      fc
        .constantFrom(
          { createdAt: '0000-01-01T00:00:00Z', id: MARK },
          { createdAt: '2026-02-30', id: '00000000-0000-0000-0000-000000000000' },
          { createdAt: MARK, id: "' OR 1=1" },
          [MARK],
        )
        .map((v) => h('crafted-cursor', Buffer.from(JSON.stringify(v)).toString('base64'), true)),
    );
  }
  return out;
}

function ids(t: Target, foreignIds: string[]): fc.Arbitrary<Hostile>[] {
  // In a filter an unknown id may just match nothing; anywhere else it must be refused.
  const filter = /Filter$/.test(t.parent);
  return [
    fc
      .constantFrom('not-a-uuid', '1', "' OR 1=1 --", '{}')
      .map((v) => h('malformed-id', `${MARK}${v}`, true, true)),
    fc.constant(h('nil-uuid', '00000000-0000-0000-0000-000000000000', !filter)),
    fc.uuid().map((v) => h('random-uuid', v, !filter)),
    fc.integer({ min: 1, max: 2 ** 31 - 1 }).map((v) => h('int-id', v, true)),
    fc.constantFrom(...foreignIds).map((v) => h('foreign-id', v, !filter)),
    fc.constant(h('uuid-with-nul', `00000000-0000-0000-0000-00000000000${'\u0000'}`, true)),
  ];
}

function numbers(t: Target, named: string): fc.Arbitrary<Hostile>[] {
  // Coordinates are the one place a negative number is meaningful.
  const signed = ['latitude', 'longitude'].includes(t.name);
  const out: fc.Arbitrary<Hostile>[] = [
    fc.constantFrom(-1, -100, -(INT32 - 1)).map((v) => h('negative', v, !signed)),
    fc.constantFrom(2 ** 53 + 1, 1e21).map((v) => h('beyond-2^53', v, true, true)),
  ];
  if (named === 'Int') {
    out.push(fc.constantFrom(INT32, -INT32 - 1).map((v) => h('beyond-int32', v, true, true)));
    out.push(fc.constantFrom(1.5, 0.1).map((v) => h('fraction-for-int', v, true)));
    out.push(fc.constant(h('absurd', INT32 - 1, true, true)));
  } else {
    out.push(fc.constantFrom(1e308, -1e308, 5e-324).map((v) => h('absurd', v, v !== 5e-324, true)));
  }
  return out;
}

function enums(type: GraphQLInputType): fc.Arbitrary<Hostile>[] {
  const values = isEnumType(type) ? type.getValues().map((v) => v.name) : ['X'];
  return [
    fc.constant(h('invalid-enum', `NOT_A_VALUE${MARK}`, true, true)),
    fc.constantFrom(...values).map((v) => h('lowercase-enum', v.toLowerCase(), true)),
    fc.constant(h('sql-enum', `${values[0]}' OR 1=1`, true)),
  ];
}

/** Every hostile value that fits (or deliberately does not fit) a place in the input. */
export function hostileFor(t: Target, foreignIds: string[]): fc.Arbitrary<Hostile> {
  const required = isNonNullType(t.type) && !t.hasDefault;
  const inner = unwrap(t.type);
  const out: fc.Arbitrary<Hostile>[] = [fc.constant(h('null', null, isNonNullType(t.type)))];
  // A list element cannot be "missing"; null and [null] cover it.
  if (typeof t.path[t.path.length - 1] !== 'number')
    out.push(fc.constant(h('missing', REMOVE, required)));
  if (isListType(inner)) {
    out.push(fc.constant(h('list-of-null', [null], isNonNullType(inner.ofType))));
    out.push(
      fc
        .integer({ min: 1000, max: 5000 })
        .map((n) => h('oversized-list', Array(n).fill(`${MARK}`), true)),
    );
    out.push(fc.constant(h('object-for-list', { fz: MARK }, true, true)));
  } else if (isInputObjectType(inner)) {
    out.push(fc.constant(h('unknown-field', { unknownFuzzField: MARK }, true, true)));
    out.push(fc.constant(h('array-for-object', [{ fz: MARK }], true, true)));
    out.push(fc.constant(h('string-for-object', MARK, true, true)));
  } else if (isEnumType(inner)) {
    out.push(...enums(inner), ...wrongTypes('enum', inner));
  } else {
    const named = inner.toString();
    if (named === 'ID') out.push(...ids(t, foreignIds), ...strings(t, named));
    else if (named === 'String') out.push(...strings(t, named));
    else if (named === 'Int' || named === 'Float') out.push(...numbers(t, named));
    out.push(...wrongTypes(named, inner));
  }
  return fc.oneof(...out);
}

/** The case arbitrary of one operation: one place, one hostile value. */
export function casesFor(all: Target[], foreignIds: string[]): fc.Arbitrary<FuzzCase> | undefined {
  if (all.length === 0) return undefined;
  return fc.oneof(
    ...all.map((target) => hostileFor(target, foreignIds).map((hostile) => ({ target, hostile }))),
  );
}

/** Deep-replaces the marker placeholder in strings and object keys. */
export function withMarker<T>(value: T, marker: string): T {
  if (typeof value === 'string') return value.split(MARK).join(marker) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => withMarker(v, marker)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [withMarker(k, marker), withMarker(v, marker)]),
    ) as T;
  }
  return value;
}

/**
 * The valid variables with one place changed. Missing parents are created (an absent optional
 * input object gets just this field); a list element replaces the first element. For "unknown
 * field" the extra key is merged into the existing object.
 */
export function applyCase(
  base: Record<string, unknown>,
  c: FuzzCase,
  marker: string,
): Record<string, unknown> {
  const vars = structuredClone(base);
  const value = withMarker(c.hostile.value, marker);
  let node: Record<string | number, unknown> = vars;
  const path: PathPart[] = c.target.path;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i];
    const next = path[i + 1];
    if (node[key] === undefined || node[key] === null || typeof node[key] !== 'object') {
      node[key] = typeof next === 'number' ? [] : {};
    }
    node = node[key] as Record<string | number, unknown>;
  }
  const last = path[path.length - 1];
  if (value === REMOVE) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else if (c.hostile.kind === 'unknown-field' && node[last] && typeof node[last] === 'object') {
    node[last] = { ...node[last], ...(value as object) };
  } else {
    node[last] = value;
  }
  return vars;
}

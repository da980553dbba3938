import * as t from 'io-ts';

// A common, normalized description of a data shape — objects (property names, which are required),
// arrays, enums, scalars and unions — read from an io-ts codec or from a JSON Schema, so the two can be
// compared. Patterns and cross-field checks are not part of it: the behavioural tests cover those.

export type Shape =
  | { readonly kind: 'object'; readonly props: Readonly<Record<string, { readonly required: boolean; readonly shape: Shape }>> }
  | { readonly kind: 'array'; readonly items: Shape }
  | { readonly kind: 'enum'; readonly values: readonly string[] }
  | { readonly kind: 'string' | 'number' | 'boolean' | 'any' }
  | { readonly kind: 'union'; readonly members: readonly Shape[] };

type AnyCodec = t.Decoder<unknown, unknown> & { readonly _tag?: string; readonly name: string };

/**
 * Our hand-written codecs (Claim, Diagnosis) wrap a structural codec and validate it with a '' context
 * entry; a failing probe value shows which codec that is.
 */
export function innerCodec(codec: t.Decoder<unknown, unknown>, probe: unknown): AnyCodec {
  const result = codec.decode(probe);
  if (result._tag === 'Right') throw new Error(`probe ${JSON.stringify(probe)} decodes under ${codec.name}`);
  const entry = result.left[0].context.find((c, i) => i > 0 && c.key === '');
  if (!entry) throw new Error(`${codec.name} does not wrap another codec`);
  return entry.type as AnyCodec;
}

/** The shape of an io-ts codec; `opaque` maps the names of hand-written codecs to their shapes. */
export function codecShape(codec: AnyCodec, opaque: Readonly<Record<string, () => Shape>> = {}): Shape {
  const c = codec as unknown as Record<string, unknown>;
  switch (codec._tag) {
    case 'InterfaceType':
    case 'PartialType': {
      const required = codec._tag === 'InterfaceType';
      const props: Record<string, { required: boolean; shape: Shape }> = {};
      for (const [key, value] of Object.entries(c.props as Record<string, AnyCodec>)) props[key] = { required, shape: codecShape(value, opaque) };
      return { kind: 'object', props };
    }
    case 'StructType': { // src/claim/codecs.ts struct: required and optional properties in one codec
      const props: Record<string, { required: boolean; shape: Shape }> = {};
      for (const [required, group] of [[true, c.required], [false, c.optional]] as const) {
        for (const [key, value] of Object.entries(group as Record<string, AnyCodec>)) props[key] = { required, shape: codecShape(value, opaque) };
      }
      return { kind: 'object', props };
    }
    case 'IntersectionType': {
      const parts = (c.types as AnyCodec[]).map((m) => codecShape(m, opaque));
      if (parts.every((p) => p.kind === 'object')) {
        return { kind: 'object', props: Object.assign({}, ...parts.map((p) => (p as Extract<Shape, { kind: 'object' }>).props)) as Record<string, { required: boolean; shape: Shape }> };
      }
      throw new Error(`intersection of non-objects in ${codec.name}`);
    }
    case 'UnionType': return { kind: 'union', members: (c.types as AnyCodec[]).map((m) => codecShape(m, opaque)) };
    case 'ArrayType': case 'ReadonlyArrayType': return { kind: 'array', items: codecShape(c.type as AnyCodec, opaque) };
    case 'RefinementType': case 'ReadonlyType': case 'ExactType': case 'RecursiveType': return codecShape((c.type ?? (c.runDefinition as () => AnyCodec)()) as AnyCodec, opaque);
    case 'KeyofType': return { kind: 'enum', values: Object.keys(c.keys as object).sort() };
    case 'LiteralType': return { kind: 'enum', values: [String(c.value)] };
    case 'StringType': return { kind: 'string' };
    case 'NumberType': return { kind: 'number' };
    case 'BooleanType': return { kind: 'boolean' };
    case 'UnknownType': return { kind: 'any' };
    default: {
      const known = opaque[codec.name];
      if (known) return known();
      throw new Error(`cannot read the shape of codec "${codec.name}" (${codec._tag ?? 'hand-written'}): give it in opaque`);
    }
  }
}

export type JsonSchema = { readonly [key: string]: unknown };

/** The shape of a JSON Schema node; `$ref`s are resolved in `root` (local #/$defs/... only). */
export function schemaShape(node: JsonSchema, root: JsonSchema): Shape {
  if (typeof node.$ref === 'string') {
    const target = node.$ref.replace(/^#\//, '').split('/').reduce<unknown>((at, key) => (at as Record<string, unknown>)[key], root);
    return schemaShape(target as JsonSchema, root);
  }
  const alternatives = (node.oneOf ?? node.anyOf) as JsonSchema[] | undefined;
  if (alternatives) return { kind: 'union', members: alternatives.map((a) => schemaShape(a, root)) };
  if (Array.isArray(node.enum)) return { kind: 'enum', values: (node.enum as unknown[]).map(String).sort() };
  if (node.const !== undefined) return { kind: 'enum', values: [String(node.const)] };
  switch (node.type) {
    case 'object': {
      const required = new Set((node.required ?? []) as string[]);
      const props: Record<string, { required: boolean; shape: Shape }> = {};
      for (const [key, value] of Object.entries((node.properties ?? {}) as Record<string, JsonSchema>)) props[key] = { required: required.has(key), shape: schemaShape(value, root) };
      return { kind: 'object', props };
    }
    case 'array': return { kind: 'array', items: schemaShape(node.items as JsonSchema, root) };
    case 'string': return { kind: 'string' };
    case 'number': case 'integer': return { kind: 'number' };
    case 'boolean': return { kind: 'boolean' };
    default: return { kind: 'any' };
  }
}

/** Every difference between two shapes, as "path: what"; empty when they agree. */
export function compareShapes(codec: Shape, schema: Shape, path = '$'): string[] {
  if (codec.kind !== schema.kind) return [`${path}: the codec has ${codec.kind}, the schema ${schema.kind}`];
  switch (codec.kind) {
    case 'object': {
      const s = (schema as typeof codec).props;
      const out: string[] = [];
      for (const key of new Set([...Object.keys(codec.props), ...Object.keys(s)])) {
        const a = codec.props[key];
        const b = s[key];
        if (!b) out.push(`${path}.${key}: in the codec, missing from the schema`);
        else if (!a) out.push(`${path}.${key}: in the schema, not in the codec`);
        else {
          if (a.required !== b.required) out.push(`${path}.${key}: ${a.required ? 'required' : 'optional'} in the codec, ${b.required ? 'required' : 'optional'} in the schema`);
          out.push(...compareShapes(a.shape, b.shape, `${path}.${key}`));
        }
      }
      return out;
    }
    case 'array': return compareShapes(codec.items, (schema as typeof codec).items, `${path}[]`);
    case 'enum': {
      const b = (schema as typeof codec).values;
      return codec.values.join('|') === b.join('|') ? [] : [`${path}: the codec allows ${codec.values.join('|')}, the schema ${b.join('|')}`];
    }
    case 'union': {
      const b = (schema as typeof codec).members;
      if (b.length !== codec.members.length) return [`${path}: ${codec.members.length} alternatives in the codec, ${b.length} in the schema`];
      return codec.members.flatMap((m, i) => compareShapes(m, b[i], `${path}|${i}`));
    }
    default: return [];
  }
}

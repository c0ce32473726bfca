import {
  FieldNode,
  FragmentDefinitionNode,
  GraphQLCompositeType,
  GraphQLField,
  GraphQLNamedType,
  GraphQLSchema,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  getArgumentValues,
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  isObjectType,
  isInterfaceType,
} from 'graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './pagination';

/** What one operation is measured at before it runs. */
export interface OperationMeasure {
  /** Deepest field nesting, introspection excepted. */
  depth: number;
  /** Estimated work: each field 1, a page's rows multiplied by `first`, priced fields at their price. */
  cost: number;
  /** Fields renamed with an alias (each alias can repeat a costly field). */
  aliases: number;
  /** Deepest nesting of lists inside an introspection field (`__schema`, `__type`). */
  introspectionListDepth: number;
}

/**
 * A field's price, declared with `complexity` on @Field/@Query/@ResolveField: a number replaces the
 * field's own cost of 1 (its children are still added, once per row for lists and pages), and a
 * function prices the field and its children itself, from its coerced arguments.
 */
export type FieldPrice = number | ((options: { args: Record<string, unknown>; childComplexity: number }) => number);

/** Fixed price of one `__schema` or `__type` field: bounded by the schema, not by the data. */
export const INTROSPECTION_COST = 200;

interface Measure {
  depth: number;
  cost: number;
  aliases: number;
  listDepth: number;
}

const NOTHING: Measure = { depth: 0, cost: 0, aliases: 0, listDepth: 0 };

/**
 * Measures an operation once, in time linear in the document: each fragment is measured once and
 * its measure reused at every spread (a chain of fragments each spreading the next twice costs
 * 2^n in the estimate, not 2^n walks). `variables` must already be coerced; `first` is clamped to
 * 1..MAX_PAGE_SIZE before it multiplies, so a negative page cannot lower the estimate.
 */
export function measureOperation(
  schema: GraphQLSchema,
  document: { definitions: readonly { kind: Kind }[] },
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): OperationMeasure {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      const fragment = definition as FragmentDefinitionNode;
      fragments.set(fragment.name.value, fragment);
    }
  }
  const memo = new Map<string, Measure>();

  const measureSelections = (selectionSet: SelectionSetNode, parent: GraphQLCompositeType, inIntrospection: boolean): Measure => {
    let depth = 0;
    let cost = 0;
    let aliases = 0;
    let listDepth = 0;
    const add = (m: Measure) => {
      depth = Math.max(depth, m.depth);
      listDepth = Math.max(listDepth, m.listDepth);
      cost += m.cost;
      aliases += m.aliases;
    };
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        add(measureField(selection, parent, inIntrospection));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        add(isCompositeType(type) ? measureSelections(selection.selectionSet, type, inIntrospection) : NOTHING);
      } else {
        add(measureFragment(selection.name.value, inIntrospection));
      }
    }
    return { depth, cost, aliases, listDepth };
  };

  const measureFragment = (name: string, inIntrospection: boolean): Measure => {
    const key = `${inIntrospection ? 'i' : 'd'}:${name}`;
    const known = memo.get(key);
    if (known) return known;
    const fragment = fragments.get(name);
    const type = fragment ? schema.getType(fragment.typeCondition.name.value) : undefined;
    // A cycle (refused by validation, which runs first) would meet its own placeholder and stop.
    memo.set(key, NOTHING);
    const measure = fragment && isCompositeType(type) ? measureSelections(fragment.selectionSet, type, inIntrospection) : NOTHING;
    memo.set(key, measure);
    return measure;
  };

  const measureField = (node: FieldNode, parent: GraphQLCompositeType, inIntrospection: boolean): Measure => {
    const name = node.name.value;
    const aliases = node.alias && node.alias.value !== name ? 1 : 0;
    if (name === '__typename') return { depth: 1, cost: 0, aliases, listDepth: 0 };
    const field = fieldOf(schema, parent, name);
    if (!field) return { depth: 1, cost: 1, aliases, listDepth: 0 };
    const isList = isListType(getNullableType(field.type));
    const type = getNamedType(field.type);
    const startsIntrospection = !inIntrospection && (name === '__schema' || name === '__type');
    const nested = inIntrospection || startsIntrospection;
    const children = node.selectionSet && isCompositeType(type) ? measureSelections(node.selectionSet, type, nested) : NOTHING;
    const listDepth = nested && isList ? children.listDepth + 1 : children.listDepth;
    if (startsIntrospection) {
      return { depth: 1, cost: INTROSPECTION_COST, aliases: aliases + children.aliases, listDepth };
    }
    if (inIntrospection) return { depth: 0, cost: 0, aliases: aliases + children.aliases, listDepth };
    return { depth: 1 + children.depth, cost: priceOf(field, node, variables, type, children.cost), aliases: aliases + children.aliases, listDepth };
  };

  const root = schema.getRootType(operation.operation);
  if (!root) return { depth: 0, cost: 0, aliases: 0, introspectionListDepth: 0 };
  const measure = measureSelections(operation.selectionSet, root, false);
  return { depth: measure.depth, cost: measure.cost, aliases: measure.aliases, introspectionListDepth: measure.listDepth };
}

function fieldOf(schema: GraphQLSchema, parent: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined {
  if (name === '__schema' || name === '__type') return schema.getQueryType()?.getFields()[name] ?? introspectionField(schema, name);
  return isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
}

// graphql-js keeps __schema and __type off the query type's field map.
function introspectionField(schema: GraphQLSchema, name: string): GraphQLField<unknown, unknown> | undefined {
  const type = schema.getType(name === '__schema' ? '__Schema' : '__Type') as GraphQLNamedType | undefined;
  return type ? ({ name, type, args: [], extensions: {} } as unknown as GraphQLField<unknown, unknown>) : undefined;
}

function priceOf(
  field: GraphQLField<unknown, unknown>,
  node: FieldNode,
  variables: Record<string, unknown>,
  type: GraphQLNamedType,
  childCost: number,
): number {
  const declared = field.extensions?.complexity as FieldPrice | undefined;
  const args = field.args.length ? argumentsOf(field, node, variables) : {};
  if (typeof declared === 'function') return declared({ args, childComplexity: childCost });
  const own = typeof declared === 'number' ? declared : 1;
  if (field.args.some((arg) => arg.name === 'first')) return own + childCost * pageSize(args.first);
  return own + childCost;
}

/** Coerced arguments; a value the schema refuses (reported by validation or execution) counts as absent. */
function argumentsOf(field: GraphQLField<unknown, unknown>, node: FieldNode, variables: Record<string, unknown>): Record<string, unknown> {
  try {
    return getArgumentValues(field, node, variables);
  } catch {
    return {};
  }
}

/** `first` as it multiplies an estimate: clamped to 1..MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE when absent. */
export function pageSize(first: unknown, fallback = DEFAULT_PAGE_SIZE): number {
  if (typeof first !== 'number' || !Number.isFinite(first)) return fallback;
  return Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(first)));
}

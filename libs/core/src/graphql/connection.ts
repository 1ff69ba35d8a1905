import type { Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { isIsoDate } from '../errors/is-iso-date';
import { FIELD_MESSAGES, invalidField } from '../errors/validation';

@ObjectType({ description: 'Relay page information.' })
export class PageInfo {
  @Field() hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

export interface Page<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** A Relay-style connection type for `classRef`: `XConnection { edges { cursor node } pageInfo totalCount }`. */
export function Connection<T>(classRef: Type<T>): Type<Page<T>> {
  @ObjectType(`${classRef.name}Edge`)
  class Edge {
    @Field() cursor!: string;
    @Field(() => classRef) node!: T;
  }

  @ObjectType({ isAbstract: true })
  class ConnectionType {
    @Field(() => [Edge]) edges!: Edge[];
    @Field(() => PageInfo) pageInfo!: PageInfo;
    @Field(() => Int, { description: 'All matching items, not just this page.' })
    totalCount!: number;
  }
  return ConnectionType;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, defaultValue: 20, description: 'Page size, 1 to 100.' })
  @IsOptional()
  @Min(1)
  @Max(100)
  first: number = 20;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  after?: string | null;
}

/** Keyset position: newest first by `at`, ties broken by id. Opaque to clients. */
export interface Cursor {
  at: string;
  id: string;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.at, cursor.id])).toString('base64url');
}

/** The cursor a string stands for, or null if it is not one of ours (a cursor is input too). */
export function parseCursor(value: string): Cursor | null {
  try {
    const [at, id] = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as unknown[];
    if (
      typeof at === 'string' &&
      typeof id === 'string' &&
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(at) &&
      // A real instant (no 30 February, no 24:00) within the dates Jobbro accepts, so
      // PostgreSQL never sees a timestamp it would refuse.
      isIsoDate(at.slice(0, 10)) &&
      !Number.isNaN(Date.parse(at)) &&
      new Date(at).toISOString() === at &&
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)
    ) {
      return { at, id };
    }
  } catch {
    // not JSON, or not an array: not a cursor
  }
  return null;
}

const INVALID_CURSOR = FIELD_MESSAGES.isCursor;

export function decodeCursor(value: string | null | undefined): Cursor | null {
  if (!value) return null;
  const cursor = parseCursor(value);
  if (!cursor) throw invalidField('after', 'isCursor', INVALID_CURSOR);
  return cursor;
}

/** Builds a page from `first + 1` rows fetched after the cursor. */
export function toPage<T extends { id: string }>(
  rows: T[],
  first: number,
  totalCount: number,
  at: (row: T) => Date,
): Page<T> {
  const nodes = rows.slice(0, first);
  const edges = nodes.map((node) => ({
    node,
    cursor: encodeCursor({ at: at(node).toISOString(), id: node.id }),
  }));
  return {
    edges,
    totalCount,
    pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
  };
}

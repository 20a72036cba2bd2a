import type Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import type { SchemaEntry } from '../../../../schemas/src/types';
import { createAjv } from './ajv';
import { nearest } from '../util/nearest';

/** A validator compiled ahead of time (`npm run build` writes one per catalog entry), if there is one. */
export type PrecompiledValidators = (id: string) => ValidateFunction | undefined;

/** The catalog of kinds with their schemas; validators loaded (or else compiled) lazily, once. */
export class SchemaRegistry {
  private readonly byKey = new Map<string, SchemaEntry>();
  private readonly byId = new Map<string, SchemaEntry>();
  private readonly byKind = new Map<string, SchemaEntry[]>();
  private readonly kindsByApiVersion = new Map<string, string[]>();
  private readonly validators = new Map<string, ValidateFunction>();
  private ajvInstance: Ajv | undefined;
  private get ajv(): Ajv {
    return (this.ajvInstance ??= createAjv());
  }

  constructor(
    readonly entries: readonly SchemaEntry[],
    private readonly precompiled?: PrecompiledValidators,
  ) {
    for (const e of entries) {
      this.byId.set(e.id, e);
      for (const v of e.apiVersions) {
        this.byKey.set(`${v}|${e.kind}`, e);
        const kinds = this.kindsByApiVersion.get(v) ?? [];
        kinds.push(e.kind);
        this.kindsByApiVersion.set(v, kinds);
      }
      const list = this.byKind.get(e.kind) ?? [];
      list.push(e);
      this.byKind.set(e.kind, list);
    }
  }

  entry(id: string): SchemaEntry | undefined {
    return this.byId.get(id);
  }

  lookup(apiVersion: string, kind: string): SchemaEntry | undefined {
    return this.byKey.get(`${apiVersion}|${kind}`);
  }

  /** Entries of a kind under any apiVersion (Workspace: tctl + GitOps; IngressGateway: install + config). */
  entriesForKind(kind: string): SchemaEntry[] {
    return this.byKind.get(kind) ?? [];
  }

  kindsOf(apiVersion: string): string[] {
    return this.kindsByApiVersion.get(apiVersion) ?? [];
  }

  apiVersions(): string[] {
    return [...this.kindsByApiVersion.keys()];
  }

  allKinds(): string[] {
    return [...this.byKind.keys()];
  }

  nearestKind(kind: string, apiVersion?: string): string | undefined {
    const pool = apiVersion && this.kindsOf(apiVersion).length ? this.kindsOf(apiVersion) : this.allKinds();
    return nearest(kind, pool, 3);
  }

  validator(entry: SchemaEntry): ValidateFunction {
    let v = this.validators.get(entry.id);
    if (!v) {
      // Compiling a large schema costs 50-300 ms; a precompiled one only loads.
      v = this.precompiled?.(entry.id) ?? this.ajv.compile(entry.schema);
      this.validators.set(entry.id, v);
    }
    return v;
  }
}

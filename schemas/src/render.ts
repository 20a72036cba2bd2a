// Renders the committed files: schemas/<id>.schema.json for every entry and schemas/catalog.json.
import { catalog } from './index';

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** File name (relative to schemas/) -> content, in catalog order. */
export function renderFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const e of catalog) files.set(`${e.id}.schema.json`, json(e.schema));
  files.set(
    'catalog.json',
    json({
      schemas: catalog.map((e) => ({
        id: e.id,
        kind: e.kind,
        apiVersions: e.apiVersions,
        dialect: e.dialect,
        file: `${e.id}.schema.json`,
        description: e.description,
      })),
    }),
  );
  return files;
}

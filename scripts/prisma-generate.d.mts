// Types for scripts/prisma-generate.mjs (plain JavaScript so that `npm ci` can run it as is).

/** Schema paths, relative to the repository root. */
export declare const schemaPaths: { readonly sqlite: string; readonly postgresql: string };

/** The PostgreSQL schema derived from the SQLite source schema's text. Throws if the source's shape is unexpected. */
export declare function derivePostgresSchema(sqliteSource: string): string;

/** Whether the committed derived schema matches the source. */
export declare function derivedSchemaIsCurrent(rootDir?: string): boolean;

/** Writes the derived schema when it changed; returns whether it wrote. */
export declare function writeDerivedSchema(rootDir?: string): boolean;

import 'vitest';

// What test/global-setup.ts provides to every test file.
declare module 'vitest' {
  export interface ProvidedContext {
    /** Path of a tarball of a migrated PGlite data directory. */
    pgliteTemplate: string;
    /** Name of a migrated PostgreSQL template database, when DATABASE_URL is set. */
    postgresTemplate: string | null;
  }
}

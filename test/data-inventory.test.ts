import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../src/core/db/testing';

type Entry = 'none' | { class: 'personal' | 'sensitive'; purpose: string; basis: string; retention: string };
type Inventory = {
  bases: Record<string, string>;
  retention: Record<string, string>;
  tables: Record<string, Record<string, Entry>>;
};

const inventory = JSON.parse(readFileSync(new URL('../docs/data-inventory.json', import.meta.url), 'utf8')) as Inventory;

describe('personal data inventory (PIPL)', () => {
  it('lists every column of the migrated schema, and no column that does not exist', async () => {
    const database = await createTestDatabase('pglite');
    try {
      const rows = await sql<{ table_name: string; column_name: string }>`
        select table_name, column_name from information_schema.columns where table_schema = 'public'`.execute(database.kysely);
      const inSchema = rows.rows.map((row) => `${row.table_name}.${row.column_name}`).sort();
      const inInventory = Object.entries(inventory.tables)
        .flatMap(([table, columns]) => Object.keys(columns).map((column) => `${table}.${column}`))
        .sort();
      const missing = inSchema.filter((column) => !inInventory.includes(column));
      const stale = inInventory.filter((column) => !inSchema.includes(column));
      expect(missing, 'columns without an inventory entry (docs/data-inventory.json)').toEqual([]);
      expect(stale, 'inventory entries for columns that no longer exist').toEqual([]);
    } finally {
      await database.close();
    }
  });

  it('gives every personal-data column a purpose, a known legal basis and a known retention', () => {
    for (const [table, columns] of Object.entries(inventory.tables)) {
      for (const [column, entry] of Object.entries(columns)) {
        if (entry === 'none') continue;
        const where = `${table}.${column}`;
        expect(['personal', 'sensitive'], where).toContain(entry.class);
        expect(entry.purpose.length, where).toBeGreaterThan(3);
        expect(inventory.bases, where).toHaveProperty(entry.basis);
        expect(inventory.retention, where).toHaveProperty(entry.retention);
      }
    }
  });

  it('classes the identity numbers, phones and credentials as sensitive', () => {
    const classOf = (table: string, column: string) => {
      const entry = inventory.tables[table]?.[column];
      return entry === undefined || entry === 'none' ? entry : entry.class;
    };
    for (const [table, column] of [
      ['person', 'id_number_envelope'],
      ['person', 'phone_envelope'],
      ['account', 'password_hash'],
      ['account_totp', 'secret_envelope'],
    ] as const) {
      expect(classOf(table, column), `${table}.${column}`).toBe('sensitive');
    }
  });
});

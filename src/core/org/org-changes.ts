import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';

/**
 * How the org tree tells the modules that keep records at its units that the
 * tree changed. The orgs module makes the change and calls every listener in
 * the same transaction, so a move, dissolution or merge and what follows from
 * it commit together or not at all. Modules do not import each other; they
 * declare a listener in their manifest (`orgListeners`).
 */
export type SubtreeMove = {
  unitId: number;
  /** Every path that started with `fromPath` now starts with `toPath`. */
  fromPath: string;
  toPath: string;
  /** The date of the change (YYYY-MM-DD). */
  on: string;
  actorAccountId: number | null;
};

export type UnitHandover = {
  /** The unit being dissolved or merged; nothing may stay at it. */
  from: { id: number; path: string };
  /** The unit that takes its records over (by default the parent). */
  to: { id: number; path: string };
  kind: 'dissolved' | 'merged';
  /** The date of the decision (YYYY-MM-DD). */
  on: string;
  actorAccountId: number | null;
};

export type HandoverResult = { label: string; count: number };

export type OrgChangeListener = {
  subtreeMoved?: (db: Kysely<DB>, move: SubtreeMove) => Promise<void>;
  unitHandedOver?: (db: Kysely<DB>, handover: UnitHandover) => Promise<HandoverResult>;
};

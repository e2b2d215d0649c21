import { coreModule } from '../core/manifest';
import type { ModuleManifest } from '../core/module';
import { accountsModule } from '../modules/accounts';
import { assistanceModule } from '../modules/assistance';
import { membersModule } from '../modules/members';
import { orgsModule } from '../modules/orgs';
import { plansModule } from '../modules/plans';

/** Every part of the platform, in dependency order. The server, CLI and tests are built from this list. */
export const MODULES: readonly ModuleManifest[] = [coreModule, orgsModule, membersModule, accountsModule, assistanceModule, plansModule];

export const allMigrations = () => MODULES.flatMap((module) => module.migrations);

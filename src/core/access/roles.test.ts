import { describe, expect, it } from 'vitest';
import { permissionsFor } from './roles';

const DECLARED = ['orgs.read', 'members.read', 'members.write', 'members.reveal', 'members.export', 'audit.read', 'audit.export', 'accounts.read', 'accounts.write', 'accounts.security'];

describe('roles to permissions', () => {
  it('gives business roles their module permissions but never the administrators namespaces', () => {
    expect([...permissionsFor(['clerk'], DECLARED)].sort()).toEqual(['members.export', 'members.read', 'members.reveal', 'members.write', 'orgs.read']);
    expect(permissionsFor(['head', 'reviewer', 'clerk'], DECLARED).has('audit.read')).toBe(false);
    expect(permissionsFor(['head'], DECLARED).has('accounts.write')).toBe(false);
  });

  it('lets the audit administrator read and export audit data and nothing else', () => {
    expect([...permissionsFor(['auditadmin'], DECLARED)].sort()).toEqual(['audit.export', 'audit.read']);
  });

  it('keeps member data away from the system and security administrators', () => {
    expect([...permissionsFor(['sysadmin'], DECLARED)].sort()).toEqual(['accounts.read', 'accounts.write', 'orgs.read']);
    expect([...permissionsFor(['secadmin'], DECLARED)].sort()).toEqual(['accounts.read', 'accounts.security']);
  });

  it('lets clerks and heads issue documents down the tree, and only heads supervise', () => {
    const declared = ['plans.read', 'plans.write', 'plans.issue', 'plans.review', 'plans.supervise'];
    expect([...permissionsFor(['clerk'], declared)].sort()).toEqual(['plans.issue', 'plans.read', 'plans.write']);
    expect([...permissionsFor(['head'], declared)].sort()).toEqual(['plans.issue', 'plans.read', 'plans.review', 'plans.supervise']);
    expect([...permissionsFor(['reviewer'], declared)].sort()).toEqual(['plans.read', 'plans.review']);
  });

  it('ignores unknown roles', () => {
    expect(permissionsFor(['root', 'admin'], DECLARED).size).toBe(0);
  });
});

// Who may do what: least privilege per role. Every signed-in page and action names one of these
// permissions, and tests/integration/role-matrix.test.ts checks every route against every role.
import type { Role } from '../db/types';

export const ROLES: readonly Role[] = ['admin', 'panel', 'org_editor', 'link_worker'];

export const ROLE_NAMES: Record<Role, string> = {
  admin: 'Administrator',
  panel: 'Community panel member',
  org_editor: 'Organisation editor',
  link_worker: 'Link worker',
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  admin: 'Can do everything, including adding people and changing their roles.',
  panel: 'Reviews suggestions and reports, publishes changes, checks listings and records gaps.',
  org_editor: 'Edits the listings of their own organisations. Changes go to the panel for review unless the organisation is trusted.',
  link_worker: 'Sees and writes practitioner notes, and suggests changes.',
};

export type Permission =
  | 'panel:home' // the signed-in start page
  | 'freshness:view' // the freshness dashboard and its CSV
  | 'queue:review' // the review queue: suggestions and reports, accept or reject
  | 'service:edit-any' // edit and publish any listing, verify it, add a new one
  | 'service:edit-own' // edit own organisations' listings (publish if trusted, else suggest)
  | 'service:suggest' // suggest a change while signed in
  | 'history:view' // a listing's change history and its CSV
  | 'notes:read' // practitioner notes
  | 'notes:write'
  | 'users:manage' // people, roles, invitations
  | 'organisations:manage' // trusted organisations and their editors
  | 'settings:view' // lay words and freshness settings
  | 'audit:view' // sign-ins, failed sign-ins, role changes
  | 'referrals:record' // count a referral or an unmet need (anonymous counts only)
  | 'reports:view' // gap and use reports, their map and CSVs
  | 'gaps:manage' // the gap register: raise gaps and move them on
  | 'key-services:manage' // mark "key local services" for a category
  | 'taxonomy:manage'; // the taxonomy crosswalk: map imported feeds' terms onto our categories

const GRANTS: Record<Role, readonly Permission[]> = {
  admin: [
    'panel:home',
    'freshness:view',
    'queue:review',
    'service:edit-any',
    'service:edit-own',
    'service:suggest',
    'history:view',
    'notes:read',
    'notes:write',
    'users:manage',
    'organisations:manage',
    'settings:view',
    'audit:view',
    'referrals:record',
    'reports:view',
    'gaps:manage',
    'key-services:manage',
    'taxonomy:manage',
  ],
  panel: [
    'panel:home',
    'freshness:view',
    'queue:review',
    'service:edit-any',
    'service:edit-own',
    'service:suggest',
    'history:view',
    'notes:read',
    'notes:write',
    'organisations:manage',
    'settings:view',
    'referrals:record',
    'reports:view',
    'gaps:manage',
    'key-services:manage',
    'taxonomy:manage',
  ],
  org_editor: ['panel:home', 'service:edit-own', 'service:suggest', 'history:view'],
  link_worker: ['panel:home', 'service:suggest', 'notes:read', 'notes:write', 'referrals:record'],
};

export function can(role: Role | null | undefined, permission: Permission): boolean {
  return role ? GRANTS[role].includes(permission) : false;
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

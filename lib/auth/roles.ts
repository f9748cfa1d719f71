// Plain data, safe for the browser bundle (access.ts, which reads the database, re-exports it).

/** In rising order of rights: each role can do what the ones before it can. */
export const ROLES = ["viewer", "admin", "owner"] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function rank(role: Role): number {
  return ROLES.indexOf(role);
}

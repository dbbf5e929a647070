/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** The signed-in person's session (src/middleware.ts), or null. */
    session: import('./lib/accounts/sessions').ActiveSession | null;
  }
}

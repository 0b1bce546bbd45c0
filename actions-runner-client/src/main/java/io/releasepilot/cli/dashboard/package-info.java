/**
 * The release dashboard of {@code release-pilot serve}: server-rendered pages and their JSON API over the ledger,
 * live updates over server-sent events, and the access rules (authentication, read-only users, CSRF-protected
 * operator actions).
 */
package io.releasepilot.cli.dashboard;

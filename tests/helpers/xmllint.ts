import { spawnSync } from 'node:child_process';

/**
 * Checks an XML document with xmllint (Debian: libxml2-utils) and returns its complaints ('' when
 * well-formed). A missing xmllint fails the test that needs it, saying what to install.
 */
export function xmllint(xml: string): string {
  const r = spawnSync('xmllint', ['--noout', '--nonet', '-'], { input: xml, encoding: 'utf8' });
  if (r.error) throw new Error(`xmllint is needed for this test (Debian package libxml2-utils): ${r.error.message}`);
  return r.status === 0 ? '' : r.stderr || `xmllint exited ${r.status}`;
}

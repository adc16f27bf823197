/**
 * A DNS lookup for undici's `connect.lookup` that keeps only addresses passing a check, so the
 * check applies to the address actually connected to, on every connection (redirects included).
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { isPublicAddress } from './public-address.js';

/** Builds the error passed to the connection when a host resolves only to rejected addresses. */
export type RejectedLookup = (hostname: string, addresses: readonly string[]) => Error;

/**
 * Returns a lookup that drops addresses `isAllowed` rejects (default: non-public ones) and fails
 * with `rejected(...)` when none remains.
 */
export function createPublicLookup(rejected: RejectedLookup, isAllowed: (address: string) => boolean = isPublicAddress): LookupFunction {
  return (hostname, lookupOptions, callback) => {
    dnsLookup(hostname, { ...lookupOptions, all: true }, (error, addresses: LookupAddress[]) => {
      if (error !== null) return callback(error, '', 0);
      const allowed = addresses.filter((entry) => isAllowed(entry.address));
      const first = allowed[0];
      if (first === undefined) {
        return callback(rejected(hostname, addresses.map((entry) => entry.address)) as NodeJS.ErrnoException, '', 0);
      }
      if (lookupOptions.all === true) return (callback as unknown as (error: null, addresses: LookupAddress[]) => void)(null, allowed);
      callback(null, first.address, first.family);
    });
  };
}

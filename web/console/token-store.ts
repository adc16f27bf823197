/**
 * The API token of this tab. It lives in `sessionStorage`, so it is gone when the tab closes, and it
 * is only ever sent in the `Authorization` header, never in a URL.
 */
const STORAGE_KEY = 'fluvie-render.api-token';

export function readToken(): string | null {
  const token = sessionStorage.getItem(STORAGE_KEY);
  return token === null || token === '' ? null : token;
}

export function saveToken(token: string): void {
  sessionStorage.setItem(STORAGE_KEY, token);
}

export function forgetToken(): void {
  sessionStorage.removeItem(STORAGE_KEY);
}

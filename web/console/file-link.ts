/**
 * Download links of the console. The API builds `downloadUrl` from PUBLIC_BASE_URL (default
 * `http://localhost:<PORT>/`), which is wrong for a browser on another machine, so links to this
 * server's file route are rebuilt relative to the console page, which this same server serves.
 */

const FILE_ROUTE = 'v1/files/';

/**
 * Returns `downloadUrl` resolved against `pageUrl` when it names the `v1/files/` route (keeping the
 * signed `token` query), else `downloadUrl` unchanged, such as a link straight to object storage.
 */
export function pageRelativeFileLink(downloadUrl: string, pageUrl: string): string {
  let url: URL;
  try {
    url = new URL(downloadUrl, pageUrl);
  } catch {
    return downloadUrl;
  }
  const index = url.pathname.lastIndexOf(`/${FILE_ROUTE}`);
  if (index < 0) return downloadUrl;
  return new URL(`${url.pathname.slice(index + 1)}${url.search}`, pageUrl).href;
}

/** `<base>/api/<path>?<query>`: a base may carry a path prefix; both APIs (Hugging Face, arXiv) are addressed so. */
export function apiUrl(base: string, path: string, query: Record<string, string | number> = {}): string {
  const qs = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString();
  return `${base.replace(/\/+$/, '')}/api/${path}${qs ? `?${qs}` : ''}`;
}

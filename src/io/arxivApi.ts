import { ArxivApiError, papersFromAtom } from '../core/atom.js';
import type { Paper } from '../core/paper.js';
import { loadXmlParser } from '../core/xml.js';
import { apiUrl } from './url.js';
import type { HttpClient } from './http.js';
import { getXml } from './fetchBody.js';

/** One paper from the arXiv export API (`id_list=`); null when arXiv has no such id. */
export async function fetchArxivPaper(http: HttpClient, base: string, id: string): Promise<Paper | null> {
  const url = apiUrl(base, 'query', { id_list: id, max_results: 1 });
  try {
    const [xml] = await Promise.all([getXml(http, url), loadXmlParser()]);
    const { papers } = papersFromAtom(xml, `the answer from ${http.nameOf(url)}`);
    return papers.find((p) => p.id === id) ?? null;
  } catch (error) {
    if (error instanceof ArxivApiError) return null;
    throw error;
  }
}

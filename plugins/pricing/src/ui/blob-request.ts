import { ApiError, i18n, type ApiClient, type Problem } from '@comptoir/shell';

/**
 * POST a JSON body and read a binary answer (a PDF) as a Blob. The ApiClient parses answers as JSON, so this
 * uses fetch with what the client would send: the session cookie, the CSRF token and the interface language.
 * A refusal is thrown as the ApiClient would throw it (ApiError with the problem's field errors).
 */
export async function postForBlob(api: ApiClient, path: string, body: unknown, csrfToken: string | null | undefined): Promise<Blob> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/pdf, application/problem+json', 'Accept-Language': i18n.language };
  const token = api.csrfToken ?? csrfToken;
  if (token) headers['X-CSRF-Token'] = token;
  let res: Response;
  try {
    res = await fetch(api.url(path), { method: 'POST', headers, body: JSON.stringify(body), credentials: 'same-origin' });
  } catch (err) {
    throw new ApiError(0, { code: 'NETWORK_ERROR', title: 'Network error', detail: (err as Error)?.message });
  }
  if (!res.ok) {
    let problem: Problem = { title: res.statusText };
    try {
      problem = (await res.json()) as Problem;
    } catch {
      // Not JSON: keep the status text.
    }
    throw new ApiError(res.status, { status: res.status, ...problem });
  }
  return res.blob();
}

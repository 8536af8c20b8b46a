// The JSON API client. Errors arrive as {error: {code, message}} and are thrown as ApiError.
export class ApiError extends Error {
  constructor(readonly code: string, message: string, readonly status: number) {
    super(message);
  }
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`/api/${path}`, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json().catch(() => null);
  if (!res.ok) {
    const err = json?.error;
    throw new ApiError(err?.code ?? 'HTTP_' + res.status, err?.message ?? `${method} ${path} failed with ${res.status}`, res.status);
  }
  return json as T;
}

export const get = <T>(path: string): Promise<T> => call<T>('GET', path);
export const put = <T>(path: string, body: unknown): Promise<T> => call<T>('PUT', path, body);
export const post = <T>(path: string, body: unknown): Promise<T> => call<T>('POST', path, body);

/** A tiny signed-in API client for setting up browser journeys through the real endpoints. */
export class ApiClient {
  private cookie = '';
  private csrf = '';

  constructor(private readonly base: string) {}

  async signIn(email: string, password: string): Promise<this> {
    const res = await fetch(`${this.base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (!res.ok) throw new Error(`login ${email}: ${res.status}`);
    this.cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    this.csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
    return this;
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- journeys read fixtures loosely (see eslint.config.mjs)
  async call<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<T> {
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: {
        cookie: this.cookie,
        'x-csrf-token': this.csrf,
        ...(body ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** A multipart upload of one file in the field "file", as the admin's file input sends it. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as call() above
  async upload<T = any>(
    path: string,
    fileName: string,
    bytes: Uint8Array,
    type = 'application/octet-stream',
  ): Promise<T> {
    const form = new FormData();
    form.append('file', new Blob([Uint8Array.from(bytes)], { type }), fileName);
    const res = await fetch(`${this.base}${path}`, {
      method: 'POST',
      headers: { cookie: this.cookie, 'x-csrf-token': this.csrf },
      body: form,
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${text}`);
    return JSON.parse(text) as T;
  }
}

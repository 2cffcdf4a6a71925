import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A person known to the test provider: what they type on its login page, and what it says about them. */
export interface ProviderAccount {
  login: string;
  password: string;
  email: string;
  /** Authentication methods the provider reports (RFC 8176), e.g. ['pwd', 'mfa']. */
  amr?: string[];
}

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** While set, every ID token the token endpoint hands out is re-signed for this audience (another client). */
  tamperAudience: string | null;
  /** Signs in at the provider's own pages and gives back the URL it redirects to (our callback, with the code). */
  signIn(authorizationUrl: string, login: string, password: string): Promise<string>;
  stop(): Promise<void>;
}

/**
 * A real OpenID provider (oidc-provider) on 127.0.0.1, with a login page and a consent page of its own. It is
 * ES-module only: loaded with import(), which swc turns into a require of the transformed package under Jest.
 */
export async function startTestProvider(
  accounts: ProviderAccount[],
  redirectUri: string,
): Promise<TestProvider> {
  const { default: Provider } = await import('oidc-provider');
  const jose = await import('jose');
  const { privateKey } = await jose.generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await jose.exportJWK(privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };

  let provider: InstanceType<typeof Provider> | null = null;
  const server: Server = createServer((req, res) => {
    void handle(req, res).catch((err: unknown) => {
      res.statusCode = 500;
      res.end(String(err));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const state: TestProvider = {
    issuer,
    clientId: 'stegvis',
    clientSecret: 'stegvis-test-client-secret-not-secret',
    tamperAudience: null,
    signIn: (url, login, password) => signInAt(url, login, password),
    stop: () => new Promise<void>((r) => server.close(() => r())),
  };
  const byLogin = new Map(accounts.map((a) => [a.login, a]));
  provider = new Provider(issuer, {
    clients: [
      {
        client_id: state.clientId,
        client_secret: state.clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: ['test-provider-cookie-key'] },
    // amr is in the ID token only when a scope names it; the sign-in counts the provider's MFA by it.
    claims: { openid: ['sub', 'amr', 'acr'], email: ['email', 'email_verified'] },
    ttl: {
      Session: 600,
      Interaction: 600,
      Grant: 600,
      AccessToken: 600,
      IdToken: 600,
      AuthorizationCode: 60,
    },
    features: { devInteractions: { enabled: false } },
    pkce: { required: () => true },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx, id) => {
      const a = byLogin.get(id);
      return a
        ? { accountId: id, claims: () => ({ sub: id, email: a.email, email_verified: true }) }
        : undefined;
    },
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const p = provider!;
    const m = /^\/interaction\/([\w-]+)(\/login|\/confirm)?$/.exec(req.url ?? '');
    if (!m) {
      if (state.tamperAudience && req.method === 'POST' && req.url === '/token') tamper(res);
      return p.callback()(req, res);
    }
    const details = await p.interactionDetails(req, res);
    if (req.method === 'GET') {
      const page =
        details.prompt.name === 'login'
          ? `<h1>Kommunens inloggning</h1><form method="post" action="/interaction/${m[1]}/login">
               <label>Användarnamn <input name="login" data-testid="idp-login"></label>
               <label>Lösenord <input name="password" type="password" data-testid="idp-password"></label>
               <button type="submit" data-testid="idp-submit">Logga in</button></form>`
          : `<h1>Godkänn</h1><p>Stegvis vill veta din e-postadress.</p>
               <form method="post" action="/interaction/${m[1]}/confirm">
               <button type="submit" data-testid="idp-consent">Godkänn</button></form>`;
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(
        `<!doctype html><html lang="sv"><head><title>Kommunens inloggning</title></head><body><main>${page}</main></body></html>`,
      );
      return;
    }
    const form = new URLSearchParams(await body(req));
    if (m[2] === '/login') {
      const a = byLogin.get(form.get('login') ?? '');
      if (!a || a.password !== form.get('password')) {
        res.statusCode = 401;
        res.end('Fel användarnamn eller lösenord');
        return;
      }
      await p.interactionFinished(req, res, {
        login: { accountId: a.login, ...(a.amr ? { amr: a.amr } : {}) },
      });
      return;
    }
    const { prompt, params, session, grantId } = details;
    const grant = grantId
      ? (await p.Grant.find(grantId))!
      : new p.Grant({ accountId: session!.accountId, clientId: params.client_id as string });
    const missing = prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    await p.interactionFinished(
      req,
      res,
      { consent: { grantId: await grant.save() } },
      { mergeWithLastSubmission: true },
    );
  }

  /** Re-signs the token response's ID token for another audience, with the provider's own key. */
  function tamper(res: ServerResponse): void {
    const end = res.end.bind(res) as (chunk?: unknown) => ServerResponse;
    res.end = ((chunk?: unknown) => {
      void (async () => {
        const tokens = JSON.parse(String(chunk)) as { id_token?: string };
        if (tokens.id_token) {
          const payload = jose.decodeJwt(tokens.id_token);
          tokens.id_token = await new jose.SignJWT({ ...payload, aud: state.tamperAudience! })
            .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
            .sign(privateKey);
        }
        const out = JSON.stringify(tokens);
        res.setHeader('content-length', Buffer.byteLength(out));
        end(out);
      })();
      return res;
    }) as typeof res.end;
  }

  return state;
}

function body(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.on('data', (d) => (data += d));
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}

/**
 * Walks the provider's pages as a browser would, with a cookie jar of its own: the authorization request, the login
 * form, the consent form, until the provider redirects to a URL outside itself (our callback).
 */
async function signInAt(authorizationUrl: string, login: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const origin = new URL(authorizationUrl).origin;
  const send = async (url: string, form?: Record<string, string>) => {
    const res = await fetch(url, {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: form ? new URLSearchParams(form).toString() : undefined,
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair.indexOf('=');
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
    return res;
  };
  let url = authorizationUrl;
  for (let step = 0; step < 12; step++) {
    let res = await send(url);
    if (res.status === 200) {
      const html = await res.text();
      const action = /action="([^"]+)"/.exec(html)![1];
      res = await send(new URL(action, origin).href, action.endsWith('/login') ? { login, password } : {});
      if (res.status >= 400) throw new Error(`provider refused: ${res.status} ${await res.text()}`);
    }
    const next = new URL(res.headers.get('location')!, url).href;
    if (!next.startsWith(origin)) return next;
    url = next;
  }
  throw new Error('the provider never sent the person back');
}

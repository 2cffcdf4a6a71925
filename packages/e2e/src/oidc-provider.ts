import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A person known to the test provider: what they type on its login page, and the e-mail address it vouches for. */
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
  stop(): Promise<void>;
}

/**
 * A real OpenID provider (oidc-provider, ES-module only, hence import()) on 127.0.0.1, with a login page and a
 * consent page of its own, as the municipality's would have. The journey's api is its only client.
 */
export async function startTestProvider(
  port: number,
  accounts: ProviderAccount[],
  redirectUri: string,
): Promise<TestProvider> {
  const { default: Provider } = await import('oidc-provider');
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = 'stegvis';
  const clientSecret = 'stegvis-journey-client-secret-not-secret';
  const byLogin = new Map(accounts.map((a) => [a.login, a]));
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    cookies: { keys: ['journey-provider-cookie-key'] },
    // amr is in the ID token only when a scope names it.
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
    const m = /^\/interaction\/([\w-]+)(\/login|\/confirm)?$/.exec(req.url ?? '');
    if (!m) return provider.callback()(req, res);
    const details = await provider.interactionDetails(req, res);
    if (req.method === 'GET') {
      const page =
        details.prompt.name === 'login'
          ? `<h1>Ängelholms kommun</h1><form method="post" action="/interaction/${m[1]}/login">
               <p><label>Användarnamn <input name="login" data-testid="idp-login" autocomplete="username"></label></p>
               <p><label>Lösenord <input name="password" type="password" data-testid="idp-password"></label></p>
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
      await provider.interactionFinished(req, res, {
        login: { accountId: a.login, ...(a.amr ? { amr: a.amr } : {}) },
      });
      return;
    }
    const { prompt, params, session, grantId } = details;
    const grant = grantId
      ? (await provider.Grant.find(grantId))!
      : new provider.Grant({ accountId: session!.accountId, clientId: params.client_id as string });
    const missing = prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    await provider.interactionFinished(
      req,
      res,
      { consent: { grantId: await grant.save() } },
      { mergeWithLastSubmission: true },
    );
  }

  const server = createServer((req, res) => {
    void handle(req, res).catch((err: unknown) => {
      res.statusCode = 500;
      res.end(String(err));
    });
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  if ((server.address() as AddressInfo).port !== port) throw new Error('provider on the wrong port');
  return {
    issuer,
    clientId,
    clientSecret,
    stop: () => new Promise<void>((r) => server.close(() => r())),
  };
}

function body(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.on('data', (d) => (data += d));
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}

import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import {
  DEFAULT_SMALL_CELL_THRESHOLD,
  MIN_SMALL_CELL_THRESHOLD,
  PASSWORD_MESSAGES,
  passwordProblem,
  ROLES,
  type Role,
} from '@stegvis/contracts';

/**
 * The whole configuration of the api, validated once at start. This is the only module that reads
 * process.env: everything else receives an AppConfig.
 */
export interface AppConfig {
  nodeEnv: 'development' | 'test' | 'production';
  port: number;
  host: string;
  /** Null means: start the embedded PostgreSQL in dataDir. */
  databaseUrl: string | null;
  dataDir: string;
  embeddedPgPort: number;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  cookieSecure: boolean;
  /** Express's `trust proxy`: which hops' X-Forwarded-For to believe, so that per-address limits see the client. */
  trustProxy: boolean | number | string;
  /** Failed attempts of one account from one address before the pair is locked. */
  loginMaxFailures: number;
  loginWindowMinutes: number;
  /** The first lock of an account-and-address pair; each later one is twice the one before. */
  loginLockSeconds: number;
  /** Distinct accounts failing from one address within the window before that address is refused. */
  loginMaxAccountsPerAddress: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'silent';
  /**
   * Who may read Swagger UI (/api/docs) and the OpenAPI document (/api/openapi.json): anyone (the default in
   * development), a signed-in admin (the default elsewhere), or nobody (404).
   */
  apiDocs: 'public' | 'admin' | 'off';
  /** Built admin SPA and survey site to serve, when present. */
  adminDist: string | null;
  surveyDist: string | null;
  initialAdmin: { email: string; password: string } | null;
  runMigrations: boolean;
  /** Years after a participant's last enrolment ended before their personal data is pseudonymised. */
  retentionYears: number;
  /** Run the retention job daily inside the api (off in tests, which call it directly). */
  retentionSchedule: boolean;
  /** smtp://user:pass@host:587 — without it, e-mail waits in the outbox table. */
  smtpUrl: string | null;
  /**
   * The deployment's k: a survey round's results are shown only once it has closed with at least k answers, and
   * aggregate-only readers see no cell of fewer than k. Never taken from a request.
   */
  smallCellK: number;
  /**
   * How long the disclosure audit of one programme may take (DISCLOSURE_AUDIT_MS) before it fails closed: an
   * aggregate-only reader then sees no figure that depends on an outcome, until the data changes.
   */
  disclosureAuditMs: number;
  /**
   * Roles that must sign in with a TOTP code as well. Unset, those who see names (DEFAULT_TOTP_REQUIRED_ROLES);
   * `TOTP_REQUIRED_ROLES=` (empty) requires none.
   */
  totpRequiredRoles: Role[];
  /** Seed demo data into an empty database (npm start). */
  demoSeed: boolean;
  /**
   * The key of `participant.personal_number_hash` (HMAC-SHA256): duplicates across programmes are found by the
   * hash, never by a lookup whose answer a user sees. Required in production; dev and test use a fixed one.
   */
  personalNumberKey: string;
  handbook: HandbookConfig;
  /** Sign-in through the municipality's identity provider (OpenID Connect); null when OIDC_ISSUER is unset. */
  oidc: OidcConfig | null;
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  /** Null for a public client, which then proves itself by PKCE alone. */
  clientSecret: string | null;
  /** Our callback as registered at the provider: https://<host>/api/auth/oidc/callback. */
  redirectUri: string;
  scope: string;
  /** `amr` values (RFC 8176) that show the provider used more than one factor. */
  mfaAmr: string[];
  /** `acr` values that show the same, for providers that say it with a level of assurance instead. */
  mfaAcr: string[];
  /**
   * Talk to an http:// provider. openid-client refuses it unless told; this is for a provider on 127.0.0.1 in
   * tests and development, and production refuses to start with it.
   */
  allowInsecureHttp: boolean;
}

function list(env: Env, name: string, fallback: string): string[] {
  return (env[name] ?? fallback)
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
}

function absoluteUrl(env: Env, name: string, insecure: boolean): string {
  const raw = env[name]?.trim() ?? '';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name} must be an absolute URL, got "${raw}"`);
  }
  if (url.protocol !== 'https:' && !(insecure && url.protocol === 'http:'))
    throw new ConfigError(
      `${name} must be an https:// URL (http:// only with OIDC_ALLOW_INSECURE_HTTP=true)`,
    );
  return raw;
}

function oidcConfig(env: Env, nodeEnv: AppConfig['nodeEnv']): OidcConfig | null {
  if (!env.OIDC_ISSUER?.trim()) return null;
  const allowInsecureHttp = bool(env, 'OIDC_ALLOW_INSECURE_HTTP', false);
  if (allowInsecureHttp && nodeEnv === 'production')
    throw new ConfigError(
      'OIDC_ALLOW_INSECURE_HTTP is for tests and development; production talks https only',
    );
  const clientId = env.OIDC_CLIENT_ID?.trim();
  if (!clientId) throw new ConfigError('OIDC_ISSUER needs OIDC_CLIENT_ID');
  if (!env.OIDC_REDIRECT_URI?.trim()) throw new ConfigError('OIDC_ISSUER needs OIDC_REDIRECT_URI');
  return {
    issuer: absoluteUrl(env, 'OIDC_ISSUER', allowInsecureHttp),
    clientId,
    clientSecret: secret(env, 'OIDC_CLIENT_SECRET', 'OIDC_CLIENT_SECRET_FILE'),
    redirectUri: absoluteUrl(env, 'OIDC_REDIRECT_URI', allowInsecureHttp),
    scope: env.OIDC_SCOPE?.trim() || 'openid email',
    mfaAmr: list(env, 'OIDC_MFA_AMR', 'mfa,otp'),
    mfaAcr: list(env, 'OIDC_MFA_ACR', ''),
    allowInsecureHttp,
  };
}

export interface HandbookConfig {
  /** Largest attached file, in bytes. */
  maxFileBytes: number;
  /** An entry not reviewed within this many months is listed as stale. */
  reviewMonths: number;
  /** 'postgres' keeps files in the database; 's3' in an S3-compatible store. */
  storage: 'postgres' | 's3';
  s3: {
    endpoint: string | null;
    region: string;
    bucket: string;
    accessKeyId: string;
    secretAccessKey: string;
    forcePathStyle: boolean;
  } | null;
}

function handbookConfig(env: Env): HandbookConfig {
  const storage = oneOf(env, 'HANDBOOK_STORAGE', ['postgres', 's3'] as const, 'postgres');
  let s3: HandbookConfig['s3'] = null;
  if (storage === 's3') {
    const need = ['S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'].filter((n) => !env[n]?.trim());
    if (need.length) throw new ConfigError(`HANDBOOK_STORAGE=s3 needs ${need.join(', ')}`);
    s3 = {
      endpoint: env.S3_ENDPOINT?.trim() || null,
      region: env.S3_REGION?.trim() || 'us-east-1',
      bucket: env.S3_BUCKET!.trim(),
      accessKeyId: env.S3_ACCESS_KEY_ID!.trim(),
      secretAccessKey: env.S3_SECRET_ACCESS_KEY!.trim(),
      forcePathStyle: bool(env, 'S3_FORCE_PATH_STYLE', true),
    };
  }
  return {
    maxFileBytes: int(env, 'HANDBOOK_MAX_FILE_MB', 50, 1, 2048) * 1024 * 1024,
    reviewMonths: int(env, 'HANDBOOK_REVIEW_MONTHS', 12, 1, 120),
    storage,
    s3,
  };
}

export class ConfigError extends Error {}

/** Development and tests only: production refuses to start without its own key. */
const DEV_PERSONAL_NUMBER_KEY = 'stegvis-development-personal-number-key-not-secret';
const MIN_KEY_LENGTH = 32;

/** A secret from `name` or, for container secrets, from the file `fileName` names; trimmed, null when unset. */
function secret(env: Env, name: string, fileName: string): string | null {
  const file = env[fileName]?.trim();
  if (file) {
    try {
      return readFileSync(file, 'utf8').trim() || null;
    } catch {
      throw new ConfigError(`${fileName} names a file that cannot be read: ${file}`);
    }
  }
  return env[name]?.trim() || null;
}

function personalNumberKey(env: Env, nodeEnv: AppConfig['nodeEnv']): string {
  const key = secret(env, 'PERSONAL_NUMBER_KEY', 'PERSONAL_NUMBER_KEY_FILE');
  if (!key) {
    if (nodeEnv === 'production')
      throw new ConfigError(
        'PERSONAL_NUMBER_KEY (or PERSONAL_NUMBER_KEY_FILE) is required when NODE_ENV=production: it keys the personal-number hash',
      );
    return DEV_PERSONAL_NUMBER_KEY;
  }
  if (key.length < MIN_KEY_LENGTH)
    throw new ConfigError(`PERSONAL_NUMBER_KEY must be at least ${MIN_KEY_LENGTH} characters`);
  if (nodeEnv === 'production' && key === DEV_PERSONAL_NUMBER_KEY)
    throw new ConfigError('PERSONAL_NUMBER_KEY must not be the development key in production');
  return key;
}

const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/** `false`, `true`, a hop count, or a comma-separated list of loopback/linklocal/uniquelocal and addresses or CIDRs. */
function trustProxy(env: Env): boolean | number | string {
  const raw = env.TRUST_PROXY?.trim();
  if (!raw) return 'loopback';
  if (raw === 'true' || raw === 'false') return raw === 'true';
  if (/^\d+$/.test(raw)) return Number(raw);
  const bad = raw
    .split(',')
    .map((x) => x.trim())
    .find((x) => {
      const [address, bits, ...rest] = x.split('/');
      const version = isIP(address);
      if (PROXY_NAMES.includes(x)) return false;
      return (
        !version ||
        rest.length > 0 ||
        (bits !== undefined && !(/^\d+$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128)))
      );
    });
  if (bad !== undefined)
    throw new ConfigError(
      `TRUST_PROXY must be true, false, a hop count or a list of ${PROXY_NAMES.join('/')}, addresses and CIDRs; "${bad}" is none of these`,
    );
  return raw;
}

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(`${name} must be a whole number, got "${raw}"`);
  const n = Number(raw);
  if (n < min || n > max) throw new ConfigError(`${name} must be between ${min} and ${max}, got ${n}`);
  return n;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(`${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
  }
  return raw as T;
}

/** The roles that see participants' names: a stolen password alone must not open them. */
export const DEFAULT_TOTP_REQUIRED_ROLES: readonly Role[] = ['admin', 'staff', 'analysis_member'];

function roles(env: Env, name: string, fallback: readonly Role[] = []): Role[] {
  // Unset means the default; set to nothing means none (a first look at the demo, the test suites).
  if (env[name] === undefined) return [...fallback];
  const raw = env[name].trim();
  if (!raw) return [];
  const list = raw.split(',').map((r) => r.trim());
  const bad = list.find((r) => !(ROLES as readonly string[]).includes(r));
  if (bad) throw new ConfigError(`${name} names an unknown role "${bad}" (roles: ${ROLES.join(', ')})`);
  return list as Role[];
}

export function loadConfig(env: Env = process.env, cwd = process.cwd()): AppConfig {
  const nodeEnv = oneOf(env, 'NODE_ENV', ['development', 'test', 'production'] as const, 'development');
  // *_FILE variants let container secrets hold the credentials instead of the environment.
  const urlFile = env.DATABASE_URL_FILE?.trim();
  let fromFile: string | undefined;
  if (urlFile) {
    try {
      fromFile = readFileSync(urlFile, 'utf8');
    } catch {
      throw new ConfigError(`DATABASE_URL_FILE names a file that cannot be read: ${urlFile}`);
    }
  }
  const databaseUrl = (env.DATABASE_URL ?? fromFile)?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must start with postgres:// or postgresql://');
  }
  if (nodeEnv === 'production' && !databaseUrl) {
    throw new ConfigError(
      'DATABASE_URL is required when NODE_ENV=production (the embedded database is for development)',
    );
  }
  const adminEmail = env.STEGVIS_ADMIN_EMAIL?.trim();
  const adminPassword = env.STEGVIS_ADMIN_PASSWORD;
  if (Boolean(adminEmail) !== Boolean(adminPassword)) {
    throw new ConfigError('STEGVIS_ADMIN_EMAIL and STEGVIS_ADMIN_PASSWORD must be set together');
  }
  const weak = adminPassword !== undefined ? passwordProblem(adminPassword, adminEmail) : null;
  if (weak) throw new ConfigError(`STEGVIS_ADMIN_PASSWORD: ${PASSWORD_MESSAGES[weak]}`);
  const root = env.STEGVIS_ROOT ? resolve(env.STEGVIS_ROOT) : resolve(cwd);
  return {
    nodeEnv,
    port: int(env, 'PORT', 3000, 0, 65535),
    host: env.HOST?.trim() || '127.0.0.1',
    databaseUrl,
    dataDir: resolve(root, env.STEGVIS_DATA_DIR?.trim() || '.data'),
    embeddedPgPort: int(env, 'STEGVIS_EMBEDDED_PG_PORT', 54329, 1024, 65535),
    sessionIdleMinutes: int(env, 'SESSION_IDLE_MINUTES', 30, 1, 24 * 60),
    sessionAbsoluteHours: int(env, 'SESSION_ABSOLUTE_HOURS', 12, 1, 24 * 7),
    cookieSecure: bool(env, 'COOKIE_SECURE', nodeEnv === 'production'),
    trustProxy: trustProxy(env),
    loginMaxFailures: int(env, 'LOGIN_MAX_FAILURES', 5, 1, 1000),
    loginWindowMinutes: int(env, 'LOGIN_WINDOW_MINUTES', 15, 1, 24 * 60),
    loginLockSeconds: int(env, 'LOGIN_LOCK_SECONDS', 60, 1, 3600),
    loginMaxAccountsPerAddress: int(env, 'LOGIN_MAX_ACCOUNTS_PER_ADDRESS', 20, 1, 100_000),
    logLevel: oneOf(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'silent'] as const, 'info'),
    apiDocs: oneOf(
      env,
      'API_DOCS',
      ['public', 'admin', 'off'] as const,
      nodeEnv === 'development' ? 'public' : 'admin',
    ),
    adminDist: env.STEGVIS_ADMIN_DIST ? resolve(env.STEGVIS_ADMIN_DIST) : null,
    surveyDist: env.STEGVIS_SURVEY_DIST ? resolve(env.STEGVIS_SURVEY_DIST) : null,
    initialAdmin:
      adminEmail && adminPassword ? { email: adminEmail.toLowerCase(), password: adminPassword } : null,
    runMigrations: bool(env, 'RUN_MIGRATIONS', true),
    demoSeed: bool(env, 'STEGVIS_DEMO_SEED', false),
    personalNumberKey: personalNumberKey(env, nodeEnv),
    totpRequiredRoles: roles(env, 'TOTP_REQUIRED_ROLES', DEFAULT_TOTP_REQUIRED_ROLES),
    smallCellK: int(env, 'SMALL_CELL_K', DEFAULT_SMALL_CELL_THRESHOLD, MIN_SMALL_CELL_THRESHOLD, 1000),
    disclosureAuditMs: int(env, 'DISCLOSURE_AUDIT_MS', 60_000, 1_000, 600_000),
    smtpUrl: env.SMTP_URL?.trim() || null,
    retentionYears: int(env, 'RETENTION_YEARS', 2, 1, 50),
    retentionSchedule: bool(env, 'RETENTION_SCHEDULE', nodeEnv !== 'test'),
    handbook: handbookConfig(env),
    oidc: oidcConfig(env, nodeEnv),
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');

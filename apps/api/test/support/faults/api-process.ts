import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

// The api runs as deployed: the memory settings of apps/api/runtime.env.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a typeless .cjs (allowJs is off)
const { apiRuntimeEnv } = require('../../../runtime-env.cjs') as {
  apiRuntimeEnv: () => Record<string, string>;
};

/** The real, built api (dist/main.js) as a child process, so a crash shows as an exit and not as a failed test. */
export interface ApiProcess {
  url: string;
  pid: number;
  /** Null while it runs. */
  exitCode(): number | string | null;
  output(): string;
  stop(): Promise<void>;
}

export const ADMIN = { email: 'faults@stegvis.local', password: 'long-enough-secret-42' };

export async function startApi(
  port: number,
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<ApiProcess> {
  const child: ChildProcess = spawn(process.execPath, [join(__dirname, '../../../dist/main.js')], {
    env: {
      ...process.env,
      ...apiRuntimeEnv(),
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'error',
      NODE_ENV: 'test',
      RETENTION_SCHEDULE: 'false',
      STEGVIS_ADMIN_EMAIL: ADMIN.email,
      STEGVIS_ADMIN_PASSWORD: ADMIN.password,
      // Signed in with passwords only, as the other suites; a test about two-factor login passes its own roles.
      TOTP_REQUIRED_ROLES: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let exit: number | string | null = null;
  child.stdout!.on('data', (d: Buffer) => (output += d));
  child.stderr!.on('data', (d: Buffer) => (output += d));
  child.once('exit', (code, signal) => (exit = code ?? signal));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exit !== null) throw new Error(`api exited (${exit}): ${output}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`api did not start: ${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    pid: child.pid!,
    exitCode: () => exit,
    output: () => output,
    stop: async () => {
      if (exit !== null) return;
      const gone = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([gone, new Promise((r) => (timer = setTimeout(r, 10_000)))]);
      clearTimeout(timer);
      if (exit === null) child.kill('SIGKILL');
    },
  };
}

import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { load, loadAll } from 'js-yaml';
import request from 'supertest';
import { loadConfig } from '../src/config/app-config';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * infra/: the Kubernetes manifests and the compose file parse, agree with one another and with the api they run
 * (routes, settings, image, pool size). No cluster and no Docker engine needed.
 */
const ROOT = join(__dirname, '../../..');
const K8S = join(ROOT, 'infra/k8s');
const read = (...path: string[]) => readFileSync(join(ROOT, ...path), 'utf8');

// Manifests are free-form YAML: `spec` is checked field by field.
type Manifest = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- free-form YAML; each test checks what it reads
  spec: any;
};
interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef?: { name: string; key: string } };
}

const files = readdirSync(K8S).filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml');
const manifests = files.flatMap((f) => (loadAll(read('infra/k8s', f)) as Manifest[]).filter(Boolean));
const kustomization = load(read('infra/k8s/kustomization.yaml')) as {
  namespace: string;
  resources: string[];
  configMapGenerator: { name: string; envs: string[] }[];
  images: { name: string; newName: string; newTag: string }[];
};
const one = (kind: string, name?: string): Manifest => {
  const found = manifests.filter((m) => m.kind === kind && (!name || m.metadata.name === name));
  if (found.length !== 1) throw new Error(`${found.length} ${kind} ${name ?? ''} in infra/k8s`);
  return found[0];
};
/** KEY=value lines, as kustomize's configMapGenerator reads them. */
const envFile = (text: string) =>
  Object.fromEntries(
    text
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );

/** Every environment variable name apps/api/src/config/app-config.ts (the only reader of process.env) knows. */
const appReads = (() => {
  const src = read('apps/api/src/config/app-config.ts');
  return new Set([...src.matchAll(/env\.([A-Z][A-Z0-9_]+)|'([A-Z][A-Z0-9_]+)'/g)].map((m) => m[1] ?? m[2]));
})();

const deployment = one('Deployment', 'stegvis-api');
const pod = deployment.spec.template.spec;
const api = pod.containers.find((c: { name: string }) => c.name === 'api');
const configMap = kustomization.configMapGenerator.find((g) => g.name === 'stegvis-api-config')!;
const apiEnv = envFile(configMap.envs.map((f) => read('infra/k8s', f)).join('\n'));
const compose = load(read('infra/compose.yaml')) as {
  services: Record<
    string,
    {
      environment?: Record<string, string>;
      entrypoint?: string[];
      volumes?: string[];
      depends_on?: object;
      read_only?: boolean;
    }
  >;
};
/** Compose's `${NAME:-default}`, as docker compose fills it in with NAME unset. */
const composeValue = (v: string) => String(v).replace(/\$\{[A-Z_]+:-([^}]*)\}/g, '$1');

describe('infra: Kubernetes manifests and compose file (e2e)', () => {
  let t: TestApp;
  let site: string;

  beforeAll(async () => {
    site = mkdtempSync(join(tmpdir(), 'stegvis-site-'));
    writeFileSync(join(site, 'index.html'), '<!doctype html><title>Stegvis enkät</title>');
    t = await startTestApp('infra', { STEGVIS_SURVEY_DIST: site });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(site, { recursive: true, force: true });
  });

  it('every manifest parses and names its kind; kustomization.yaml lists exactly the manifests', () => {
    expect(appReads).toContain('DATABASE_URL');
    expect(appReads).toContain('TRUST_PROXY');
    expect(manifests.length).toBeGreaterThanOrEqual(files.length);
    for (const m of manifests) {
      expect(m.apiVersion).toMatch(/^[a-z0-9.]+(\/v\d+)?$|^v1$/);
      expect(m.kind).toMatch(/^[A-Z][A-Za-z]+$/);
      expect(m.metadata.name).toMatch(/^[a-z0-9-]+$/);
    }
    expect([...kustomization.resources].sort()).toEqual([...files].sort());
    expect(one('Namespace').metadata.name).toBe(kustomization.namespace);
    expect(manifests.map((m) => m.kind).sort()).toEqual([
      'Cluster',
      'Deployment',
      'Ingress',
      'Job',
      'Namespace',
      'PodDisruptionBudget',
      'ScheduledBackup',
      'Service',
    ]);
  });

  it('the api Deployment: two replicas or more, ready on a route that checks the database, alive on one that does not', async () => {
    expect(deployment.spec.replicas).toBeGreaterThanOrEqual(2);
    expect(deployment.spec.strategy.rollingUpdate.maxUnavailable).toBe(0);
    const port = api.ports.find((p: { name: string }) => p.name === 'http');
    expect(String(port.containerPort)).toBe(apiEnv.PORT);

    const ready = api.readinessProbe.httpGet;
    expect(ready.port).toBe('http');
    expect(t.openapi.paths[ready.path]?.get).toBeDefined();
    const health = await request(t.http).get(ready.path);
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: 'ok', database: 'up' });

    // Liveness and start-up: served without PostgreSQL, so that a database outage restarts no replica.
    for (const probe of [api.livenessProbe, api.startupProbe]) {
      expect(probe.httpGet.port).toBe('http');
      expect(probe.httpGet.path).toBe('/s/');
      expect(probe.httpGet.path.startsWith(ready.path)).toBe(false);
    }
    const alive = await request(t.http).get(api.livenessProbe.httpGet.path);
    expect(alive.status).toBe(200);
    expect(alive.headers['content-type']).toMatch(/^text\/html/);
    expect(apiEnv.STEGVIS_SURVEY_DIST).toBe('/app/apps/survey/dist');
  });

  it('the api runs as a non-root user on a read-only file system, with no capabilities and bounded resources', () => {
    expect(pod.securityContext).toMatchObject({
      runAsNonRoot: true,
      runAsUser: 1000,
      seccompProfile: { type: 'RuntimeDefault' },
    });
    expect(api.securityContext).toEqual({
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'] },
    });
    expect(api.volumeMounts).toEqual([{ name: 'tmp', mountPath: '/tmp' }]);
    expect(pod.volumes).toEqual([{ name: 'tmp', emptyDir: { sizeLimit: '256Mi' } }]);
    for (const k of ['cpu', 'memory']) expect(api.resources.requests[k]).toBeDefined();
    expect(api.resources.limits.memory).toBeDefined();
    expect(pod.automountServiceAccountToken).toBe(false);
    // The image's user is the same numeric user (infra/Dockerfile).
    expect(read('infra/Dockerfile')).toMatch(
      new RegExp(`^USER ${pod.securityContext.runAsUser}:${pod.securityContext.runAsGroup}$`, 'm'),
    );
    expect(one('Namespace').metadata.labels?.['pod-security.kubernetes.io/enforce']).toBe('restricted');
  });

  it('every setting in the manifests and the compose file is one the api reads, and passes its own validation', () => {
    const deploymentNames = [...Object.keys(apiEnv), ...(api.env as EnvVar[]).map((e) => e.name)];
    const job = one('Job', 'stegvis-migrate').spec.template.spec.containers[0];
    const composeApi = Object.fromEntries(
      Object.entries(compose.services.api.environment!).map(([k, v]) => [k, composeValue(v)]),
    );
    for (const name of [
      ...deploymentNames,
      ...(job.env as EnvVar[]).map((e) => e.name),
      ...Object.keys(composeApi),
    ]) {
      expect({ name, known: appReads.has(name) }).toEqual({ name, known: true });
    }

    // The Deployment and the Job take the database URL and the personal-number key from Secrets.
    for (const container of [api, job])
      expect(
        (container.env as { name: string; valueFrom?: { secretKeyRef?: { name: string } } }[])
          .filter((e) => e.valueFrom?.secretKeyRef)
          .map((e) => [e.name, e.valueFrom!.secretKeyRef!.name]),
      ).toEqual([
        ['DATABASE_URL', 'stegvis-db-app'],
        ['PERSONAL_NUMBER_KEY', 'stegvis-personal-number-key'],
      ]);
    const inCluster = loadConfig({
      ...apiEnv,
      DATABASE_URL: 'postgresql://stegvis:x@stegvis-db-rw.stegvis:5432/stegvis',
      PERSONAL_NUMBER_KEY: 'a-key-of-at-least-thirty-two-characters',
    });
    expect(inCluster).toMatchObject({
      nodeEnv: 'production',
      host: '0.0.0.0',
      port: 3000,
      runMigrations: false,
      trustProxy: 1,
      cookieSecure: true,
      retentionSchedule: true,
    });

    const secrets = mkdtempSync(join(tmpdir(), 'stegvis-secret-'));
    writeFileSync(join(secrets, 'database_url'), 'postgres://stegvis:x@db:5432/stegvis\n');
    writeFileSync(join(secrets, 'personal_number_key'), 'a-key-of-at-least-thirty-two-characters\n');
    expect(composeApi.PERSONAL_NUMBER_KEY_FILE).toBe('/run/secrets/personal_number_key');
    const single = loadConfig({
      ...composeApi,
      DATABASE_URL_FILE: join(secrets, 'database_url'),
      PERSONAL_NUMBER_KEY_FILE: join(secrets, 'personal_number_key'),
    });
    rmSync(secrets, { recursive: true });
    expect(single).toMatchObject({
      nodeEnv: 'production',
      databaseUrl: 'postgres://stegvis:x@db:5432/stegvis',
      runMigrations: true,
      trustProxy: 1,
      smtpUrl: null,
      totpRequiredRoles: [],
      personalNumberKey: 'a-key-of-at-least-thirty-two-characters',
    });
    // The image's defaults and the settings agree on where the built sites are.
    for (const name of ['STEGVIS_ADMIN_DIST', 'STEGVIS_SURVEY_DIST']) {
      expect(read('infra/Dockerfile')).toContain(`${name}=${apiEnv[name]}`);
      expect(composeApi[name]).toBe(apiEnv[name]);
    }
    // The image runs the api with the memory settings everything else starts it with.
    const runtime = parseEnv(read('apps/api/runtime.env'));
    expect(Object.keys(runtime).sort()).toEqual(['MALLOC_ARENA_MAX', 'NODE_OPTIONS']);
    for (const [name, value = ''] of Object.entries(runtime))
      expect(read('infra/Dockerfile')).toContain(
        value.includes(' ') ? `${name}="${value}"` : `${name}=${value}`,
      );
    const angular = JSON.parse(read('apps/admin/angular.json'));
    expect(apiEnv.STEGVIS_ADMIN_DIST).toBe(
      `/app/apps/admin/${angular.projects.admin.architect.build.options.outputPath}/browser`,
    );
    expect(read('apps/survey/vite.config.ts')).toMatch(
      new RegExp(`outDir: '${apiEnv.STEGVIS_SURVEY_DIST.replace('/app/apps/survey/', '')}'`),
    );
  });

  it('the migration Job runs the api’s migrate script in the same image, against the same database', () => {
    const job = one('Job', 'stegvis-migrate').spec.template.spec;
    const c = job.containers[0];
    const script = (JSON.parse(read('apps/api/package.json')) as { scripts: Record<string, string> }).scripts
      .migrate;
    expect(script).toBe('node dist/database/migrate.js');
    expect(c.command).toEqual(['node', `apps/api/${script.split(' ')[1]}`]);
    expect(c.image).toBe(api.image);
    expect(kustomization.images.map((i) => i.name)).toEqual([api.image]);
    const dbOf = (env: EnvVar[]) => env.find((e) => e.name === 'DATABASE_URL')!.valueFrom!.secretKeyRef;
    expect(dbOf(c.env)).toEqual(dbOf(api.env));
    expect(job.restartPolicy).toBe('Never');
    expect(c.securityContext.readOnlyRootFilesystem).toBe(true);
  });

  it('PostgreSQL: a primary and a standby, a nightly backup of this cluster, the Secret the api reads, enough connections', () => {
    const cluster = one('Cluster');
    expect(cluster.apiVersion).toBe('postgresql.cnpg.io/v1');
    expect(cluster.spec.instances).toBeGreaterThanOrEqual(2);
    expect(cluster.spec.affinity).toMatchObject({
      enablePodAntiAffinity: true,
      podAntiAffinityType: 'required',
    });
    const backup = one('ScheduledBackup');
    expect(backup.spec.cluster.name).toBe(cluster.metadata.name);
    // CloudNativePG's cron has six fields, seconds first.
    expect(backup.spec.schedule.split(' ')).toHaveLength(6);
    expect(backup.spec.method).toBe('barmanObjectStore');
    expect(cluster.spec.backup.barmanObjectStore.destinationPath).toMatch(/^s3:\/\//);
    // The operator writes the application user's URI into the Secret `<cluster>-app`.
    expect((api.env as EnvVar[]).find((e) => e.name === 'DATABASE_URL')!.valueFrom!.secretKeyRef).toEqual({
      name: `${cluster.metadata.name}-app`,
      key: 'uri',
    });

    // During a rolling update one extra replica runs (maxSurge), and the migration Job holds one connection.
    const pool = Number(/max: (\d+)/.exec(read('apps/api/src/database/data-source-options.ts'))![1]);
    const peak = (deployment.spec.replicas + deployment.spec.strategy.rollingUpdate.maxSurge) * pool + 1;
    // PostgreSQL keeps 3 superuser slots; the operator and its monitoring need a few more.
    expect(peak + 3 + 5).toBeLessThanOrEqual(Number(cluster.spec.postgresql.parameters.max_connections));
  });

  it('Service, PodDisruptionBudget and Ingress reach the api pods; the Ingress serves "/" and "/s/" with TLS', () => {
    const podLabels = deployment.spec.template.metadata.labels;
    expect(deployment.spec.selector.matchLabels).toEqual(podLabels);
    const service = one('Service', 'stegvis-api');
    expect(service.spec.selector).toEqual(podLabels);
    expect(service.spec.ports).toEqual([{ name: 'http', port: 80, targetPort: 'http' }]);
    const pdb = one('PodDisruptionBudget');
    expect(pdb.spec.selector.matchLabels).toEqual(podLabels);
    expect(pdb.spec.minAvailable).toBeLessThan(deployment.spec.replicas);

    const ingress = one('Ingress');
    const hosts = ingress.spec.rules.map((r: { host: string }) => r.host);
    expect(ingress.spec.tls.flatMap((x: { hosts: string[] }) => x.hosts)).toEqual(hosts);
    const paths = ingress.spec.rules.flatMap(
      (r: {
        http: {
          paths: {
            path: string;
            pathType: string;
            backend: { service: { name: string; port: { name: string } } };
          }[];
        };
      }) => r.http.paths,
    );
    expect(paths.map((p: { path: string }) => p.path).sort()).toEqual(['/', '/s/']);
    for (const p of paths) {
      expect(p.pathType).toBe('Prefix');
      expect(p.backend.service).toEqual({ name: service.metadata.name, port: { name: 'http' } });
    }
    // Handbook files up to HANDBOOK_MAX_FILE_MB must pass the ingress.
    const maxFileMb =
      loadConfig({
        ...apiEnv,
        DATABASE_URL: 'postgres://x/y',
        PERSONAL_NUMBER_KEY: 'a-key-of-at-least-thirty-two-characters',
      }).handbook.maxFileBytes /
      1024 /
      1024;
    expect(
      Number(
        /^(\d+)m$/.exec(ingress.metadata.annotations!['nginx.ingress.kubernetes.io/proxy-body-size'])![1],
      ),
    ).toBeGreaterThan(maxFileMb);
  });

  it('compose: the api waits for a healthy PostgreSQL; the backup service runs scripts/backup.sh with the same secret', () => {
    const s = compose.services;
    expect(s.api.depends_on).toEqual({ db: { condition: 'service_healthy' } });
    expect(s.api.read_only).toBe(true);
    expect(s.api.environment!.DATABASE_URL_FILE).toBe('/run/secrets/database_url');
    expect(s.backup.environment).toEqual({ DATABASE_URL_FILE: '/run/secrets/database_url' });
    expect(s.backup.volumes).toContain('../scripts:/scripts:ro');
    expect(s.backup.entrypoint!.join(' ')).toContain('/scripts/backup.sh /backups/');
    expect(read('scripts/backup.sh')).toContain('DATABASE_URL_FILE');
    expect(read('infra/Caddyfile')).toContain('reverse_proxy api:3000');
  });
});

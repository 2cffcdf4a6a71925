import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { SnakeNamingStrategy } from './naming-strategy';

export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
    // gen_random_uuid() is built into PostgreSQL ≥ 13: no extension to install, no superuser needed.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    namingStrategy: new SnakeNamingStrategy(),
    // Never synchronize: the schema comes from the committed migrations, in every environment, tests included.
    synchronize: false,
    migrationsRun: false,
    applicationName: 'stegvis-api',
    extra: { max: 20, connectionTimeoutMillis: 5000 },
  };
}

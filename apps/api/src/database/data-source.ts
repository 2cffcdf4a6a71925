import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source-options';

/** For the TypeORM CLI (migration:generate, migration:run) against DATABASE_URL. */
const url = loadConfig().databaseUrl;
if (!url)
  throw new Error('The TypeORM CLI needs DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/stegvis)');
export default new DataSource(dataSourceOptions(url));

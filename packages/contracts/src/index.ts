export * from './roles.js';
export * from './problem.js';
export * from './auth.js';
export * from './programmes.js';
export * from './routes.js';
export * from './dates.js';

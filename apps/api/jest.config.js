/** Jest cannot load the ESM-only @nestjs/* packages itself: swc transforms them (and our TS) to CommonJS. */
module.exports = {
  rootDir: '.',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  transformIgnorePatterns: [
    '/node_modules/(?!(@nestjs|@apidevtools|uuid|file-type|strtok3|token-types|uint8array-extras|@tokenizer|@borewit|marked|htmlparser2|domhandler|domutils|entities|dom-serializer|domelementtype|content-disposition|@fastify\\/static|@fastify\\/cookie|cookie)/)',
  ],
  testTimeout: 60000,
  maxWorkers: 1,
};

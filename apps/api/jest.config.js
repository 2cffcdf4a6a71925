/**
 * Jest cannot load the ESM-only @nestjs/* packages itself: swc transforms them (and our TS) to CommonJS.
 * unpdf (PDF text in tests) loads its bundled pdf.js with `import('unpdf/pdfjs')`, which Jest's CommonJS runtime
 * refuses without --experimental-vm-modules: swc turns that import into a require, and the mapper points it at the
 * bundle, which the package's exports offer to `import` only.
 */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

module.exports = {
  rootDir: '.',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
  transform: {
    '^.+\\.(t|j)sx?$': swc,
    '/node_modules/unpdf/dist/.+\\.[cm]js$': swc,
  },
  transformIgnorePatterns: [
    '/node_modules/(?!(@nestjs|@apidevtools|uuid|file-type|strtok3|token-types|uint8array-extras|@tokenizer|@borewit|marked|htmlparser2|domhandler|domutils|entities|dom-serializer|domelementtype|content-disposition|@fastify\\/static|@fastify\\/cookie|cookie|unpdf|openid-client|oauth4webapi|jose|oidc-provider)/)',
  ],
  moduleNameMapper: {
    '^unpdf/pdfjs$': require.resolve('unpdf').replace(/index\.cjs$/, 'pdfjs.mjs'),
  },
  testTimeout: 60000,
  maxWorkers: 1,
};

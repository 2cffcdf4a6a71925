// The settings in runtime.env as an object, for whatever starts the api process (start script, benchmarks, tests).
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { parseEnv } = require('node:util');

module.exports.apiRuntimeEnv = () => parseEnv(readFileSync(join(__dirname, 'runtime.env'), 'utf8'));

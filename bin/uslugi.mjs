#!/usr/bin/env node
// The `uslugi` command: runs the TypeScript sources through tsx's loader.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli.ts');
const code = await main(process.argv.slice(2), process.env, (line) => console.log(line), (line) => console.error(line));
process.exitCode = code;

#!/usr/bin/env node
// `npx blinksale`: the Rust command line, through the addon. Same commands, output and exit
// codes as the binary and the Python console script.
import { cliMain } from './native';

process.exitCode = cliMain(['blinksale', ...process.argv.slice(2)]);

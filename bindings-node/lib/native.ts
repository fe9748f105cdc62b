// The addon, from the platform package npm installed beside this one (or a local build). When
// none fits this machine, the error says which package that is and how to get it.
import type * as Native from '../native.js';

function platformPackage(): string {
  const { platform, arch } = process;
  const report = platform === 'linux' ? (process.report?.getReport?.() as { header?: { glibcVersionRuntime?: string } }) : undefined;
  const abi = platform === 'win32' ? '-msvc' : platform === 'linux' ? (report?.header?.glibcVersionRuntime ? '-gnu' : '-musl') : '';
  return `@blinksale/blinksale-${platform}-${arch}${abi}`;
}

function load(): typeof Native {
  try {
    return require('../native.js');
  } catch (err) {
    const pkg = platformPackage();
    const { version } = require('../package.json') as { version: string };
    throw new Error(
      `blinksale: no native binary for this platform (${process.platform}-${process.arch}). It comes in the package ` +
        `${pkg}@${version}, an optional dependency of blinksale: install it with \`npm install ${pkg}@${version}\` ` +
        '(npm skips optional dependencies with --omit=optional or --no-optional, and a lockfile made on another platform ' +
        `may lack it). Platforms with packages: linux-x64-gnu, linux-arm64-gnu, darwin-x64, darwin-arm64, win32-x64-msvc.`,
      { cause: err },
    );
  }
}

const native = load();
export const { NativeClient, NativeCancel, NativeMock, NativeTrace, setLogLevel, cliMain, schemaJson } = native;
export type NativeClient = Native.NativeClient;
export type NativeCancel = Native.NativeCancel;
export type NativeMock = Native.NativeMock;
export type NativeTrace = Native.NativeTrace;
export type { WireReply } from '../native.js';

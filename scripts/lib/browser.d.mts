import type { BrowserContext, Worker } from 'playwright-core';
export const EXTENSION_DIR: string;
export function chromePath(): string;
export function newUserDataDir(): string;
export function launchWithExtension(opts: {
  port: number;
  userDataDir?: string;
  headless?: boolean;
  extensionDir?: string;
  viewport?: { width: number; height: number };
}): Promise<{ context: BrowserContext; worker: Worker; extensionId: string; userDataDir: string }>;

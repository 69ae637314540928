export const ROOT: string;
export const GMAIL_DIR: string;
export const LINKEDIN_DIR: string;
export const SHARED_LINKEDIN_DIR: string;
export function fixtureUrl(file: string): string | null;
export function gmailIndex(): Record<string, string>;
export function linkedinIndex(): Record<string, string>;
export function startFixtureServer(opts?: { port?: number }): Promise<{
  port: number;
  requests: { host: string; path: string }[];
  close(): Promise<void>;
}>;

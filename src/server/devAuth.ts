/**
 * Development sign-in: an ES256 key pair made on first start and kept in DATA_DIR/dev-key.json,
 * so tokens survive restarts. POST /v1/dev/token signs tokens with it; the verifier accepts only
 * those. Never used in production: config.ts enables it only on loopback or with SERVICE_DEV_AUTH=1.
 */
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { SignJWT, exportJWK, generateKeyPair, importJWK } from "jose";
import type { JWK, CryptoKey as JoseCryptoKey } from "jose";
import { keyVerifier } from "./auth";
import type { Clock, TokenVerifier } from "./auth";

export const DEV_KEY_FILE = "dev-key.json";
/** One hour, like an Entra access token. */
export const DEV_TOKEN_LIFETIME_SECONDS = 3600;

export type DevToken = { readonly accessToken: string; readonly expiresIn: number };

export interface DevTokenIssuer {
  issue(mailbox: string, name: string | null): Promise<DevToken>;
}

export type DevAuthority = { readonly verifier: TokenVerifier; readonly issuer: DevTokenIssuer };

export type DevAuthOptions = {
  readonly dataDir: string;
  readonly audience: string;
  readonly issuer: string;
  readonly clock: Clock;
};

type KeyFile = { readonly privateJwk: JWK; readonly publicJwk: JWK; readonly createdAt: string };

export async function loadDevAuthority(options: DevAuthOptions): Promise<DevAuthority> {
  const { privateKey, publicKey } = await loadOrCreateKey(options.dataDir, options.clock);
  const verifier = keyVerifier(publicKey, { audience: options.audience, issuer: options.issuer, algorithms: ["ES256"], clock: options.clock });
  const issuer: DevTokenIssuer = {
    async issue(mailbox: string, name: string | null): Promise<DevToken> {
      const address = mailbox.toLowerCase();
      const nowSeconds = Math.floor(options.clock() / 1000);
      const claims: Record<string, string> = { oid: devObjectId(address), preferred_username: address };
      if (name !== null) claims["name"] = name;
      const accessToken = await new SignJWT(claims)
        .setProtectedHeader({ alg: "ES256", typ: "JWT" })
        .setSubject(claims["oid"] ?? address)
        .setAudience(options.audience)
        .setIssuer(options.issuer)
        .setIssuedAt(nowSeconds)
        .setExpirationTime(nowSeconds + DEV_TOKEN_LIFETIME_SECONDS)
        .sign(privateKey);
      return { accessToken, expiresIn: DEV_TOKEN_LIFETIME_SECONDS };
    },
  };
  return { verifier, issuer };
}

/** The same mailbox always gets the same object ID, so its ordinal stays the same across tokens. */
export function devObjectId(mailbox: string): string {
  const hex = createHash("sha256").update(`tracking-tokens-dev:${mailbox.toLowerCase()}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

async function loadOrCreateKey(dataDir: string, clock: Clock): Promise<{ privateKey: JoseCryptoKey; publicKey: JoseCryptoKey }> {
  const file = path.join(dataDir, DEV_KEY_FILE);
  const existing = await readKeyFile(file);
  if (existing !== undefined) return importKeys(existing);
  await mkdir(dataDir, { recursive: true });
  const pair = await generateKeyPair("ES256", { extractable: true });
  const created: KeyFile = {
    privateJwk: await exportJWK(pair.privateKey),
    publicJwk: await exportJWK(pair.publicKey),
    createdAt: new Date(clock()).toISOString(),
  };
  // Written aside and renamed: a crash never leaves half a key file. Owner-only: it is a private key.
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(created, null, 2), { mode: 0o600 });
  try {
    // Another instance starting at the same moment may have written one first: keep theirs.
    const raced = await readKeyFile(file);
    if (raced !== undefined) return importKeys(raced);
    await rename(temporary, file);
  } finally {
    await rm(temporary, { force: true });
  }
  return importKeys((await readKeyFile(file)) ?? created);
}

async function readKeyFile(file: string): Promise<KeyFile | undefined> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  const parsed = JSON.parse(text) as Partial<KeyFile>;
  if (parsed.privateJwk === undefined || parsed.publicJwk === undefined) throw new Error(`${file} is not a development key file; delete it to make a new key.`);
  return parsed as KeyFile;
}

async function importKeys(keys: KeyFile): Promise<{ privateKey: JoseCryptoKey; publicKey: JoseCryptoKey }> {
  const privateKey = (await importJWK(keys.privateJwk, "ES256")) as JoseCryptoKey;
  const publicKey = (await importJWK(keys.publicJwk, "ES256")) as JoseCryptoKey;
  return { privateKey, publicKey };
}

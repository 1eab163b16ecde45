// The part of jose 6's API (github.com/panva/jose) that this lesson's blocks use.
declare module "jose" {
  export interface JWTPayload {
    iss?: string;
    sub?: string;
    aud?: string | string[];
    exp?: number;
    nbf?: number;
    iat?: number;
    jti?: string;
    [claim: string]: unknown;
  }
  export interface JWTVerifyOptions {
    algorithms?: string[];
    issuer?: string | string[];
    audience?: string | string[];
    typ?: string;
    requiredClaims?: string[];
    clockTolerance?: string | number;
    maxTokenAge?: string | number;
  }
  export type JWTVerifyGetKey = (protectedHeader: { alg: string; kid?: string }) => Promise<CryptoKey>;
  export function createRemoteJWKSet(url: URL): JWTVerifyGetKey;
  export function jwtVerify(
    jwt: string | Uint8Array,
    key: CryptoKey | Uint8Array | JWTVerifyGetKey,
    options?: JWTVerifyOptions,
  ): Promise<{ payload: JWTPayload; protectedHeader: { alg: string; typ?: string; kid?: string } }>;
}

/**
 * The HTTPS certificate for https://localhost: office-addin-dev-certs' files when the developer
 * made them (`npx office-addin-dev-certs install`, trusted by Outlook), else a self-signed one
 * kept in .certs/ (browsers warn; fine for the playground and for curl). `caFile` is what a client
 * trusts to accept it (NODE_EXTRA_CA_CERTS, curl --cacert): the dev-certs CA, or the self-signed one.
 */
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

const OFFICE_DEV_CERTS = path.join(os.homedir(), ".office-addin-dev-certs");

export async function loadDevCertificate(localDir) {
  const officeKey = path.join(OFFICE_DEV_CERTS, "localhost.key");
  const officeCert = path.join(OFFICE_DEV_CERTS, "localhost.crt");
  if (existsSync(officeKey) && existsSync(officeCert)) {
    return { key: await readFile(officeKey), cert: await readFile(officeCert), caFile: path.join(OFFICE_DEV_CERTS, "ca.crt"), source: `office-addin-dev-certs (${OFFICE_DEV_CERTS})`, trusted: true };
  }
  const keyFile = path.join(localDir, "localhost.key");
  const certFile = path.join(localDir, "localhost.crt");
  if (existsSync(keyFile) && existsSync(certFile)) {
    return { key: await readFile(keyFile), cert: await readFile(certFile), caFile: certFile, source: `self-signed (${certFile})`, trusted: false };
  }
  // selfsigned comes with webpack-dev-server; 5.x is async.
  const { default: selfsigned } = await import("selfsigned");
  const notAfterDate = new Date();
  notAfterDate.setFullYear(notAfterDate.getFullYear() + 1);
  const pems = await selfsigned.generate([{ name: "commonName", value: "localhost" }], {
    keySize: 2048,
    algorithm: "sha256",
    notAfterDate,
    extensions: [
      { name: "basicConstraints", cA: false },
      { name: "keyUsage", digitalSignature: true, keyEncipherment: true },
      { name: "extKeyUsage", serverAuth: true },
      { name: "subjectAltName", altNames: [{ type: 2, value: "localhost" }, { type: 7, ip: "127.0.0.1" }] },
    ],
  });
  await mkdir(localDir, { recursive: true });
  await writeFile(keyFile, pems.private, { mode: 0o600 });
  await writeFile(certFile, pems.cert);
  return { key: pems.private, cert: pems.cert, caFile: certFile, source: `self-signed, made now (${certFile})`, trusted: false };
}

/**
 * Reads a PNG's pixel size from its header, without decoding the image: the 8-byte signature,
 * then the IHDR chunk, which the PNG spec requires to come first (length 13, width, height).
 */

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] as const;
const IHDR = "IHDR";

export type PngHeader =
  | { kind: "png"; width: number; height: number }
  | { kind: "not-png"; reason: string };

export function readPngHeader(bytes: Uint8Array): PngHeader {
  if (bytes.length < SIGNATURE.length || SIGNATURE.some((b, i) => bytes[i] !== b)) {
    return { kind: "not-png", reason: "it does not start with the PNG signature" };
  }
  // Signature (8) + chunk length (4) + chunk type (4) + width (4) + height (4).
  if (bytes.length < 24) return { kind: "not-png", reason: "it ends before its IHDR header" };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunkType = String.fromCharCode(...bytes.subarray(12, 16));
  if (chunkType !== IHDR) {
    return { kind: "not-png", reason: `its first chunk is "${chunkType}", not IHDR` };
  }
  return { kind: "png", width: view.getUint32(16), height: view.getUint32(20) };
}

// A small deterministic zip writer (and the reader its tests need): entries sorted by path, one
// fixed timestamp, fixed permissions, no extra fields. The same files give the same bytes, which
// general zip tools do not promise (they store mtimes, owners and the order of the file system).
import { deflateRawSync, inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  path: string;
  data: Uint8Array;
}

/** 1980-01-01 00:00, the earliest DOS date: no build-time date ends up in an archive. */
const DOS_DATE = (1 << 5) | 1;
const DOS_TIME = 0;
const UTF8_NAMES = 0x0800;
const DEFLATE = 8;
const STORE = 0;
/** "Made by" Unix, zip 2.0: readers then take the permissions from the external attributes. */
const MADE_BY_UNIX = (3 << 8) | 20;
const REGULAR_FILE_0644 = (0o100644 << 16) >>> 0;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = (CRC_TABLE[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

interface Packed {
  name: Buffer;
  method: number;
  crc: number;
  size: number;
  body: Uint8Array;
  offset: number;
}

function pack(entry: ZipEntry, offset: number): Packed {
  const deflated = deflateRawSync(entry.data, { level: 9 });
  // Already-compressed files (PNG) are stored when deflate would not make them smaller.
  const stored = deflated.length >= entry.data.length;
  return {
    name: Buffer.from(entry.path, 'utf8'),
    method: stored ? STORE : DEFLATE,
    crc: crc32(entry.data),
    size: entry.data.length,
    body: stored ? entry.data : deflated,
    offset,
  };
}

/** The fields local and central headers share, from "version needed" to the name length. */
function commonFields(p: Packed): Buffer {
  const b = Buffer.alloc(26);
  b.writeUInt16LE(20, 0);
  b.writeUInt16LE(UTF8_NAMES, 2);
  b.writeUInt16LE(p.method, 4);
  b.writeUInt16LE(DOS_TIME, 6);
  b.writeUInt16LE(DOS_DATE, 8);
  b.writeUInt32LE(p.crc, 10);
  b.writeUInt32LE(p.body.length, 14);
  b.writeUInt32LE(p.size, 18);
  b.writeUInt16LE(p.name.length, 22);
  b.writeUInt16LE(0, 24); // no extra field
  return b;
}

function localHeader(p: Packed): Buffer {
  const sig = Buffer.alloc(4);
  sig.writeUInt32LE(0x04034b50, 0);
  return Buffer.concat([sig, commonFields(p), p.name]);
}

function centralHeader(p: Packed): Buffer {
  const head = Buffer.alloc(6);
  head.writeUInt32LE(0x02014b50, 0);
  head.writeUInt16LE(MADE_BY_UNIX, 4);
  const tail = Buffer.alloc(14);
  // comment length, disk number and internal attributes stay 0
  tail.writeUInt32LE(REGULAR_FILE_0644, 6);
  tail.writeUInt32LE(p.offset, 10);
  return Buffer.concat([head, commonFields(p), tail, p.name]);
}

function endOfCentralDirectory(count: number, size: number, offset: number): Buffer {
  const b = Buffer.alloc(22);
  b.writeUInt32LE(0x06054b50, 0);
  b.writeUInt16LE(count, 8);
  b.writeUInt16LE(count, 10);
  b.writeUInt32LE(size, 12);
  b.writeUInt32LE(offset, 16);
  return b;
}

/** The archive of `entries`, in path order whatever order they come in. */
export function createZip(entries: readonly ZipEntry[]): Buffer {
  const sorted = [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const parts: Uint8Array[] = [];
  const packed: Packed[] = [];
  let offset = 0;
  for (const entry of sorted) {
    if (entry.path.startsWith('/') || entry.path.split('/').includes('..')) {
      throw new Error(`zip: not a relative path: ${entry.path}`);
    }
    const p = pack(entry, offset);
    const header = localHeader(p);
    parts.push(header, p.body);
    packed.push(p);
    offset += header.length + p.body.length;
  }
  const central = Buffer.concat(packed.map(centralHeader));
  return Buffer.concat([...parts, central, endOfCentralDirectory(packed.length, central.length, offset)]);
}

/** The files of a zip written by createZip (or any plain stored/deflated zip without zip64). */
export function readZip(zip: Buffer): ZipEntry[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('zip: no end of central directory');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(at + 10);
    const compressed = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const path = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const body = zip.subarray(start, start + compressed);
    entries.push({ path, data: method === DEFLATE ? inflateRawSync(body) : body });
    at += 46 + skip;
  }
  return entries;
}

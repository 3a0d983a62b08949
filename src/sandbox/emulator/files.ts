/**
 * Files: image sniffing (real dimensions from PNG/JPEG/GIF/WebP headers), PhotoSize generation, a tiny PNG
 * encoder for tests and the sandbox, and the store of uploaded files by file_id / file_path.
 */
import { randomBytes } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import type { ApiDocument, PhotoSize } from './types.js';

export type ImageFormat = 'jpeg' | 'png' | 'gif' | 'webp';

export interface ImageInfo {
  format: ImageFormat;
  width: number;
  height: number;
}

/** Reads the format and dimensions of a PNG, JPEG, GIF or WebP image; `undefined` if it is not one. */
export function sniffImage(bytes: Uint8Array): ImageInfo | undefined {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length >= 24 && b.readUInt32BE(0) === 0x89504e47 && b.readUInt32BE(4) === 0x0d0a1a0a) {
    if (b.toString('latin1', 12, 16) !== 'IHDR') return undefined;
    return { format: 'png', width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
  }
  if (
    b.length >= 10 &&
    (b.toString('latin1', 0, 6) === 'GIF87a' || b.toString('latin1', 0, 6) === 'GIF89a')
  ) {
    return { format: 'gif', width: b.readUInt16LE(6), height: b.readUInt16LE(8) };
  }
  if (b.length >= 30 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP') {
    const chunk = b.toString('latin1', 12, 16);
    if (chunk === 'VP8X') {
      return { format: 'webp', width: 1 + b.readUIntLE(24, 3), height: 1 + b.readUIntLE(27, 3) };
    }
    if (chunk === 'VP8 ' && b.length >= 30) {
      return { format: 'webp', width: b.readUInt16LE(26) & 0x3fff, height: b.readUInt16LE(28) & 0x3fff };
    }
    if (chunk === 'VP8L' && b.length >= 25) {
      const bits = b.readUInt32LE(21);
      return { format: 'webp', width: 1 + (bits & 0x3fff), height: 1 + ((bits >> 14) & 0x3fff) };
    }
    return undefined;
  }
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8) {
    let pos = 2;
    while (pos + 9 < b.length) {
      if (b[pos] !== 0xff) return undefined;
      const marker = b[pos + 1] ?? 0;
      if (marker === 0xff) {
        pos++;
        continue;
      }
      if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
        pos += 2;
        continue;
      }
      const len = b.readUInt16BE(pos + 2);
      // SOF0..SOF15 except DHT (c4), JPG (c8), DAC (cc)
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { format: 'jpeg', height: b.readUInt16BE(pos + 5), width: b.readUInt16BE(pos + 7) };
      }
      pos += 2 + len;
    }
    return undefined;
  }
  return undefined;
}

let crcTable: Uint32Array | undefined;
function crc32(data: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const byte of data) crc = (crcTable[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** Encodes a solid-colour RGB PNG of the given size (a real, valid image). */
export function makePng(
  width: number,
  height: number,
  rgb: [number, number, number] = [255, 102, 0],
): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: RGB
  const row = Buffer.alloc(1 + width * 3);
  for (let x = 0; x < width; x++) row.set(rgb, 1 + x * 3);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A stored file. All sizes of one photo share the same bytes (the emulator has no image codec). */
export interface FileRecord {
  readonly file_id: string;
  readonly file_unique_id: string;
  readonly kind: 'photo' | 'document';
  /** Bytes of the file (`undefined` for a photo given by URL and stored as is). */
  readonly bytes: Buffer | undefined;
  /** The URL for photos sent by URL. */
  readonly url: string | undefined;
  readonly mimeType: string;
  readonly file_path: string | undefined;
  readonly width: number;
  readonly height: number;
  readonly fileName: string | undefined;
  /** The photo this size belongs to (all sizes). */
  readonly group: PhotoSize[] | undefined;
}

const MIME: Record<ImageFormat, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
};
const EXT: Record<ImageFormat, string> = { jpeg: 'jpg', png: 'png', gif: 'gif', webp: 'webp' };

/** Bounding boxes of Telegram's photo sizes (s, m, x, y, w). */
const BOXES = [90, 320, 800, 1280, 2560];

function fitInBox(width: number, height: number, box: number): [number, number] {
  const scale = box / Math.max(width, height);
  if (scale >= 1) return [width, height];
  return [Math.max(1, Math.round(width * scale)), Math.max(1, Math.round(height * scale))];
}

/** Keeps uploaded files; file ids are random and unique per emulator. */
export class FileStore {
  private readonly byId = new Map<string, FileRecord>();
  private readonly byPath = new Map<string, FileRecord>();
  private counter = 0;

  private newIds(prefix: string): { file_id: string; file_unique_id: string } {
    this.counter++;
    const file_id = `${prefix}${randomBytes(30).toString('base64url')}`;
    const file_unique_id = `AQAD${randomBytes(9).toString('base64url')}`;
    return { file_id, file_unique_id };
  }

  /**
   * Stores a photo (bytes already validated with {@link sniffImage}) and returns its PhotoSize list: the
   * thumbnail boxes smaller than the image, then the image itself (capped at 2560 px), largest last.
   */
  addPhoto(bytes: Buffer, info: ImageInfo): PhotoSize[] {
    const sizes: Array<[number, number]> = [];
    const largest = Math.max(info.width, info.height);
    for (const box of BOXES) {
      if (box < largest) sizes.push(fitInBox(info.width, info.height, box));
    }
    sizes.push(fitInBox(info.width, info.height, 2560));
    const group: PhotoSize[] = [];
    for (const [width, height] of sizes) {
      const ids = this.newIds('AgACAgIAAxk');
      const file_path = `photos/file_${this.counter}.${EXT[info.format]}`;
      const record: FileRecord = {
        ...ids,
        kind: 'photo',
        bytes,
        url: undefined,
        mimeType: MIME[info.format],
        file_path,
        width,
        height,
        fileName: undefined,
        group,
      };
      this.byId.set(ids.file_id, record);
      this.byPath.set(file_path, record);
      group.push({
        file_id: ids.file_id,
        file_unique_id: ids.file_unique_id,
        width,
        height,
        file_size: bytes.length,
      });
    }
    return group;
  }

  /** Stores a photo given by an http(s) URL as is (dimensions unknown: reported as 0). */
  addPhotoUrl(url: string): PhotoSize[] {
    const ids = this.newIds('AgACAgQAAxk');
    const group: PhotoSize[] = [
      { file_id: ids.file_id, file_unique_id: ids.file_unique_id, width: 0, height: 0 },
    ];
    this.byId.set(ids.file_id, {
      ...ids,
      kind: 'photo',
      bytes: undefined,
      url,
      mimeType: 'application/octet-stream',
      file_path: undefined,
      width: 0,
      height: 0,
      fileName: undefined,
      group,
    });
    return group;
  }

  /** Stores a document. */
  addDocument(bytes: Buffer, fileName: string, mimeType: string): ApiDocument {
    const ids = this.newIds('BQACAgIAAxk');
    const safe = fileName.replace(/[^A-Za-z0-9._-]/g, '_') || 'file';
    const file_path = `documents/file_${this.counter}_${safe}`;
    const record: FileRecord = {
      ...ids,
      kind: 'document',
      bytes,
      url: undefined,
      mimeType,
      file_path,
      width: 0,
      height: 0,
      fileName,
      group: undefined,
    };
    this.byId.set(ids.file_id, record);
    this.byPath.set(file_path, record);
    return { ...ids, file_name: fileName, mime_type: mimeType, file_size: bytes.length };
  }

  get(fileId: string): FileRecord | undefined {
    return this.byId.get(fileId);
  }

  getByPath(path: string): FileRecord | undefined {
    return this.byPath.get(path);
  }

  clear(): void {
    this.byId.clear();
    this.byPath.clear();
  }

  /** Every stored file and the counter that numbers new file paths (see {@link restore}). */
  snapshot(): { files: FileRecord[]; counter: number } {
    return { files: [...this.byId.values()], counter: this.counter };
  }

  /** Adds saved files (keeping their ids and paths); new paths are numbered after `counter`. */
  restore(files: readonly FileRecord[], counter: number): void {
    for (const record of files) {
      this.byId.set(record.file_id, record);
      if (record.file_path) this.byPath.set(record.file_path, record);
    }
    this.counter = Math.max(this.counter, counter);
  }
}

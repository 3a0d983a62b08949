/**
 * Request body parsing (JSON, url-encoded, multipart/form-data) and parameter coercion.
 *
 * Telegram accepts every parameter in any of these encodings; numbers and booleans arrive as strings in forms,
 * and objects (reply_markup, scope, …) arrive as JSON strings. The helpers below coerce them the same way.
 */
import { ApiError, badRequest } from './errors.js';

/** A file uploaded in a multipart request. */
export interface UploadedFile {
  readonly kind: 'upload';
  /** Name of the multipart field that carried it. */
  readonly field: string;
  readonly filename: string;
  readonly contentType: string;
  readonly bytes: Buffer;
}

export type Params = Record<string, unknown>;

/** The parsed request: parameters plus the uploaded files by field name (for `attach://<name>`). */
export interface Payload {
  params: Params;
  files: Map<string, UploadedFile>;
}

export function isUpload(value: unknown): value is UploadedFile {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'upload';
}

const EMPTY_FILES: Map<string, UploadedFile> = new Map();

/**
 * Parses a request body. `query` (the URL query string) is merged first; body fields override it.
 * Throws a 400 ApiError when the body cannot be parsed.
 */
export function parsePayload(contentType: string | undefined, body: Buffer, query: string): Payload {
  const params: Params = {};
  if (query.length > 0) {
    for (const [k, v] of new URLSearchParams(query)) params[k] = v;
  }
  if (body.length === 0) return { params, files: EMPTY_FILES };
  const ct = (contentType ?? '').toLowerCase();
  if (ct.startsWith('application/json') || ct === '') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      if (ct === '') return { params, files: EMPTY_FILES };
      throw badRequest("can't parse JSON object");
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw badRequest("can't parse JSON object");
    }
    Object.assign(params, parsed);
    return { params, files: EMPTY_FILES };
  }
  if (ct.startsWith('application/x-www-form-urlencoded')) {
    for (const [k, v] of new URLSearchParams(body.toString('utf8'))) params[k] = v;
    return { params, files: EMPTY_FILES };
  }
  if (ct.startsWith('multipart/form-data')) {
    const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType ?? '');
    const b = boundary?.[1] ?? boundary?.[2];
    if (!b) throw badRequest("can't parse multipart/form-data: boundary not found");
    const files = new Map<string, UploadedFile>();
    for (const part of parseMultipart(body, b.trim())) {
      if (part.filename !== undefined) {
        const file: UploadedFile = {
          kind: 'upload',
          field: part.name,
          filename: part.filename,
          contentType: part.contentType ?? 'application/octet-stream',
          bytes: part.data,
        };
        files.set(part.name, file);
        if (!(part.name in params)) params[part.name] = file;
      } else {
        params[part.name] = part.data.toString('utf8');
      }
    }
    return { params, files };
  }
  // Telegram ignores bodies of other types.
  return { params, files: EMPTY_FILES };
}

interface Part {
  name: string;
  filename: string | undefined;
  contentType: string | undefined;
  data: Buffer;
}

/** A small, tolerant multipart/form-data parser (header names are case-insensitive, spaces optional). */
export function parseMultipart(body: Buffer, boundary: string): Part[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: Part[] = [];
  let pos = body.indexOf(delimiter);
  if (pos < 0) throw badRequest("can't parse multipart/form-data: no parts");
  while (true) {
    pos += delimiter.length;
    // "--" after the delimiter ends the body.
    if (body[pos] === 0x2d && body[pos + 1] === 0x2d) break;
    // skip the CRLF after the delimiter line
    if (body[pos] === 0x0d && body[pos + 1] === 0x0a) pos += 2;
    else if (body[pos] === 0x0a) pos += 1;
    const next = body.indexOf(delimiter, pos);
    if (next < 0) throw badRequest("can't parse multipart/form-data: unterminated part");
    // the part ends before the CRLF that precedes the next delimiter
    let end = next;
    if (body[end - 1] === 0x0a) end--;
    if (body[end - 1] === 0x0d) end--;
    const headerEnd = indexOfHeaderEnd(body, pos, end);
    if (headerEnd === undefined) throw badRequest("can't parse multipart/form-data: bad part headers");
    const headerText = body.toString('utf8', pos, headerEnd.headersEnd);
    const data = body.subarray(headerEnd.dataStart, end);
    let name: string | undefined;
    let filename: string | undefined;
    let contentType: string | undefined;
    for (const line of headerText.split(/\r?\n/)) {
      const colon = line.indexOf(':');
      if (colon < 0) continue;
      const key = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      if (key === 'content-disposition') {
        name = dispositionParam(value, 'name');
        filename = dispositionParam(value, 'filename');
      } else if (key === 'content-type') {
        contentType = value;
      }
    }
    if (name === undefined) throw badRequest("can't parse multipart/form-data: part without a name");
    parts.push({ name, filename, contentType, data });
    pos = next;
  }
  return parts;
}

function indexOfHeaderEnd(
  body: Buffer,
  start: number,
  limit: number,
): { headersEnd: number; dataStart: number } | undefined {
  const crlf = body.indexOf('\r\n\r\n', start);
  if (crlf >= 0 && crlf <= limit) return { headersEnd: crlf, dataStart: crlf + 4 };
  const lf = body.indexOf('\n\n', start);
  if (lf >= 0 && lf <= limit) return { headersEnd: lf, dataStart: lf + 2 };
  return undefined;
}

function dispositionParam(header: string, key: string): string | undefined {
  // name="x" | name=x ; filename must not match "name"
  const re = new RegExp(`(?:^|;)\\s*${key}\\s*=\\s*(?:"((?:[^"\\\\]|\\\\.)*)"|([^;]*))`, 'i');
  const m = re.exec(header);
  if (!m) return undefined;
  return m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : (m[2] ?? '').trim();
}

// ---------------------------------------------------------------------------------------------------------
// Coercion helpers
// ---------------------------------------------------------------------------------------------------------

/** A string parameter (numbers and booleans are converted like Telegram does); `undefined` when absent. */
export function optString(p: Params, name: string): string | undefined {
  const v = p[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw badRequest(`field "${name}" must be of type String`);
}

const INT_RE = /^\s*[-+]?\d+\s*$/;

/** An integer parameter; `undefined` when absent or empty. */
export function optInt(p: Params, name: string): number | undefined {
  const v = p[name];
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v === 'number' && Number.isSafeInteger(v)) return v;
  if (typeof v === 'string' && INT_RE.test(v)) {
    const n = Number(v);
    if (Number.isSafeInteger(n)) return n;
  }
  throw badRequest(`field "${name}" must be of type Integer`);
}

/** A boolean parameter (`true`/`false`, `1`/`0`, also as strings). */
export function optBool(p: Params, name: string): boolean | undefined {
  const v = p[name];
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v === 'boolean') return v;
  if (v === 1 || v === 'true' || v === '1' || v === 'True') return true;
  if (v === 0 || v === 'false' || v === '0' || v === 'False') return false;
  throw badRequest(`field "${name}" must be of type Boolean`);
}

/**
 * An object/array parameter that may arrive as a JSON string (forms) or as a JSON value (JSON bodies).
 * `onError` gives the Telegram error text for unparsable input.
 */
export function optJson(p: Params, name: string, onError: string): unknown {
  const v = p[name];
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v === 'string') {
    try {
      return JSON.parse(v) as unknown;
    } catch {
      throw badRequest(onError);
    }
  }
  if (typeof v === 'object') return v;
  throw badRequest(onError);
}

/** Resolves an InputFile-like value: an upload, `attach://name`, or a plain string (file_id / URL). */
export function resolveInputFile(
  value: unknown,
  files: Map<string, UploadedFile>,
): UploadedFile | string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (isUpload(value)) return value;
  if (typeof value === 'string') {
    if (value.startsWith('attach://')) {
      const f = files.get(value.slice('attach://'.length));
      if (!f) throw badRequest(`can't find attached file "${value.slice('attach://'.length)}"`);
      return f;
    }
    return value;
  }
  throw new ApiError(400, 'Bad Request: invalid file specified');
}

/** Replaces uploaded files by a short description (for the call log). */
export function describeParams(p: Params): Params {
  let copy: Params | undefined;
  for (const k in p) {
    const v = p[k];
    if (isUpload(v)) {
      copy ??= { ...p };
      copy[k] = { file: v.filename, size: v.bytes.length };
    }
  }
  return copy ?? p;
}

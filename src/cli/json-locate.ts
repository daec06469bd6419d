/**
 * Where things are in a JSON source text, without ever quoting it.
 *
 * `JSON.parse` error messages in current V8 quote a piece of the input
 * (`Unexpected token 'S', "{"a": Sterre}" is not valid JSON`), which would put client data in an
 * error message. This module finds the first syntax error itself and describes it by position and
 * a fixed reason only. It also finds the line of a field path (e.g. `clients.3.name`) so that a
 * schema error can name the line it is on.
 */

export interface JsonSyntaxError {
  /** UTF-16 offset of the first offending character (or the end of the text). */
  offset: number;
  /** Fixed wording, never text from the input. */
  reason: string;
}

export type JsonPath = ReadonlyArray<string | number>;

class Stop extends Error {
  constructor(readonly offset: number, readonly reason: string) {
    super(reason);
  }
}

class Found extends Error {
  constructor(readonly offset: number) {
    super('found');
  }
}

/**
 * A tiny recursive-descent JSON reader. It only validates and tracks positions; values are not built.
 * When `target` is given, it records the offset of the deepest value on that path it enters.
 */
class Reader {
  pos = 0;
  deepest = -1;
  deepestLength = -1;

  constructor(private readonly src: string, private readonly target?: JsonPath) {}

  fail(reason: string, at = this.pos): never {
    throw new Stop(at, reason);
  }

  ws(): void {
    const s = this.src;
    while (this.pos < s.length) {
      const c = s.charCodeAt(this.pos);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) this.pos++;
      else break;
    }
  }

  document(): void {
    // A byte-order mark is tolerated by our readers (they strip it), so tolerate it here too.
    if (this.src.charCodeAt(0) === 0xfeff) this.pos = 1;
    this.ws();
    if (this.pos >= this.src.length) this.fail('empty input (expected a JSON value)');
    this.value([]);
    this.ws();
    if (this.pos < this.src.length) this.fail('unexpected text after the JSON value');
  }

  private onPath(path: JsonPath): boolean {
    const t = this.target;
    if (!t || path.length > t.length) return false;
    for (let i = 0; i < path.length; i++) if (String(path[i]) !== String(t[i])) return false;
    return true;
  }

  value(path: JsonPath): void {
    this.ws();
    if (this.onPath(path) && path.length > this.deepestLength) {
      this.deepest = this.pos;
      this.deepestLength = path.length;
      if (this.target && path.length === this.target.length) throw new Found(this.pos);
    }
    const s = this.src;
    if (this.pos >= s.length) this.fail('unexpected end of input (expected a value)');
    const c = s[this.pos];
    if (c === '{') return this.object(path);
    if (c === '[') return this.array(path);
    if (c === '"') return this.string();
    if (c === '-' || (c! >= '0' && c! <= '9')) return this.number();
    for (const lit of ['true', 'false', 'null']) {
      if (s.startsWith(lit, this.pos)) {
        this.pos += lit.length;
        return;
      }
    }
    this.fail('unexpected character (expected a value: object, array, string, number, true, false or null)');
  }

  object(path: JsonPath): void {
    this.pos++; // {
    this.ws();
    if (this.src[this.pos] === '}') {
      this.pos++;
      return;
    }
    for (;;) {
      this.ws();
      if (this.src[this.pos] !== '"') this.fail(this.pos >= this.src.length ? 'unexpected end of input (expected a property name)' : 'expected a double-quoted property name');
      const keyStart = this.pos;
      this.string();
      const key = JSON.parse(this.src.slice(keyStart, this.pos)) as string;
      this.ws();
      if (this.src[this.pos] !== ':') this.fail("expected ':' after a property name");
      this.pos++;
      this.value([...path, key]);
      this.ws();
      const c = this.src[this.pos];
      if (c === ',') {
        this.pos++;
        continue;
      }
      if (c === '}') {
        this.pos++;
        return;
      }
      this.fail(c === undefined ? "unexpected end of input (expected ',' or '}')" : "expected ',' or '}' after a property value");
    }
  }

  array(path: JsonPath): void {
    this.pos++; // [
    this.ws();
    if (this.src[this.pos] === ']') {
      this.pos++;
      return;
    }
    for (let i = 0; ; i++) {
      this.value([...path, i]);
      this.ws();
      const c = this.src[this.pos];
      if (c === ',') {
        this.pos++;
        continue;
      }
      if (c === ']') {
        this.pos++;
        return;
      }
      this.fail(c === undefined ? "unexpected end of input (expected ',' or ']')" : "expected ',' or ']' after an array element");
    }
  }

  string(): void {
    const s = this.src;
    const start = this.pos;
    this.pos++; // opening quote
    while (this.pos < s.length) {
      const c = s.charCodeAt(this.pos);
      if (c === 0x22) {
        this.pos++;
        return;
      }
      if (c === 0x5c) {
        const e = s[this.pos + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(s.slice(this.pos + 2, this.pos + 6))) this.fail('invalid \\u escape in a string');
          this.pos += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) this.pos += 2;
        else this.fail('invalid escape in a string');
        continue;
      }
      if (c < 0x20) this.fail(c === 0x0a ? 'unterminated string (line break inside a string)' : 'control character inside a string');
      this.pos++;
    }
    this.fail('unterminated string', start);
  }

  number(): void {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(this.src.slice(this.pos, this.pos + 400));
    if (!m) this.fail('invalid number');
    this.pos += m[0].length;
  }
}

/** The first syntax error in `src`, or null when it is valid JSON. */
export function findJsonSyntaxError(src: string): JsonSyntaxError | null {
  try {
    new Reader(src).document();
    return null;
  } catch (e) {
    if (e instanceof Stop) return { offset: e.offset, reason: e.reason };
    throw e;
  }
}

/**
 * Offset of the value at `path` in valid JSON `src`; when the path does not exist (a missing field),
 * the offset of its deepest existing ancestor. -1 when not even the root can be found.
 */
export function locateJsonPath(src: string, path: JsonPath): number {
  const r = new Reader(src, path);
  try {
    r.document();
  } catch (e) {
    if (e instanceof Found) return e.offset;
    if (!(e instanceof Stop)) throw e;
  }
  return r.deepest;
}

/** 1-based line and column (in UTF-16 code units) of an offset. */
export function lineColumn(src: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(Math.max(offset, 0), src.length);
  for (let i = src.indexOf('\n'); i !== -1 && i < end; i = src.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: end - lineStart + 1 };
}

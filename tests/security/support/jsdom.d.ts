/**
 * The little of jsdom's API the security tests use (jsdom ships no types and @types/jsdom is not a
 * dependency): a document parsed the way a browser parses it, with scripts off.
 */
declare module 'jsdom' {
  export class VirtualConsole {}
  export class JSDOM {
    constructor(html?: string, options?: { virtualConsole?: VirtualConsole });
    readonly window: Window & typeof globalThis;
  }
}
